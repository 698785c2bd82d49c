package dev.warden.classifier.internal;

import dev.warden.classifier.ClassificationException;
import dev.warden.classifier.Classifier;
import dev.warden.classifier.NarrativeDefinition;
import dev.warden.classifier.NarrativeMatch;
import dev.warden.classifier.Term;
import dev.warden.classifier.Verdict;
import dev.warden.classifier.internal.narrative.DisinformationScore;
import dev.warden.classifier.internal.narrative.Narrative;
import dev.warden.classifier.internal.narrative.NarrativeCatalogue;
import dev.warden.classifier.internal.narrative.NarrativeMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The classifier: normalise once, extract features once, then one {@link LabelModel} per label and per abuse
 * kind ({@link AbuseKinds}), all scored in one pass ({@link ModelSet}). Scores are calibrated probabilities ({@link Calibration}).
 *
 * <p>Immutable and thread-safe; share one instance.
 */
final class OpenNlpClassifier implements Classifier {
  /** The languages the models were trained on (ISO 639-3); a comment confidently in another one is flagged. */
  static final Set<String> SUPPORTED_LANGUAGES = Set.of(LanguageIdentifier.ENGLISH);

  private final Map<String, LabelModel> models;
  private final ModelSet scoring;
  private final String version;
  private final Normaliser normaliser;
  private final LanguageIdentifier languages = LanguageIdentifier.bundled();
  private final NarrativeMatcher narratives;
  private final DisinformationScore disinformation;

  OpenNlpClassifier(Map<String, LabelModel> models, String version) {
    this(models, version, NarrativeMatchers.bundled(), DisinformationScore.SEED);
  }

  OpenNlpClassifier(
      Map<String, LabelModel> models, String version, NarrativeMatcher narratives, DisinformationScore disinformation) {
    for (String label : Verdict.LABELS) {
      if (!models.containsKey(label)) {
        throw new ClassificationException("no model for label " + label);
      }
    }
    this.models = Map.copyOf(models);
    this.scoring = new ModelSet(models);
    this.version = Objects.requireNonNull(version, "version");
    this.normaliser = new Normaliser(scoring.vocabulary()::contains);
    this.narratives = Objects.requireNonNull(narratives, "narratives");
    this.disinformation = Objects.requireNonNull(disinformation, "disinformation");
  }

  /** The same models with another narrative matcher (nothing is reloaded or retrained). */
  private OpenNlpClassifier(OpenNlpClassifier models, NarrativeMatcher narratives) {
    this.models = models.models;
    this.scoring = models.scoring;
    this.version = models.version;
    this.normaliser = models.normaliser;
    this.narratives = narratives;
    this.disinformation = models.disinformation;
  }

  @Override
  public List<NarrativeDefinition> narratives() {
    return narratives.narratives().stream().map(n -> new NarrativeDefinition(
        n.id(), n.title(), n.description(), n.phrasings(), n.keywords(), n.debunk())).toList();
  }

  @Override
  public Classifier withNarratives(List<NarrativeDefinition> definitions) {
    Map<String, Narrative> known = new java.util.HashMap<>();
    narratives.narratives().forEach(n -> known.put(n.id(), n));
    Set<String> ids = new java.util.HashSet<>();
    List<Narrative> catalogue = new ArrayList<>();
    for (NarrativeDefinition d : definitions) {
      if (!ids.add(d.id())) {
        throw new IllegalArgumentException("narrative id '" + d.id() + "' appears twice");
      }
      Narrative before = known.get(d.id());
      catalogue.add(new Narrative(d.id(), d.title(), d.description(), d.phrasings(), d.keywords(), d.debunk(),
          before == null ? null : before.since()));
    }
    return new OpenNlpClassifier(this, NarrativeMatchers.of(new NarrativeCatalogue(catalogue)));
  }

