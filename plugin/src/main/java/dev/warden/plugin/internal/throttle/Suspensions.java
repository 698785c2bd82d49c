package dev.warden.plugin.internal.throttle;

import dev.warden.plugin.store.Suspension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The suspensions in force on this node, by poster key: a lookup is one hash-map read and never does I/O. A
 * periodic refresh from the store replaces the whole set; moderators' changes on this node apply at once in
 * between. Suspensions end at wall-clock instants from the store, so they are compared with the clock, which is read
 * only when the key is suspended. Thread-safe.
 */
final class Suspensions {
  private final Clock clock;
  private volatile Map<String, Instant> untilByKey = new ConcurrentHashMap<>();

  Suspensions(Clock clock) {
    this.clock = clock;
  }

  /** How long {@code key} remains suspended, or null if it is not. */
  Duration remaining(String key) {
    Map<String, Instant> current = untilByKey;
    if (current.isEmpty()) {
      return null;
    }
    Instant until = current.get(key);
    if (until == null) {
      return null;
    }
    Instant now = clock.instant();
    return now.isBefore(until) ? Duration.between(now, until) : null;
  }

  /**
   * Replaces every suspension with {@code active}. A change made on this node while the store was being read may be
   * undone until the next refresh; the store stays the truth.
   */
  void replaceAll(Collection<Suspension> active) {
    Map<String, Instant> next = new HashMap<>();
    for (Suspension s : active) {
      next.merge(s.posterKey(), s.until(), (a, b) -> a.isAfter(b) ? a : b);
    }
    untilByKey = new ConcurrentHashMap<>(next);
  }

  /** Puts a new or changed suspension in force. */
  void put(Suspension suspension) {
    untilByKey.put(suspension.posterKey(), suspension.until());
  }

  /** Lifts a poster's suspension. */
  void lift(String posterKey) {
    untilByKey.remove(posterKey);
  }
}
