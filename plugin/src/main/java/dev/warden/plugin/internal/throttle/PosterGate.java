package dev.warden.plugin.internal.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.plugin.ThrottleConfig;
import dev.warden.plugin.throttle.PostAttempt;
import dev.warden.plugin.throttle.ThrottleDecision;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The per-poster allowances (checks 2 to 6 of {@link CaffeineThrottle}): duplicate text, minimum interval, window,
 * per-article cap and per-address cap, tightened by the poster's strikes. One bounded cache holds the state of
 * poster keys and client-address keys alike; an entry idle for the longest window it serves is dropped, strikes
 * included.
 *
 * <p>Thread-safe. A check and the recording of an admitted comment happen under the poster's monitor and, when the
 * poster key is not the address, the address's too, taken in key order so that two checks cannot deadlock. So
 * concurrent requests of one poster cannot both slip through, and the only lock posters share is their address's.
 */
final class PosterGate {
  /** Strikes stop adding up here: past it a poster is only held at the maximum multiplier for longer. */
  static final int MAX_STRIKES = 1000;
  /**
   * A poster's history keeps its latest 64 comments, or more if an allowance is larger: duplicate and per-article
   * checks look no further back.
   */
  static final int HISTORY_FLOOR = 64;

  private final Rules defaults;
  private final Rules conflict;
  private final long duplicateWindow;
  private final int addressMax;
  private final long addressWindow;
  private final long historyRetention;
  private final Escalation escalation;
  private final Cache<String, PosterState> states;
  private final Function<String, PosterState> newState;

  /** One policy's allowances in ticks (nanoseconds). */
  private record Rules(long minInterval, int windowMax, long window, int articleMax, long articleWindow) {
    static Rules of(ThrottleConfig.Limits limits) {
      return new Rules(limits.minInterval().toNanos(), limits.window().max(), limits.window().window().toNanos(),
          limits.perArticle().max(), limits.perArticle().window().toNanos());
    }
  }

  PosterGate(ThrottleConfig config, Ticker ticker, LongAdder evictions) {
    this.defaults = Rules.of(config.defaultLimits());
    this.conflict = Rules.of(config.conflictLimits());
    this.duplicateWindow = config.duplicateWindow().toNanos();
    this.addressMax = config.perAddress().max();
    this.addressWindow = config.perAddress().window().toNanos();
    this.historyRetention = max(duplicateWindow, defaults.window, defaults.articleWindow, conflict.window,
        conflict.articleWindow);
    this.escalation = new Escalation(config.escalation());
    int historyLimit = Math.max(HISTORY_FLOOR, Math.max(Math.max(defaults.windowMax, conflict.windowMax),
        Math.max(defaults.articleMax, conflict.articleMax)));
    this.newState = key -> new PosterState(historyLimit, addressMax);
    Duration idle = Duration.ofNanos(Math.max(historyRetention, addressWindow));
    this.states = BoundedCaches.build(config.cache().maxPosters(), idle, ticker, evictions);
  }

  /**
   * Checks the poster's and the address's allowances and, if they allow it, records the comment. Returns the
   * refusal, or null if the comment is admitted.
   */
  ThrottleDecision admit(PostAttempt attempt, TextFingerprint text, long articleHash, long now) {
    String posterKey = attempt.posterKey();
    String addressKey = attempt.addressKey();
    PosterState poster = states.get(posterKey, newState);
    if (posterKey.equals(addressKey)) {
      synchronized (poster) {
        return admitLocked(poster, poster, false, attempt.conflict(), text, articleHash, now);
      }
    }
    PosterState address = states.get(addressKey, newState);
    boolean posterFirst = posterKey.compareTo(addressKey) < 0;
    synchronized (posterFirst ? poster : address) {
      synchronized (posterFirst ? address : poster) {
        return admitLocked(poster, address, true, attempt.conflict(), text, articleHash, now);
      }
    }
  }

  private ThrottleDecision admitLocked(PosterState poster, PosterState address, boolean checkAddress,
      boolean conflictArticle, TextFingerprint text, long articleHash, long now) {
    ThrottleDecision refusal = posterRefusal(poster, conflictArticle ? conflict : defaults, text, articleHash, now);
    if (refusal == null && checkAddress) {
      refusal = addressRefusal(address, now);
    }
    if (refusal == null) {
      poster.recordPost(now, articleHash, text.hash(), historyRetention);
      address.recordAddressPost(now, addressWindow); // the same state when the poster is anonymous
    }
    return refusal;
  }

  private ThrottleDecision posterRefusal(PosterState poster, Rules rules, TextFingerprint text, long articleHash,
      long now) {
    if (text.length() > 0) {
      long same = poster.latestWithText(text.hash(), now, duplicateWindow);
      if (same != LongRing.NONE) {
        return refuse(ThrottleDecision.DUPLICATE, same + duplicateWindow - now);
      }
    }
    double multiplier = escalation.multiplier(poster.strikes(now, escalation.decay()));
    long minInterval = escalation.lengthen(rules.minInterval, multiplier);
    long last = poster.postTick(0);
    if (minInterval > 0 && last != LongRing.NONE && now - last < minInterval) {
      return refuse(ThrottleDecision.TOO_FAST, last + minInterval - now);
    }
    long oldestCounted = poster.postTick(escalation.shrink(rules.windowMax, multiplier) - 1);
    if (oldestCounted != LongRing.NONE && now - oldestCounted < rules.window) {
      return refuse(ThrottleDecision.TOO_MANY, oldestCounted + rules.window - now);
    }
    long oldestOnArticle = poster.nthLatestOnArticle(articleHash, rules.articleMax, now, rules.articleWindow);
    if (oldestOnArticle != LongRing.NONE) {
      return refuse(ThrottleDecision.ARTICLE_LIMIT, oldestOnArticle + rules.articleWindow - now);
    }
    return null;
  }

  private ThrottleDecision addressRefusal(PosterState address, long now) {
    long oldestCounted = address.addressTick(addressMax - 1);
    if (oldestCounted != LongRing.NONE && now - oldestCounted < addressWindow) {
      return refuse(ThrottleDecision.ADDRESS_LIMIT, oldestCounted + addressWindow - now);
    }
    return null;
  }

  /** Gives the poster a strike: a held or rejected comment. */
  void strike(String posterKey, long now) {
    PosterState poster = states.get(posterKey, newState);
    synchronized (poster) {
      poster.addStrike(now, escalation.decay(), MAX_STRIKES);
    }
  }

  /** Posters and addresses tracked now (an estimate). */
  long tracked() {
    return states.estimatedSize();
  }

  /** Runs pending cache maintenance (evictions, expiries) now. */
  void cleanUp() {
    states.cleanUp();
  }

  private static ThrottleDecision refuse(String reason, long nanos) {
    return ThrottleDecision.refuse(reason, Duration.ofNanos(nanos));
  }

  private static long max(long first, long... rest) {
    long max = first;
    for (long value : rest) {
      max = Math.max(max, value);
    }
    return max;
  }
}
