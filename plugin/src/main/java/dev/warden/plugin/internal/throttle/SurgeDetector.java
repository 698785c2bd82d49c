package dev.warden.plugin.internal.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.plugin.ThrottleConfig;
import dev.warden.plugin.throttle.Surge;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Surge detection: an article whose comment rate over {@code surge.window} reaches {@code factor} times its rate over
 * the preceding {@code surge.baseline}, with at least {@code floor} comments in the window, goes into pre-moderation
 * until {@code min-duration} has passed and its rate is back under that trigger. Comments are counted in buckets of
 * about an eighth of the window, so the window is measured to within one bucket. Whether a surge is over is checked
 * lazily, on the article's next comment or when the surges are listed. Thread-safe: each article's state is mutated
 * under its own monitor.
 */
final class SurgeDetector {
  private static final Logger LOG = LoggerFactory.getLogger(SurgeDetector.class);
  private static final int BUCKETS_PER_WINDOW = 8;
  /** Caps the ring when the baseline is very long compared with the window (the buckets get longer instead). */
  private static final int MAX_BUCKETS = 512;

  private final double factor;
  private final int floor;
  private final long minDuration;
  private final double windowMinutes;
  private final double baselineMinutes;
  private final long bucketNanos;
  private final int recentBuckets;
  private final int baselineBuckets;
  private final Clock clock;
  private final Cache<String, ArticleActivity> articles;
  private final Function<String, ArticleActivity> newActivity;

  SurgeDetector(ThrottleConfig config, Ticker ticker, Clock clock, LongAdder evictions) {
    ThrottleConfig.SurgeConfig surge = config.surge();
    long window = surge.window().toNanos();
    long baseline = surge.baseline().toNanos();
    this.factor = surge.factor();
    this.floor = surge.floor();
    this.minDuration = surge.minDuration().toNanos();
    this.windowMinutes = window / 60e9;
    this.baselineMinutes = baseline / 60e9;
    this.bucketNanos = Math.max(1, Math.max(window / BUCKETS_PER_WINDOW, (window + baseline) / MAX_BUCKETS));
    this.recentBuckets = (int) ceilDiv(window, bucketNanos);
    this.baselineBuckets = (int) ceilDiv(baseline, bucketNanos);
    this.clock = clock;
    int buckets = recentBuckets + baselineBuckets;
    this.newActivity = articleId -> new ArticleActivity(articleId, buckets);
    Duration idle = Duration.ofNanos(Math.max(window + baseline, minDuration));
    this.articles = BoundedCaches.build(config.cache().maxArticles(), idle, ticker, evictions);
  }

  /** Counts an admitted comment on an article; true if the article is in pre-moderation. */
  boolean observe(String articleId, long now) {
    ArticleActivity activity = articles.get(articleId, newActivity);
    synchronized (activity) {
      activity.advanceTo(Math.floorDiv(now, bucketNanos));
      activity.increment();
      return update(activity, now) != null;
    }
  }

  /** Articles in pre-moderation at {@code now}, latest first; lifts those whose surge is over. */
  List<Surge> surges(long now) {
    List<Surge> result = new ArrayList<>();
    for (ArticleActivity activity : articles.asMap().values()) {
      synchronized (activity) {
        if (activity.surge() != null) {
          activity.advanceTo(Math.floorDiv(now, bucketNanos));
          Surge surge = update(activity, now);
          if (surge != null) {
            result.add(surge);
          }
        }
      }
    }
    result.sort(Comparator.comparing(Surge::since).reversed());
    return List.copyOf(result);
  }

  /** Starts or lifts the article's surge as its counts say; returns the surge in force. Logs the transitions. */
  private Surge update(ArticleActivity activity, long now) {
    int recent = activity.sum(0, recentBuckets);
    double recentRate = recent / windowMinutes;
    double baselineRate = activity.sum(recentBuckets, baselineBuckets) / baselineMinutes;
    boolean triggered = recent >= floor && recentRate >= factor * baselineRate;
    Surge surge = activity.surge();
    if (surge == null && triggered) {
      activity.startSurge(now, clock.instant(), recentRate, baselineRate);
      surge = activity.surge();
      LOG.warn("Surge on article {}: {} comments/min against a baseline of {}/min; holding its comments for review",
          surge.articleId(), round(recentRate), round(baselineRate));
    } else if (surge != null && !triggered && now - activity.surgeStartTick() >= minDuration) {
      activity.liftSurge();
      LOG.info("Surge on article {} is over ({} comments/min); its comments are no longer held", surge.articleId(),
          round(recentRate));
      surge = null;
    }
    return surge;
  }

  /** Articles tracked now (an estimate). */
  long trackedArticles() {
    return articles.estimatedSize();
  }

  /** Runs pending cache maintenance now. */
  void cleanUp() {
    articles.cleanUp();
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  private static double round(double rate) {
    return Math.round(rate * 10) / 10.0;
  }
}