  @Override
  public Verdict classify(String text) {
    Objects.requireNonNull(text, "text");
    try {
      NormalisedText normalised = normaliser.normalise(text);
      if (normalised.tokens().isEmpty()) {
        return nothingToJudge();
      }
      LanguageIdentifier.Detection language = languages.detect(text);
      ModelSet.Scores modelScores = scoring.score(normalised);
      Map<String, Double> scores = new LinkedHashMap<>();
      Map<String, List<Term>> terms = new LinkedHashMap<>();
      for (String label : Verdict.LABELS) {
        scores.put(label, clamp(modelScores.score(label)));
        terms.put(label, scores.get(label) >= AbuseKinds.MIN_EXPLAINED ? modelScores.explain(label) : List.of());
      }
      AbuseKinds.score(modelScores, scores, terms);
      NarrativeMatcher.Result matched = narratives.matchAll(normalised);
      scores.put(Verdict.DISINFORMATION,
          disinformation.combine(scores.get(Verdict.DISINFORMATION), matched.best()));
      terms.put(Verdict.DISINFORMATION, withKeywords(terms.get(Verdict.DISINFORMATION), matched));
      return new Verdict(
          scores, terms, language.language(), narrativeMatches(matched), flags(language), version);
    } catch (RuntimeException e) {
      if (e instanceof ClassificationException) {
        throw e;
      }
      throw new ClassificationException("could not score the text: " + e, e);
    }
  }

  /** The model's terms, then the matched narratives' keywords the comment used (with their spans). */
  private static List<Term> withKeywords(List<Term> modelTerms, NarrativeMatcher.Result matched) {
    List<Term> all = new ArrayList<>(modelTerms);
    Set<String> seen = new HashSet<>();
    modelTerms.forEach(t -> seen.add(t.text().toLowerCase(java.util.Locale.ROOT)));
    for (NarrativeMatcher.Match match : matched.matches()) {
      for (Term keyword : match.keywords()) {
        if (seen.add(keyword.text().toLowerCase(java.util.Locale.ROOT))) {
          all.add(keyword);
        }
      }
    }
    return all;
  }

  private static List<NarrativeMatch> narrativeMatches(NarrativeMatcher.Result matched) {
    List<NarrativeMatch> out = new ArrayList<>();
    for (NarrativeMatcher.Match m : matched.matches()) {
      out.add(new NarrativeMatch(m.narrative().id(), m.narrative().title(), m.narrative().description(),
          Math.round(m.similarity() * 1000) / 1000.0, m.narrative().debunk()));
    }
    return out;
  }

  /** A text without a single word (empty, emoji, punctuation) has nothing to flag: every score is 0. */
  private Verdict nothingToJudge() {
    Map<String, Double> scores = new LinkedHashMap<>();
    Map<String, List<Term>> terms = new LinkedHashMap<>();
    for (String label : Verdict.LABELS) {
      scores.put(label, 0.0);
      terms.put(label, List.of());
    }
    return new Verdict(scores, terms, LanguageIdentifier.UNDETERMINED, version);
  }

  /** Scores are still computed for an unsupported language: the flag lets policy hold the comment for a human. */
  private static Set<String> flags(LanguageIdentifier.Detection language) {
    boolean unsupported = language.foreignScript() || !(SUPPORTED_LANGUAGES.contains(language.language())
        || LanguageIdentifier.UNDETERMINED.equals(language.language()));
    return unsupported ? Set.of(Verdict.UNSUPPORTED_LANGUAGE) : Set.of();
  }

  @Override
  public String modelVersion() {
    return version;
  }

  NarrativeMatcher narrativeMatcher() {
    return narratives;
  }

  DisinformationScore disinformationScore() {
    return disinformation;
  }

  LabelModel model(String label) {
    return models.get(label);
  }

  private static double clamp(double p) {
    return Double.isNaN(p) ? 0.0 : Math.max(0.0, Math.min(1.0, p));
  }
}
