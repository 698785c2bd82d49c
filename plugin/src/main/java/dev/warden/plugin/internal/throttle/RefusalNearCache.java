package dev.warden.plugin.internal.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.plugin.throttle.ThrottleDecision;
import java.time.Duration;

/**
 * The shared refusals this node has seen, until their retry-after: a poster refused by the shared counts is refused
 * again from here, without a round trip, until the allowance that refused it frees up (refusals do not use up
 * allowance, so nothing another node does can free it sooner). Bounded; entries expire when they are due.
 *
 * <p>Thread-safe.
 */
final class RefusalNearCache {
  /** A refusal and the ticker reading at which it ends. */
  private record Refusal(String reason, long until) {}

  private final Cache<String, Refusal> refusals;
  private final Ticker ticker;

  RefusalNearCache(long maxEntries, Ticker ticker) {
    this.ticker = ticker;
    this.refusals = Caffeine.newBuilder()
        .maximumSize(maxEntries)
        .ticker(ticker)
        .expireAfter(Expiry.creating((String key, Refusal refusal) -> Duration.ofNanos(
            Math.max(0, refusal.until - ticker.read()))))
        .build();
  }

  /** The refusal remembered for the attempt (poster, poster on article, address), or null. */
  ThrottleDecision refusal(SharedAttempt attempt, long now) {
    ThrottleDecision refusal = lookup(posterKey(attempt), now);
    if (refusal == null) {
      refusal = lookup(articleKey(attempt), now);
    }
    if (refusal == null && attempt.checkAddress()) {
      refusal = lookup(addressKey(attempt), now);
    }
    return refusal;
  }

  /** Remembers a shared refusal of {@code attempt} with reason {@code reason} until {@code now + retryAfter}. */
  void remember(SharedAttempt attempt, String reason, Duration retryAfter, long now) {
    String key = switch (reason) {
      case ThrottleDecision.ARTICLE_LIMIT -> articleKey(attempt);
      case ThrottleDecision.ADDRESS_LIMIT -> addressKey(attempt);
      default -> posterKey(attempt);
    };
    refusals.put(key, new Refusal(reason, now + retryAfter.toNanos()));
  }

  private ThrottleDecision lookup(String key, long now) {
    Refusal refusal = refusals.getIfPresent(key);
    if (refusal == null || refusal.until - now <= 0) {
      return null;
    }
    return ThrottleDecision.refuse(refusal.reason, Duration.ofNanos(refusal.until - now));
  }

  private static String posterKey(SharedAttempt attempt) {
    return "p\n" + attempt.posterKey();
  }

  private static String articleKey(SharedAttempt attempt) {
    return "a\n" + attempt.posterKey() + "\n" + attempt.articleHash();
  }

  private static String addressKey(SharedAttempt attempt) {
    return "i\n" + attempt.addressKey();
  }
}
