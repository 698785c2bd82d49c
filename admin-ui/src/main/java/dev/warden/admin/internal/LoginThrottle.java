package dev.warden.admin.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES} failed logins for one username from one address
 * within {@link #WINDOW}, further attempts are refused until the window ends. State is a bounded Caffeine cache
 * whose entries expire with their window. Thread-safe.
 */
final class LoginThrottle {
  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);
  private static final long MAX_KEYS = 100_000;

  private final Clock clock;
  private final Cache<String, Window> failures;

  LoginThrottle(Clock clock) {
    this.clock = clock;
    this.failures = Caffeine.newBuilder()
        .maximumSize(MAX_KEYS)
        .expireAfterWrite(WINDOW)
        .ticker(() -> clock.millis() * 1_000_000L)
        .build();
  }

  /** The key for one username from one address. */
  static String key(String username, String address) {
    return username.toLowerCase(java.util.Locale.ROOT) + "\n" + address;
  }

  /** How long the caller must wait before trying again, or empty if they may try now. */
  Optional<Duration> retryAfter(String key) {
    Window window = failures.getIfPresent(key);
    if (window == null || window.failures < MAX_FAILURES) {
      return Optional.empty();
    }
    Duration left = Duration.between(clock.instant(), window.start.plus(WINDOW));
    return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
  }

  /** Counts a failed login; returns the number of failures in the current window. */
  int recordFailure(String key) {
    Instant now = clock.instant();
    Window updated = failures.asMap().compute(key, (k, w) ->
        w == null || !now.isBefore(w.start.plus(WINDOW)) ? new Window(now, 1) : new Window(w.start, w.failures + 1));
    return updated.failures;
  }

  /** Forgets the failures of a key after a successful login. */
  void recordSuccess(String key) {
    failures.invalidate(key);
  }

  private record Window(Instant start, int failures) {}
}
