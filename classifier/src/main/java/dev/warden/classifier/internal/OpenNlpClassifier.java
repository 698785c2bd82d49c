package dev.warden.classifier.internal;

import dev.warden.classifier.ClassificationException;
import dev.warden.classifier.Classifier;
import dev.warden.classifier.Term;
import dev.warden.classifier.Verdict;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The classifier: normalise once, extract features once, then one {@link LabelModel} per label and per abuse
 * kind ({@link AbuseKinds}). Scores are calibrated probabilities ({@link Calibration}).
 *
 * <p>Immutable and thread-safe; share one instance.
 */
final class OpenNlpClassifier implements Classifier {
  /** Language detection comes in a later issue; until then every verdict says "undetermined". */
  static final String UNDETERMINED = "und";

  private final Map<String, LabelModel> models;
  private final String version;
  private final Normaliser normaliser;

  OpenNlpClassifier(Map<String, LabelModel> models, String version) {
    for (String label : Verdict.LABELS) {
      if (!models.containsKey(label)) {
        throw new ClassificationException("no model for label " + label);
      }
    }
    this.models = Map.copyOf(models);
    this.version = Objects.requireNonNull(version, "version");
    Set<String> vocabulary = new HashSet<>();
    models.values().forEach(model -> model.collectVocabulary(vocabulary::add));
    this.normaliser = new Normaliser(Set.copyOf(vocabulary)::contains);
  }

  @Override
  public Verdict classify(String text) {
    Objects.requireNonNull(text, "text");
    try {
      NormalisedText normalised = normaliser.normalise(text);
      if (normalised.tokens().isEmpty()) {
        return nothingToJudge();
      }
      TextFeatures features = TextFeatures.of(normalised.words());
      Map<String, Double> scores = new LinkedHashMap<>();
      Map<String, List<Term>> terms = new LinkedHashMap<>();
      for (String label : Verdict.LABELS) {
        LabelModel model = models.get(label);
        scores.put(label, clamp(model.score(features)));
        terms.put(label, scores.get(label) >= AbuseKinds.MIN_EXPLAINED ? model.explain(features, normalised) : List.of());
      }
      AbuseKinds.score(models, features, normalised, scores, terms);
      return new Verdict(scores, terms, UNDETERMINED, version);
    } catch (RuntimeException e) {
      if (e instanceof ClassificationException) {
        throw e;
      }
      throw new ClassificationException("could not score the text: " + e, e);
    }
  }

  /** A text without a single word (empty, emoji, punctuation) has nothing to flag: every score is 0. */
  private Verdict nothingToJudge() {
    Map<String, Double> scores = new LinkedHashMap<>();
    Map<String, List<Term>> terms = new LinkedHashMap<>();
    for (String label : Verdict.LABELS) {
      scores.put(label, 0.0);
      terms.put(label, List.of());
    }
    return new Verdict(scores, terms, UNDETERMINED, version);
  }

  @Override
  public String modelVersion() {
    return version;
  }

  LabelModel model(String label) {
    return models.get(label);
  }

  private static double clamp(double p) {
    return Double.isNaN(p) ? 0.0 : Math.max(0.0, Math.min(1.0, p));
  }
}
