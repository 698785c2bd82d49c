package dev.warden.plugin.internal.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.plugin.ThrottleConfig;
import dev.warden.plugin.throttle.PostAttempt;
import dev.warden.plugin.throttle.ThrottleDecision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The per-poster allowances (checks 2 to 6 of {@link CaffeineThrottle}): duplicate text, minimum interval, window,
 * per-article cap and per-address cap, tightened by the poster's strikes. One bounded cache holds the state of
 * poster keys and client-address keys alike; an entry idle for the longest window it serves is dropped, strikes
 * included.
 *
 * <p>Thread-safe. A check and the recording of an admitted comment happen under the poster's monitor and, when the
 * poster key is not the address, the address's too, taken in key order so that two checks cannot deadlock. So
 * concurrent requests of one poster cannot both slip through, and the only lock posters share is their address's.
 *
 * <p>The per-policy limits (and the sections' own, which replace their articles' kind's) are read on every check from a supplier (publishers change them while Warden runs); what
 * they imply (history length, idle expiry) is derived once per change of the supplied value.
 */
final class PosterGate {
  /** Strikes stop adding up here: past it a poster is only held at the maximum multiplier for longer. */
  static final int MAX_STRIKES = 1000;
  /**
   * A poster's history keeps its latest 64 comments, or more if an allowance is larger: duplicate and per-article
   * checks look no further back.
   */
  static final int HISTORY_FLOOR = 64;

  private final Supplier<ThrottleConfig.PolicyLimits> limits;
  private final long duplicateWindow;
  private final int addressMax;
  private final long addressWindow;
  private final Escalation escalation;
  private final Cache<String, PosterState> states;
  private final Function<String, PosterState> newState;
  private final SharedCounts shared;
  /** Derived from the limits last supplied. */
  private volatile Allowances allowances;

  /** One policy's allowances in ticks (nanoseconds). */
  private record Rules(long minInterval, int windowMax, long window, int articleMax, long articleWindow) {
    static Rules of(ThrottleConfig.Limits limits) {
      return new Rules(limits.minInterval().toNanos(), limits.window().max(), limits.window().window().toNanos(),
          limits.perArticle().max(), limits.perArticle().window().toNanos());
    }
  }

  /**
   * Both policies' and the sections' allowances and what they imply: how long and how far back a poster's history
   * must reach.
   *
   * @param source the supplied limits these were derived from (compared by identity)
   * @param sections the allowances of sections that have their own, by section name
   */
  private record Allowances(ThrottleConfig.PolicyLimits source, Rules defaults, Rules conflict,
      Map<String, Rules> sections, long historyRetention, int historyLimit) {
    static Allowances of(ThrottleConfig.PolicyLimits limits, long duplicateWindow) {
      Rules defaults = Rules.of(limits.defaults());
      Rules conflict = Rules.of(limits.conflict());
      Map<String, Rules> sections = new HashMap<>();
      limits.sections().forEach((name, own) -> sections.put(name, Rules.of(own)));
      long retention = duplicateWindow;
      int historyLimit = HISTORY_FLOOR;
      for (Rules rules : concat(defaults, conflict, sections.values())) {
        retention = max(retention, rules.window, rules.articleWindow);
        historyLimit = Math.max(historyLimit, Math.max(rules.windowMax, rules.articleMax));
      }
      return new Allowances(limits, defaults, conflict, Map.copyOf(sections), retention, historyLimit);
    }

    /** The section's own allowances if it has them, else those of the article's kind. */
    Rules rules(boolean conflictArticle, String section) {
      Rules own = section == null ? null : sections.get(section);
      if (own != null) {
        return own;
      }
      return conflictArticle ? conflict : defaults;
    }

    private static List<Rules> concat(Rules defaults, Rules conflict, Collection<Rules> sections) {
      List<Rules> all = new ArrayList<>(sections);
      all.add(defaults);
      all.add(conflict);
      return all;
    }
  }

  PosterGate(ThrottleConfig config, Supplier<ThrottleConfig.PolicyLimits> limits, Ticker ticker,
      LongAdder evictions, SharedCounts shared) {
    this.limits = limits;
    this.shared = shared;
    this.duplicateWindow = config.duplicateWindow().toNanos();
    this.addressMax = config.perAddress().max();
    this.addressWindow = config.perAddress().window().toNanos();
    this.escalation = new Escalation(config.escalation());
    this.allowances = Allowances.of(limits.get(), duplicateWindow);
    this.newState = key -> new PosterState(allowances.historyLimit(), addressMax);
    this.states = BoundedCaches.build(config.cache().maxPosters(), idle(allowances), ticker, evictions);
  }

  /** The allowances of the limits in force; re-derived (and the idle expiry adjusted) when they changed. */
  private Allowances allowances() {
    Allowances current = allowances;
    ThrottleConfig.PolicyLimits supplied = limits.get();
    if (supplied != current.source()) {
      current = Allowances.of(supplied, duplicateWindow);
      allowances = current;
      Duration idle = idle(current);
      states.policy().expireAfterAccess().ifPresent(expiry -> expiry.setExpiresAfter(idle));
    }
    return current;
  }

  /** An entry idle this long serves no window any more. */
  private Duration idle(Allowances allowances) {
    return Duration.ofNanos(Math.max(allowances.historyRetention(), addressWindow));
  }

  /**
   * Checks the poster's and the address's allowances and, if they allow it, records the comment. Returns the
   * refusal, or null if the comment is admitted.
   */
  ThrottleDecision admit(PostAttempt attempt, TextFingerprint text, long articleHash, long now) {
    String posterKey = attempt.posterKey();
    String addressKey = attempt.addressKey();
    Allowances current = allowances();
    PosterState poster = states.get(posterKey, newState);
    if (posterKey.equals(addressKey)) {
      synchronized (poster) {
        return admitLocked(current, poster, poster, false, attempt, text, articleHash, now);
      }
    }
    PosterState address = states.get(addressKey, newState);
    boolean posterFirst = posterKey.compareTo(addressKey) < 0;
    synchronized (posterFirst ? poster : address) {
      synchronized (posterFirst ? address : poster) {
        return admitLocked(current, poster, address, true, attempt, text, articleHash, now);
      }
    }
  }

  private ThrottleDecision admitLocked(Allowances current, PosterState poster, PosterState address,
      boolean checkAddress, PostAttempt attempt, TextFingerprint text, long articleHash, long now) {
    // A poster tracked before a publisher raised an allowance needs the longer history the new one counts back.
    poster.ensureHistory(current.historyLimit());
    Rules rules = current.rules(attempt.conflict(), attempt.section());
    ThrottleDecision refusal = posterRefusal(poster, rules, text, articleHash, now);
    if (refusal == null && checkAddress) {
      refusal = addressRefusal(address, now);
    }
    if (refusal == null && shared != SharedCounts.NONE) {
      // Asked last, under the poster's monitor: what this node can refuse alone costs no round trip, and two
      // requests of one poster on this node cannot pass the shared count together.
      refusal = shared.admit(sharedAttempt(poster, rules, checkAddress, attempt, articleHash, now), now);
    }
    if (refusal == null) {
      poster.recordPost(now, articleHash, text.hash(), current.historyRetention());
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

  private SharedAttempt sharedAttempt(PosterState poster, Rules rules, boolean checkAddress, PostAttempt attempt,
      long articleHash, long now) {
    double multiplier = escalation.multiplier(poster.strikes(now, escalation.decay()));
    return new SharedAttempt(attempt.posterKey(), attempt.addressKey(), checkAddress, articleHash,
        escalation.lengthen(rules.minInterval, multiplier), escalation.shrink(rules.windowMax, multiplier),
        rules.window, rules.articleMax, rules.articleWindow, addressMax, addressWindow);
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
