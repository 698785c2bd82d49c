package dev.warden.classifier.internal;

/**
 * Turns a model's raw probability into a calibrated one for real traffic: Platt scaling fitted on out-of-fold
 * scores of the training corpus, then a prior shift from the corpus's share of positives to the share expected on
 * real comments. So 0.5 means "more likely than not" on a stream where {@code targetPrior} of comments are
 * positive, not on our balanced-ish corpus.
 *
 * <p>{@code p = sigmoid(slope * logit(raw) + intercept + logit(targetPrior) - logit(trainingPrior))}. Monotonic
 * (slope is kept positive) and always in [0,1]. Immutable.
 *
 * @param slope Platt slope, > 0
 * @param intercept Platt intercept
 * @param trainingPrior share of positives in the training corpus, in (0,1)
 * @param targetPrior share of positives expected on real traffic, in (0,1)
 */
record Calibration(double slope, double intercept, double trainingPrior, double targetPrior) {
  /** The raw score unchanged (models written before calibration existed). */
  static final Calibration IDENTITY = new Calibration(1, 0, 0.5, 0.5);

  private static final double EPS = 1e-6;
  private static final int NEWTON_STEPS = 100;

  Calibration {
    if (!(slope > 0) || !Double.isFinite(slope) || !Double.isFinite(intercept)) {
      throw new IllegalArgumentException("calibration slope must be positive and finite: " + slope + ", " + intercept);
    }
    if (!(trainingPrior > 0 && trainingPrior < 1) || !(targetPrior > 0 && targetPrior < 1)) {
      throw new IllegalArgumentException("priors must be in (0,1): " + trainingPrior + ", " + targetPrior);
    }
  }

  double apply(double raw) {
    if (Double.isNaN(raw)) {
      return 0;
    }
    double z = slope * logit(raw) + intercept + logit(targetPrior) - logit(trainingPrior);
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * Fits Platt scaling to out-of-fold scores (Platt's smoothed targets, Newton's method from a fixed start:
   * deterministic), with the given target prior.
   */
  static Calibration fit(double[] scores, boolean[] positive, double targetPrior) {
    int pos = 0;
    for (boolean p : positive) {
      pos += p ? 1 : 0;
    }
    int neg = positive.length - pos;
    if (pos == 0 || neg == 0) {
      throw new IllegalArgumentException("calibration needs positives and negatives: " + pos + "/" + neg);
    }
    double hi = (pos + 1.0) / (pos + 2.0);
    double lo = 1.0 / (neg + 2.0);
    double a = 1;
    double b = 0;
    for (int step = 0; step < NEWTON_STEPS; step++) {
      double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
      for (int i = 0; i < scores.length; i++) {
        double x = logit(scores[i]);
        double p = 1 / (1 + Math.exp(-(a * x + b)));
        double d = p - (positive[i] ? hi : lo);
        double w = p * (1 - p);
        ga += d * x;
        gb += d;
        haa += w * x * x;
        hab += w * x;
        hbb += w;
      }
      double det = haa * hbb - hab * hab;
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      a -= da;
      b -= db;
      if (Math.abs(da) + Math.abs(db) < 1e-10) {
        break;
      }
    }
    double prior = (double) pos / positive.length;
    return new Calibration(Math.max(a, 1e-3), b, prior, targetPrior);
  }

  static double logit(double p) {
    double q = Math.min(1 - EPS, Math.max(EPS, p));
    return Math.log(q / (1 - q));
  }
}
