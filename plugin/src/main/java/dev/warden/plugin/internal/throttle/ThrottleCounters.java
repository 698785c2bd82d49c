package dev.warden.plugin.internal.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.plugin.throttle.ThrottleDecision;
import dev.warden.plugin.throttle.ThrottleReport;
import dev.warden.plugin.throttle.ThrottleReport.ThrottledPoster;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * What the throttle did: refusals and holds by reason, and the most refused posters (a bounded cache, so a flood of
 * keys cannot grow it). Thread-safe: counters are {@link LongAdder}s, each poster's tally has its own monitor.
 */
final class ThrottleCounters {
  /** Posters whose refusals are remembered for the report. */
  static final int POSTERS_REMEMBERED = 10_000;
  /** A poster's tally is forgotten after this long without refusals. */
  static final Duration POSTER_IDLE = Duration.ofHours(24);
  private static final List<String> REFUSALS = List.of(ThrottleDecision.SUSPENDED, ThrottleDecision.DUPLICATE,
      ThrottleDecision.TOO_FAST, ThrottleDecision.TOO_MANY, ThrottleDecision.ARTICLE_LIMIT,
      ThrottleDecision.ADDRESS_LIMIT);
  private static final List<String> HOLDS = List.of(ThrottleDecision.COORDINATED, ThrottleDecision.SURGE);

  private final Map<String, LongAdder> refused = adders(REFUSALS);
  private final Map<String, LongAdder> held = adders(HOLDS);
  private final Clock clock;
  private final Cache<String, Tally> tallies;
  private final Function<String, Tally> newTally = key -> new Tally();

  /** One poster's refusals. Guarded by its monitor. */
  private static final class Tally {
    long refusals;
    String lastReason;
    long lastRefusedMillis;
  }

  ThrottleCounters(Ticker ticker, Clock clock, LongAdder evictions) {
    this.clock = clock;
    this.tallies = BoundedCaches.build(POSTERS_REMEMBERED, POSTER_IDLE, ticker, evictions);
  }

  /** Counts a refusal of {@code posterKey}. */
  void refused(String posterKey, String reason) {
    refused.get(reason).increment();
    Tally tally = tallies.get(posterKey, newTally);
    long now = clock.millis();
    synchronized (tally) {
      tally.refusals++;
      tally.lastReason = reason;
      tally.lastRefusedMillis = now;
    }
  }

  /** Counts a hold by the throttle. */
  void held(String reason) {
    held.get(reason).increment();
  }

  /** The counts, the {@code top} most refused posters, and the given cache figures. */
  ThrottleReport report(int top, long trackedPosters, long evictions) {
    List<ThrottledPoster> posters = new ArrayList<>();
    tallies.asMap().forEach((key, tally) -> {
      synchronized (tally) {
        if (tally.refusals == 0) {
          return; // just created by a refusal still being counted
        }
        posters.add(new ThrottledPoster(key, tally.refusals, tally.lastReason,
            Instant.ofEpochMilli(tally.lastRefusedMillis)));
      }
    });
    posters.sort(Comparator.comparingLong(ThrottledPoster::refusals).reversed()
        .thenComparing(ThrottledPoster::lastRefusedAt, Comparator.reverseOrder()));
    return new ThrottleReport(sums(refused), sums(held), posters.subList(0, Math.min(Math.max(0, top),
        posters.size())), trackedPosters, evictions);
  }

  /** Runs pending cache maintenance now. */
  void cleanUp() {
    tallies.cleanUp();
  }

  private static Map<String, LongAdder> adders(List<String> reasons) {
    Map<String, LongAdder> adders = new LinkedHashMap<>();
    reasons.forEach(reason -> adders.put(reason, new LongAdder()));
    return Map.copyOf(adders);
  }

  private static Map<String, Long> sums(Map<String, LongAdder> adders) {
    Map<String, Long> sums = new LinkedHashMap<>();
    adders.forEach((reason, adder) -> sums.put(reason, adder.sum()));
    return sums;
  }
}
