package dev.warden.plugin.internal.ops;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read at most once per {@code maxAge} (as the ticker counts), for readings that cost a database query:
 * callers in between get the last reading. Concurrent callers of a stale reading wait for one read instead of each
 * making their own. A failed read counts as a read: the last good value is kept (null if none) until the next
 * try, so a database that is down is asked once per {@code maxAge}, not once per caller. Thread-safe.
 */
final class CachedReading<T> {
  private static final Logger LOG = LoggerFactory.getLogger(CachedReading.class);

  private final Supplier<T> source;
  private final long maxAgeNanos;
  private final Ticker ticker;
  private T value;
  private long readAt;
  private boolean read;

  CachedReading(Supplier<T> source, Duration maxAge, Ticker ticker) {
    this.source = Objects.requireNonNull(source, "source");
    this.maxAgeNanos = maxAge.toNanos();
    this.ticker = Objects.requireNonNull(ticker, "ticker");
  }

  /** The last reading if younger than {@code maxAge}, else a new one; the last good value if that fails. */
  synchronized T get() {
    long now = ticker.read();
    if (!read || now - readAt >= maxAgeNanos) {
      readAt = now;
      read = true;
      try {
        value = source.get();
      } catch (RuntimeException e) {
        LOG.debug("reading failed; keeping the last value: {}", e.toString());
      }
    }
    return value;
  }
}
