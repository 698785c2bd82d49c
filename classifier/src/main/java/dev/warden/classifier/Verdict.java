package dev.warden.classifier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the classifier says of one comment: a probability per label and per abuse kind, the terms that drove each
 * score, the detected language, the known disinformation narratives it resembles, flags, and the model version.
 * Immutable.
 *
 * @param scores a score in [0,1] per label; contains every label in {@link #LABELS}, and may contain the abuse
 *     kinds in {@link #KINDS}
 * @param terms the top contributing terms per label or kind, strongest first (may be empty or absent)
 * @param language ISO 639-3 code of the detected language, or {@code "und"} when unknown
 * @param narratives matched disinformation narratives, most similar first (may be empty)
 * @param flags facts about the verdict a policy may act on, e.g. {@link #UNSUPPORTED_LANGUAGE}
 * @param modelVersion the version of the models that produced this verdict
 */
public record Verdict(
    Map<String, Double> scores,
    Map<String, List<Term>> terms,
    String language,
    List<NarrativeMatch> narratives,
    Set<String> flags,
    String modelVersion) {

  /** Label for insults, threats, hate and profanity aimed at people. */
  public static final String ABUSE = "abuse";

  /** Label for known false claims about the conflict. */
  public static final String DISINFORMATION = "disinformation";

  /** Every label a verdict scores, in display order. */
  public static final List<String> LABELS = List.of(ABUSE, DISINFORMATION);

  /** Abuse kinds a verdict may score besides the labels, in display order. */
  public static final List<String> KINDS = List.of("insult", "threat", "identity_attack", "profanity");

  /** Flag: the comment is in a language the models do not cover, so its scores mean little. */
  public static final String UNSUPPORTED_LANGUAGE = "unsupported_language";

  public Verdict {
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(modelVersion, "modelVersion");
    for (String label : LABELS) {
      if (!scores.containsKey(label)) {
        throw new IllegalArgumentException("no score for " + label);
      }
    }
    scores.forEach((name, score) -> {
      if (score == null || !(score >= 0.0 && score <= 1.0)) {
        throw new IllegalArgumentException("score for " + name + " must be in [0,1]: " + score);
      }
    });
    scores = Map.copyOf(scores);
    Map<String, List<Term>> copy = new LinkedHashMap<>();
    terms.forEach((label, list) -> copy.put(label, List.copyOf(list)));
    terms = Map.copyOf(copy);
    narratives = narratives == null ? List.of() : List.copyOf(narratives);
    flags = flags == null ? Set.of() : Set.copyOf(flags);
  }

  /** A verdict without narratives or flags. */
  public Verdict(Map<String, Double> scores, Map<String, List<Term>> terms, String language, String modelVersion) {
    this(scores, terms, language, List.of(), Set.of(), modelVersion);
  }

  /** The score of one label or kind, or 0 for one this verdict does not know. */
  public double score(String label) {
    return scores.getOrDefault(label, 0.0);
  }

  /** The top terms of one label or kind, strongest first; empty if none. */
  public List<Term> termsFor(String label) {
    return terms.getOrDefault(label, List.of());
  }

  /** True if the verdict carries this flag. */
  public boolean hasFlag(String flag) {
    return flags.contains(flag);
  }
}
