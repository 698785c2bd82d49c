package dev.warden.plugin.internal.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/** Builds the throttle's caches alike: bounded, idle entries expire, time from the ticker, evictions counted. */
final class BoundedCaches {
  private BoundedCaches() {}

  /**
   * A cache of at most {@code maxSize} entries that drops entries idle for {@code idle}, counting in
   * {@code evictions} those dropped because of the bound. Maintenance runs on the calling thread: deterministic in
   * tests, and no container threads borrowed from the common pool.
   */
  static <K, V> Cache<K, V> build(long maxSize, Duration idle, Ticker ticker, LongAdder evictions) {
    return Caffeine.newBuilder()
        .maximumSize(maxSize)
        .expireAfterAccess(idle)
        .ticker(ticker)
        .executor(Runnable::run)
        .evictionListener((K key, V value, RemovalCause cause) -> {
          if (cause == RemovalCause.SIZE) {
            evictions.increment();
          }
        })
        .build();
  }
}
