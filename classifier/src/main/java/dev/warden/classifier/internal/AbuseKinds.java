package dev.warden.classifier.internal;

import dev.warden.classifier.Term;
import dev.warden.classifier.Verdict;
import java.util.List;
import java.util.Map;

/**
 * Scores the abuse kinds ({@link Verdict#KINDS}): each kind has its own model, trained on the seed corpus's
 * {@code kind} field (that kind of abuse against everything else) and calibrated like the labels; a kind's score is
 * capped by the overall abuse score, since a comment cannot be more likely a threat than abuse. Kinds without a
 * model are left out of the verdict, and so are all kinds when abuse scores below {@link #MIN_EXPLAINED} (their
 * scores could only be lower still; {@code Verdict.score(kind)} then says 0). Terms are given for kinds scoring at
 * least {@link #MIN_EXPLAINED}. Skipping them keeps the request path fast: most comments are nowhere near abuse.
 */
final class AbuseKinds {
  /** Below this score a kind gets no terms: nobody looks at them, and explaining costs as much as scoring. */
  static final double MIN_EXPLAINED = 0.05;

  private AbuseKinds() {}

  static void score(ModelSet.Scores models, Map<String, Double> scores, Map<String, List<Term>> terms) {
    double abuse = scores.getOrDefault(Verdict.ABUSE, 0.0);
    if (abuse < MIN_EXPLAINED) {
      return;
    }
    for (String kind : Verdict.KINDS) {
      if (models.has(kind)) {
        double score = models.score(kind);
        score = Double.isNaN(score) ? 0.0 : Math.min(abuse, Math.max(0.0, Math.min(1.0, score)));
        scores.put(kind, score);
        terms.put(kind, score >= MIN_EXPLAINED ? models.explain(kind) : List.of());
      }
    }
  }
}
