package dev.warden.plugin;

import dev.warden.classifier.Verdict;
import java.util.Map;
import java.util.Objects;

/**
 * Thresholds for one kind of article ({@code policies.default} or {@code policies.conflict} in warden.yaml).
 *
 * @param labels thresholds per classifier label (every label in {@link Verdict#LABELS})
 * @param onError what to do with a comment the classifier could not score
 */
public record PolicyConfig(Map<String, LabelThresholds> labels, OnError onError) {
  public PolicyConfig {
    labels = Map.copyOf(labels);
    for (String label : labels.keySet()) {
      if (!Verdict.LABELS.contains(label)) {
        throw new IllegalArgumentException("unknown label " + label);
      }
    }
    Objects.requireNonNull(onError, "onError");
  }

  /** The thresholds of one label; both off if the label is not configured. */
  public LabelThresholds thresholds(String label) {
    return labels.getOrDefault(label, LabelThresholds.OFF);
  }

  /** What happens to a comment when classification fails. */
  public enum OnError {
    /** Hold it for a moderator (reason {@code classifier_error}). */
    HOLD,
    /** Let it through unmoderated. */
    ALLOW
  }

  /**
   * When a label's score holds or rejects a comment: at or above {@code hold} it is held, at or above
   * {@code reject} it is rejected. Null means off.
   *
   * @param hold hold threshold in [0,1], or null
   * @param reject reject threshold in [0,1], not below {@code hold}, or null (reject is opt-in)
   */
  public record LabelThresholds(Double hold, Double reject) {
    /** Both thresholds off. */
    public static final LabelThresholds OFF = new LabelThresholds(null, null);

    public LabelThresholds {
      if (hold != null && !(hold >= 0.0 && hold <= 1.0)) {
        throw new IllegalArgumentException("hold must be in [0,1]: " + hold);
      }
      if (reject != null && !(reject >= 0.0 && reject <= 1.0)) {
        throw new IllegalArgumentException("reject must be in [0,1]: " + reject);
      }
      if (hold != null && reject != null && reject < hold) {
        throw new IllegalArgumentException("reject " + reject + " is below hold " + hold);
      }
    }
  }
}
