package dev.warden.plugin.policy;

import java.time.Instant;
import java.util.Arrays;

/**
 * How recent scores of one label are distributed: counts in {@link #BINS} equal bins over [0,1], bin {@code i}
 * holding scores in {@code [i/BINS, (i+1)/BINS)} (1.0 in the last). Immutable.
 */
public final class ScoreHistogram {
  /** Bins of width 0.01, so that a threshold on a 0.01 grid splits no bin. */
  public static final int BINS = 100;

  private final long[] counts;
  private final Instant earliest;

  /**
   * @param counts {@link #BINS} counts
   * @param earliest the time of the oldest sample counted, or null if none
   */
  public ScoreHistogram(long[] counts, Instant earliest) {
    if (counts.length != BINS) {
      throw new IllegalArgumentException("expected " + BINS + " bins, got " + counts.length);
    }
    this.counts = counts.clone();
    this.earliest = earliest;
  }

  /** The count of bin {@code i}. */
  public long count(int bin) {
    return counts[bin];
  }

  /** All counts, a copy. */
  public long[] counts() {
    return counts.clone();
  }

  /** Samples counted. */
  public long total() {
    return Arrays.stream(counts).sum();
  }

  /** Samples with a score at or above {@code bin / BINS}. */
  public long atOrAbove(int bin) {
    long sum = 0;
    for (int i = Math.max(0, bin); i < BINS; i++) {
      sum += counts[i];
    }
    return sum;
  }

  /** When the oldest counted sample was taken, or null if there is none. */
  public Instant earliest() {
    return earliest;
  }
}
