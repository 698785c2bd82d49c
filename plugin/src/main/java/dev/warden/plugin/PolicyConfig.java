package dev.warden.plugin;

import dev.warden.classifier.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Thresholds for one kind of article ({@code policies.default} or {@code policies.conflict} in warden.yaml).
 *
 * @param labels thresholds per classifier label or abuse kind (names from {@link #SCORED}); a name not listed is off
 * @param onError what to do with a comment the classifier could not score
 * @param onUnsupportedLanguage what to do with a comment in a language the models do not cover
 */
public record PolicyConfig(
    Map<String, LabelThresholds> labels, OnError onError, OnUnsupportedLanguage onUnsupportedLanguage) {

  /** Every name a policy may set thresholds for: the labels, then the abuse kinds, in display order. */
  public static final List<String> SCORED = scored();

  public PolicyConfig {
    labels = Map.copyOf(labels);
    for (String label : labels.keySet()) {
      if (!SCORED.contains(label)) {
        throw new IllegalArgumentException("unknown label or kind " + label);
      }
    }
    Objects.requireNonNull(onError, "onError");
    Objects.requireNonNull(onUnsupportedLanguage, "onUnsupportedLanguage");
  }

  /** A policy that scores comments in every language alike. */
  public PolicyConfig(Map<String, LabelThresholds> labels, OnError onError) {
    this(labels, onError, OnUnsupportedLanguage.SCORE);
  }

  private static List<String> scored() {
    List<String> names = new ArrayList<>(Verdict.LABELS);
    names.addAll(Verdict.KINDS);
    return List.copyOf(names);
  }

  /** The thresholds of one label or kind; both off if it is not configured. */
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

  /** What happens to a comment whose verdict carries {@link Verdict#UNSUPPORTED_LANGUAGE}. */
  public enum OnUnsupportedLanguage {
    /** Hold it for a moderator (reason {@code unsupported_language}); its scores mean little. */
    HOLD,
    /** Let it through without applying the thresholds. */
    ALLOW,
    /** Apply the thresholds to its scores as for any other comment. */
    SCORE
  }

  /**
   * When a label's or kind's score holds or rejects a comment: at or above {@code hold} it is held, at or above
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
