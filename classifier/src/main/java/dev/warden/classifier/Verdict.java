package dev.warden.classifier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the classifier says of one comment: a probability per label, the terms that drove each label, the
 * detected language and the model version. Immutable.
 *
 * @param scores a score in [0,1] per label; contains every label in {@link #LABELS}
 * @param terms the top contributing terms per label, strongest first (may be empty for a label)
 * @param language ISO 639-3 code of the detected language, or {@code "und"} when unknown
 * @param modelVersion the version of the models that produced this verdict
 */
public record Verdict(
    Map<String, Double> scores, Map<String, List<Term>> terms, String language, String modelVersion) {

  /** Label for insults, threats, hate and profanity aimed at people. */
  public static final String ABUSE = "abuse";

  /** Label for known false claims about the conflict. */
  public static final String DISINFORMATION = "disinformation";

  /** Every label a verdict scores, in display order. */
  public static final List<String> LABELS = List.of(ABUSE, DISINFORMATION);

  public Verdict {
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(modelVersion, "modelVersion");
    for (String label : LABELS) {
      Double score = scores.get(label);
      if (score == null || !(score >= 0.0 && score <= 1.0)) {
        throw new IllegalArgumentException("score for " + label + " must be in [0,1]: " + score);
      }
    }
    scores = Map.copyOf(scores);
    Map<String, List<Term>> copy = new LinkedHashMap<>();
    terms.forEach((label, list) -> copy.put(label, List.copyOf(list)));
    terms = Map.copyOf(copy);
  }

  /** The score of one label, or 0 for a label this verdict does not know. */
  public double score(String label) {
    return scores.getOrDefault(label, 0.0);
  }

  /** The top terms of one label, strongest first; empty if none. */
  public List<Term> termsFor(String label) {
    return terms.getOrDefault(label, List.of());
  }
}
