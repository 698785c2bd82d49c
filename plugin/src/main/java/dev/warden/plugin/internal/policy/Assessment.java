package dev.warden.plugin.internal.policy;

import dev.warden.plugin.store.Decision;
import java.util.Map;
import java.util.Objects;

/**
 * What moderation concluded for one comment.
 *
 * @param decision allow, hold or reject
 * @param reason the label or abuse kind that decided it, {@code unsupported_language}, {@code classifier_error},
 *     or {@code none} when allowed
 * @param scores the classifier's score per label and kind (empty if it failed)
 * @param explanation for moderators: {@code terms}, {@code language}, {@code flags}, {@code narratives},
 *     {@code model}, {@code policy}, {@code thresholds}
 */
public record Assessment(Decision decision, String reason, Map<String, Double> scores,
    Map<String, Object> explanation) {
  public Assessment {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(reason, "reason");
    scores = Map.copyOf(scores);
    explanation = Map.copyOf(explanation);
  }

  /** The version of the models that scored the comment (the explanation's {@code model}). */
  public String modelVersion() {
    return String.valueOf(explanation.get("model"));
  }

  /**
   * This assessment with the comment held by the throttle ({@code coordinated} or {@code surge}) when the classifier
   * would have let it through or held it; a rejection stands. The explanation records the throttle's reason and
   * group, and the classifier's own reason, so moderators see both.
   */
  public Assessment heldByThrottle(String throttleReason, String group) {
    if (decision == Decision.REJECT) {
      return this;
    }
    Map<String, Object> throttle = new java.util.LinkedHashMap<>();
    throttle.put("reason", throttleReason);
    if (group != null) {
      throttle.put("group", group);
    }
    throttle.put("classifier_reason", reason);
    Map<String, Object> withThrottle = new java.util.LinkedHashMap<>(explanation);
    withThrottle.put("throttle", throttle);
    return new Assessment(Decision.HOLD, throttleReason, scores, withThrottle);
  }
}
