package dev.warden.classifier.internal;

import dev.warden.classifier.ClassificationException;
import dev.warden.classifier.Term;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

/**
 * One binary OpenNLP maxent model (positive outcome vs {@code ok}) for one label.
 *
 * <p>Thread-safe: it only reads the immutable model. Scores come from {@link AbstractModel#eval}, which keeps no
 * state between calls (unlike going through {@code DocumentCategorizerME}, whose thread safety is not
 * documented); explanations read the model's parameters per predicate.
 */
final class LabelModel {
  static final String NEGATIVE = "ok";
  static final int MAX_TERMS = 5;

  private final String label;
  private final AbstractModel model;
  private final Calibration calibration;
  private final Map<String, Context> parameters;
  private final int positive;
  private final int negative;

  @SuppressWarnings("unchecked")
  LabelModel(String label, AbstractModel model, Calibration calibration) {
    this.label = label;
    this.model = model;
    this.calibration = calibration;
    this.parameters = (Map<String, Context>) model.getDataStructures()[1];
    this.positive = model.getIndex(label);
    this.negative = model.getIndex(NEGATIVE);
    if (model.getNumOutcomes() != 2 || positive < 0 || negative < 0) {
      throw new ClassificationException(
          "model for " + label + " must have the outcomes " + label + " and " + NEGATIVE);
    }
  }

  String label() {
    return label;
  }

  AbstractModel model() {
    return model;
  }

  Calibration calibration() {
    return calibration;
  }

  /** The calibrated probability of the positive outcome on real traffic ({@link Calibration}). */
  double score(TextFeatures features) {
    return calibration.apply(rawScore(features));
  }

  /** The model's own probability, before calibration. */
  double rawScore(TextFeatures features) {
    return model.eval(features.predicates, features.predicateValues)[positive];
  }

  /**
   * The words that pushed the score up most: each word's summed log-odds contribution (its unigram and
   * character n-grams, half of each bigram it is in), positive ones only, one entry per distinct surface form,
   * strongest first, at most {@link #MAX_TERMS}, each with its span in the original text (its strongest
   * occurrence).
   */
  List<Term> explain(TextFeatures features, NormalisedText text) {
    double[] perWord = new double[text.tokens().size()];
    for (int i = 0; i < features.features.length; i++) {
      int word = features.words[i];
      double delta = word < 0 ? 0 : contribution(features.features[i]) * features.values[i];
      spread(perWord, word, features.bigrams[i], delta);
    }
    return terms(perWord, text);
  }

  /**
   * {@link #explain(TextFeatures, NormalisedText)} on the request path's features: model {@code m} of
   * {@code table}, which must be this model. Same terms, same weights.
   */
  static List<Term> explain(WeightTable table, int m, FeatureVector features, NormalisedText text) {
    double[] perWord = new double[text.tokens().size()];
    for (int i = 0; i < features.ids.length; i++) {
      int word = features.words[i];
      double delta = word < 0 ? 0 : table.contribution(m, features.ids[i]) * features.values[i];
      spread(perWord, word, features.bigrams[i], delta);
    }
    return terms(perWord, text);
  }

  private static void spread(double[] perWord, int word, boolean bigram, double delta) {
    if (delta == 0) {
      return;
    }
    if (bigram) {
      perWord[word] += delta / 2;
      perWord[word + 1] += delta / 2;
    } else {
      perWord[word] += delta;
    }
  }

  private static List<Term> terms(double[] perWord, NormalisedText text) {
    Map<String, Integer> best = new LinkedHashMap<>();
    for (int w = 0; w < perWord.length; w++) {
      if (perWord[w] >= 0.0005 && !StopWords.isStopWord(text.tokens().get(w).text())) {
        best.merge(text.surface(w), w, (old, now) -> perWord[now] > perWord[old] ? now : old);
      }
    }
    List<Term> terms = new ArrayList<>();
    best.forEach((surface, w) -> {
      Token token = text.tokens().get(w);
      terms.add(new Term(surface, round(perWord[w]), token.start(), token.end()));
    });
    terms.sort(Comparator.comparingDouble(Term::weight).reversed());
    return terms.size() > MAX_TERMS ? terms.subList(0, MAX_TERMS) : terms;
  }

  private double contribution(String feature) {
    Context context = parameters.get(feature);
    if (context == null) {
      return 0;
    }
    double delta = 0;
    int[] outcomes = context.getOutcomes();
    double[] weights = context.getParameters();
    for (int k = 0; k < outcomes.length; k++) {
      if (outcomes[k] == positive) {
        delta += weights[k];
      } else if (outcomes[k] == negative) {
        delta -= weights[k];
      }
    }
    return delta;
  }

  /** Receives one feature's weights for the positive and the negative outcome (0 when the model has none). */
  interface WeightSink {
    void accept(String feature, double positive, double negative);
  }

  /** Every feature this model knows, with its weights, for {@link WeightTable}. */
  void forEachWeight(WeightSink sink) {
    parameters.forEach((feature, context) -> {
      double pos = 0;
      double neg = 0;
      int[] outcomes = context.getOutcomes();
      double[] weights = context.getParameters();
      for (int k = 0; k < outcomes.length; k++) {
        if (outcomes[k] == positive) {
          pos += weights[k];
        } else if (outcomes[k] == negative) {
          neg += weights[k];
        }
      }
      sink.accept(feature, pos, neg);
    });
  }

  /** Adds the model's known words (unigram predicates) to {@code vocabulary}. */
  void collectVocabulary(Consumer<String> vocabulary) {
    for (String predicate : parameters.keySet()) {
      if (predicate.startsWith("w=")) {
        vocabulary.accept(predicate.substring(2));
      }
    }
  }

  Set<String> predicates() {
    return parameters.keySet();
  }

  private static double round(double weight) {
    return Math.round(weight * 1000) / 1000.0;
  }
}
