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
}
