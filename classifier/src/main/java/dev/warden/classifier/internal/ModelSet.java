package dev.warden.classifier.internal;

import dev.warden.classifier.Term;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A classifier's label and kind models over one {@link WeightTable}: a comment's features are generated and
 * looked up once ({@link FeatureVector}) and every model is scored in the same pass, with the same results as
 * {@link LabelModel#score} and {@link LabelModel#explain(TextFeatures, NormalisedText)}.
 *
 * <p>Immutable and thread-safe; {@link Scores} belongs to one call.
 */
final class ModelSet {
  private final Map<String, LabelModel> models;
  private final Map<String, Integer> index = new HashMap<>();
  private final WeightTable table;

  ModelSet(Map<String, LabelModel> models) {
    this.models = Map.copyOf(models);
    List<LabelModel> ordered = new ArrayList<>(models.values());
    for (int m = 0; m < ordered.size(); m++) {
      index.put(ordered.get(m).label(), m);
    }
    this.table = WeightTable.of(ordered);
  }

  /** Every word some model knows. */
  Set<String> vocabulary() {
    return table.vocabulary();
  }

  /** Scores every model on one normalised text. */
  Scores score(NormalisedText text) {
    FeatureVector features = FeatureVector.of(text.words(), table);
    return new Scores(text, features, table.rawScores(features));
  }

  /** The models' scores of one text; explanations are built only when asked for. */
  final class Scores {
    private final NormalisedText text;
    private final FeatureVector features;
    private final double[] raw;

    private Scores(NormalisedText text, FeatureVector features, double[] raw) {
      this.text = text;
      this.features = features;
      this.raw = raw;
    }

    /** Whether there is a model for this label or kind. */
    boolean has(String name) {
      return index.containsKey(name);
    }

    /** The calibrated probability from the model for this label or kind. */
    double score(String name) {
      return models.get(name).calibration().apply(raw[index.get(name)]);
    }

    /** The terms that drove this label's or kind's score ({@link LabelModel#explain(TextFeatures, NormalisedText)}). */
    List<Term> explain(String name) {
      return LabelModel.explain(table, index.get(name), features, text);
    }
  }
}
