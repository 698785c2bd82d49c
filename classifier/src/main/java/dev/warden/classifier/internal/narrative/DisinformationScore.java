package dev.warden.classifier.internal.narrative;

/**
 * How the disinformation score is made from the trained categorizer and the narrative matcher: a logistic
 * combination {@code sigmoid(bias + modelWeight * logit(p) + similarityWeight * s)}, where {@code p} is the
 * categorizer's probability (its logit clamped to ±{@link #MAX_LOGIT}) and {@code s} the best narrative
 * similarity. Immutable.
 *
 * @param bias the intercept
 * @param modelWeight the weight of the categorizer's logit
 * @param similarityWeight the weight of the best narrative similarity
 */
public record DisinformationScore(double bias, double modelWeight, double similarityWeight) {
  static final double MAX_LOGIT = 12.0;

  /**
   * For the bundled seed model. On real comments under war news the seed categorizer alone ranks poorly (it
   * learns which names a comment mentions), while similarity to a known narrative ranks well but sees only what
   * the catalogue covers; together they rank better than either. The constants were chosen on the 8,472
   * unlabelled real comments so that the share scored at or above 0.5 is near the share of disinformation
   * labelled in real comments (about 10%): 0.5 means "as likely disinformation as not, on real traffic".
   */
  public static final DisinformationScore SEED = new DisinformationScore(-6.0, 0.2, 20.0);

  /**
   * For a categorizer trained by {@code train} on someone's own data: its probability is kept as it is (the
   * similarity is reported as narratives but does not move the score), since nothing is known about how that
   * model relates to the catalogue.
   */
  public static final DisinformationScore MODEL_ONLY = new DisinformationScore(0.0, 1.0, 0.0);

  public DisinformationScore {
    if (!Double.isFinite(bias) || !Double.isFinite(modelWeight) || !Double.isFinite(similarityWeight)
        || modelWeight < 0 || similarityWeight < 0) {
      throw new IllegalArgumentException(
          "bad disinformation score weights: " + bias + ", " + modelWeight + ", " + similarityWeight);
    }
  }

  /**
   * The disinformation probability.
   *
   * @param modelProbability the categorizer's probability of disinformation, in [0,1]
   * @param similarity the best narrative similarity, in [0,1]
   */
  public double combine(double modelProbability, double similarity) {
    if (bias == 0 && modelWeight == 1 && similarityWeight == 0) {
      return Double.isNaN(modelProbability) ? 0.0 : modelProbability;
    }
    double p = Double.isNaN(modelProbability) ? 0.5 : modelProbability;
    double logit = Math.log(p / (1 - p));
    logit = Math.max(-MAX_LOGIT, Math.min(MAX_LOGIT, Double.isNaN(logit) ? 0 : logit));
    double z = bias + modelWeight * logit + similarityWeight * Math.max(0, Math.min(1, similarity));
    return 1 / (1 + Math.exp(-z));
  }
}
