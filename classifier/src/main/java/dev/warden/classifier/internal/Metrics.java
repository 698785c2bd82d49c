package dev.warden.classifier.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Ranking and threshold metrics of a binary scorer over labelled examples: ROC-AUC, average precision (PR-AUC),
 * the confusion matrix at a threshold and a calibration table. Immutable once built; thread-safe.
 */
public final class Metrics {
  /** Number of equal-width bins of the calibration table. */
  public static final int BINS = 10;

  private final double[] scores;
  private final boolean[] positive;
  private final int positives;

  /**
   * @param scores the predicted probability per example, in [0,1]
   * @param positive whether each example is truly positive
   */
  public Metrics(double[] scores, boolean[] positive) {
    if (scores.length != positive.length) {
      throw new IllegalArgumentException(scores.length + " scores for " + positive.length + " labels");
    }
    this.scores = scores.clone();
    this.positive = positive.clone();
    int count = 0;
    for (boolean p : positive) {
      count += p ? 1 : 0;
    }
    this.positives = count;
  }

  /** Counts at a threshold: an example is predicted positive when its score is at least the threshold. */
  public record Confusion(int tp, int fp, int tn, int fn) {
    public double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /** One calibration bin: scores in [{@code low}, {@code high}), the last bin including 1. */
  public record Bin(double low, double high, double meanPredicted, double observedRate, int count) {}

  public int size() {
    return scores.length;
  }

  public int positives() {
    return positives;
  }

  /**
   * The probability that a random positive scores above a random negative, ties counting half (Mann-Whitney U
   * with average ranks); NaN when either class is empty.
   */
  public double rocAuc() {
    int negatives = scores.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    Integer[] order = ascending();
    double rankSum = 0;
    for (int i = 0; i < order.length; ) {
      int j = i;
      while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        rankSum += positive[order[k]] ? averageRank : 0;
      }
      i = j + 1;
    }
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /**
   * Average precision: the mean over thresholds at each distinct score, from high to low, of the precision there,
   * weighted by the recall it adds (as scikit-learn's {@code average_precision_score}); NaN with no positive.
   */
  public double averagePrecision() {
    if (positives == 0) {
      return Double.NaN;
    }
    Integer[] order = ascending();
    double ap = 0;
    int tp = 0;
    int seen = 0;
    for (int i = order.length - 1; i >= 0; ) {
      int j = i;
      while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]]) {
        j--;
      }
      int newTp = 0;
      for (int k = j; k <= i; k++) {
        newTp += positive[order[k]] ? 1 : 0;
      }
      tp += newTp;
      seen += i - j + 1;
      ap += (double) newTp / positives * tp / seen;
      i = j - 1;
    }
    return ap;
  }

  public Confusion confusion(double threshold) {
    int tp = 0;
    int fp = 0;
    int tn = 0;
    int fn = 0;
    for (int i = 0; i < scores.length; i++) {
      boolean predicted = scores[i] >= threshold;
      if (predicted && positive[i]) {
        tp++;
      } else if (predicted) {
        fp++;
      } else if (positive[i]) {
        fn++;
      } else {
        tn++;
      }
    }
    return new Confusion(tp, fp, tn, fn);
  }

  /** {@value #BINS} equal-width bins over [0,1]; empty bins have NaN means. */
  public List<Bin> calibration() {
    double[] sum = new double[BINS];
    int[] hits = new int[BINS];
    int[] count = new int[BINS];
    for (int i = 0; i < scores.length; i++) {
      int bin = Math.min(BINS - 1, Math.max(0, (int) Math.floor(scores[i] * BINS)));
      sum[bin] += scores[i];
      hits[bin] += positive[i] ? 1 : 0;
      count[bin]++;
    }
    List<Bin> bins = new ArrayList<>(BINS);
    for (int b = 0; b < BINS; b++) {
      double mean = count[b] == 0 ? Double.NaN : sum[b] / count[b];
      double rate = count[b] == 0 ? Double.NaN : (double) hits[b] / count[b];
      bins.add(new Bin((double) b / BINS, (double) (b + 1) / BINS, mean, rate, count[b]));
    }
    return bins;
  }

  /** The share of examples scored at or above the threshold. */
  public double flaggedShare(double threshold) {
    return scores.length == 0 ? 0 : (double) Arrays.stream(scores).filter(s -> s >= threshold).count() / scores.length;
  }

  private Integer[] ascending() {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    return order;
  }
}
