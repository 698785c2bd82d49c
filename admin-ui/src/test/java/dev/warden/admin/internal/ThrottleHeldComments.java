package dev.warden.admin.internal;

import dev.warden.plugin.store.CommentStatus;
import dev.warden.plugin.store.Decision;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.Submission;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Comments as the filter stores them when the throttle holds them ({@code Assessment.heldByThrottle}). */
final class ThrottleHeldComments {
  static final Map<String, Double> SCORES = Map.of("abuse", 0.93, "disinformation", 0.12);

  private ThrottleHeldComments() {}

  /** Held by the throttle for {@code reason}; {@code classifierReason} is what the classifier alone decided. */
  static HeldComment held(String reason, String group, String classifierReason) {
    Map<String, Object> throttle = new LinkedHashMap<>();
    throttle.put("reason", reason);
    if (group != null) {
      throttle.put("group", group);
    }
    throttle.put("classifier_reason", classifierReason);
    Map<String, Object> explanation = Map.of("model", "test", "policy", "conflict", "throttle", throttle);
    Submission submission = new Submission("POST", "/articles/kyiv-3/comments", "application/json",
        "{}".getBytes(StandardCharsets.UTF_8));
    return new HeldComment("c-1", "kyiv-3", "cookie:bot-3", "Bot", "Same text", submission, SCORES, explanation,
        Decision.HOLD, reason, CommentStatus.PENDING, Instant.parse("2026-03-01T10:00:00Z"), null, null, null, 0,
        null, 1, group);
  }
}
