package dev.warden.plugin.internal.throttle;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@link Ticker} that reads a {@link Clock}: what the runtime gives the throttle when a test clock is injected, so
 * that moving the clock moves every throttle window too. Thread-safe if the clock is.
 */
public final class ClockTicker {
  private ClockTicker() {}

  /** A ticker reading {@code clock}'s instant as nanoseconds since the epoch (good until the year 2262). */
  public static Ticker of(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    return () -> {
      Instant now = clock.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    };
  }
}
