package dev.warden.classifier.internal;

import dev.warden.classifier.Term;
import dev.warden.classifier.Verdict;
import java.util.List;
import java.util.Map;

/**
 * Scores the abuse kinds ({@link Verdict#KINDS}): each kind has its own model, trained on the seed corpus's
 * {@code kind} field (that kind of abuse against everything else) and calibrated like the labels; a kind's score is
 * capped by the overall abuse score, since a comment cannot be more likely a threat than abuse. Kinds without a
 * model are left out of the verdict.
 */
final class AbuseKinds {
  private AbuseKinds() {}

  static void score(
      Map<String, LabelModel> models,
      TextFeatures features,
      NormalisedText text,
      Map<String, Double> scores,
      Map<String, List<Term>> terms) {
    double abuse = scores.getOrDefault(Verdict.ABUSE, 0.0);
    for (String kind : Verdict.KINDS) {
      LabelModel model = models.get(kind);
      if (model != null) {
        double score = model.score(features);
        scores.put(kind, Double.isNaN(score) ? 0.0 : Math.min(abuse, Math.max(0.0, Math.min(1.0, score))));
        terms.put(kind, model.explain(features, text));
      }
    }
  }
}
