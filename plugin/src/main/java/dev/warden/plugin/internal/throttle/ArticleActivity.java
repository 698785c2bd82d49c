package dev.warden.plugin.internal.throttle;

import dev.warden.plugin.throttle.Surge;
import java.time.Instant;

/**
 * One article's comment counts in time buckets (a ring covering the surge window and the baseline before it), and
 * its surge, if it is in one. Not thread-safe on its own: callers hold its monitor.
 */
final class ArticleActivity {
  private final String articleId;
  private final int[] counts;
  /** The bucket number (tick / bucket length) of the newest bucket; valid once {@code started}. */
  private long newestBucket;
  private boolean started;
  private Surge surge;
  private long surgeStartTick;

  ArticleActivity(String articleId, int buckets) {
    this.articleId = articleId;
    this.counts = new int[buckets];
  }

  /** Moves the ring forward to {@code bucket}, clearing the buckets it passes. */
  void advanceTo(long bucket) {
    if (!started) {
      started = true;
      newestBucket = bucket;
      return;
    }
    long steps = bucket - newestBucket;
    if (steps <= 0) {
      return; // a racing thread read an earlier tick; count it in the newest bucket
    }
    for (long i = 1, n = Math.min(steps, counts.length); i <= n; i++) {
      counts[index(newestBucket + i)] = 0;
    }
    newestBucket = bucket;
  }

  /** Counts one comment in the newest bucket. */
  void increment() {
    counts[index(newestBucket)]++;
  }

  /** The sum of {@code n} buckets starting {@code age} buckets back from the newest (age 0 is the newest). */
  int sum(int age, int n) {
    int from = index(newestBucket - age - n + 1); // the oldest bucket summed
    int to = from + n;
    return to <= counts.length ? total(from, to) : total(from, counts.length) + total(0, to - counts.length);
  }

  private int total(int from, int to) {
    int sum = 0;
    for (int i = from; i < to; i++) {
      sum += counts[i];
    }
    return sum;
  }

  /** The surge in force, or null. */
  Surge surge() {
    return surge;
  }

  /** When the surge in force started, in ticks. */
  long surgeStartTick() {
    return surgeStartTick;
  }

  /** Starts a surge. */
  void startSurge(long now, Instant since, double recentRate, double baselineRate) {
    surge = new Surge(articleId, since, recentRate, baselineRate);
    surgeStartTick = now;
  }

  /** Ends the surge. */
  void liftSurge() {
    surge = null;
  }

  private int index(long bucket) {
    return (int) Math.floorMod(bucket, (long) counts.length);
  }
}
