package dev.warden.plugin.internal.throttle;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.plugin.ThrottleConfig;
import dev.warden.plugin.store.Decision;
import dev.warden.plugin.store.Suspension;
import dev.warden.plugin.throttle.CoordinatedGroup;
import dev.warden.plugin.throttle.PostAttempt;
import dev.warden.plugin.throttle.Surge;
import dev.warden.plugin.throttle.ThrottleDecision;
import dev.warden.plugin.throttle.ThrottlePolicy;
import dev.warden.plugin.throttle.ThrottleReport;
import dev.warden.plugin.throttle.ThrottleStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The default throttle: in memory, per JVM, in bounded Caffeine caches. A submission is checked in this order, the
 * first refusal winning:
 *
 * <ol>
 *   <li>{@code suspended}: the poster key or the client address is suspended by a moderator;
 *   <li>{@code duplicate}: the poster sent the same normalised text within {@code duplicates.window};
 *   <li>{@code too_fast}: less than the minimum interval since the poster's last comment;
 *   <li>{@code too_many}: the poster's window allowance is used up;
 *   <li>{@code article_limit}: the poster's allowance on this article is used up;
 *   <li>{@code address_limit}: the client address's allowance across all poster keys is used up (checked when the
 *       poster key is not the address itself).
 * </ol>
 *
 * A comment that passes uses up allowance (refusals do not, but are counted), and is then held if its text is a
 * coordinated group ({@code coordinated}) or its article is in a surge ({@code surge}); coordinated wins when both
 * apply. Held and rejected comments give their poster a strike ({@link #recordModeration}), which tightens the
 * interval and window allowance until it decays.
 *
 * <p>Every interval and expiry is measured with the {@link Ticker}; the {@link Clock} only dates what the reports
 * show, and tells when a suspension (an instant from the store) ends. Memory is bounded by {@code throttle.cache}.
 * See {@link PosterState} for the bound on one poster's history.
 *
 * <p>With {@link SharedCounts} (shared mode), a comment this node admits is also checked against the counts all
 * nodes share (interval, window, per-article and per-address allowances); everything else stays per node.
 *
 * <p>Thread-safe, with no lock shared by different posters on the request path.
 */
public final class CaffeineThrottle implements ThrottlePolicy, AutoCloseable {
  private static final ThrottleDecision SURGE_HOLD = ThrottleDecision.hold(ThrottleDecision.SURGE, null);

  private final boolean enabled;
  private final boolean surgeEnabled;
  private final Ticker ticker;
  private final Suspensions suspensions;
  private final PosterGate posters;
  private final CoordinationTracker coordination;
  private final SurgeDetector surges;
  private final ThrottleCounters counters;
  private final SharedCounts shared;
  /** Entries evicted from any bounded cache because of its bound. */
  private final LongAdder evictions = new LongAdder();

  /**
   * A throttle for {@code config}, measuring intervals with {@code ticker} and dating reports with {@code clock}.
   */
  public CaffeineThrottle(ThrottleConfig config, Ticker ticker, Clock clock) {
    this(config, fixed(config.policyLimits()), ticker, clock);
  }

  /**
   * A throttle whose per-policy limits are read from {@code limits} on every check (publishers change them while
   * Warden runs); everything else comes from {@code config}.
   */
  public CaffeineThrottle(ThrottleConfig config, Supplier<ThrottleConfig.PolicyLimits> limits, Ticker ticker,
      Clock clock) {
    this(config, limits, SharedCounts.NONE, ticker, clock);
  }

  /**
   * A throttle that also keeps its allowances in {@code shared} (the counts of all nodes); closing the throttle
   * closes them.
   */
  public CaffeineThrottle(ThrottleConfig config, Supplier<ThrottleConfig.PolicyLimits> limits, SharedCounts shared,
      Ticker ticker, Clock clock) {
    Objects.requireNonNull(config, "config");
    this.shared = Objects.requireNonNull(shared, "shared");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    Objects.requireNonNull(clock, "clock");
    this.enabled = config.enabled();
    this.surgeEnabled = config.surge().enabled();
    this.suspensions = new Suspensions(clock);
    this.posters = new PosterGate(config, limits, ticker, evictions, shared);
    this.coordination = new CoordinationTracker(config, ticker, clock, evictions);
    this.surges = new SurgeDetector(config, ticker, clock, evictions);
    this.counters = new ThrottleCounters(ticker, clock, evictions);
  }

  private static Supplier<ThrottleConfig.PolicyLimits> fixed(ThrottleConfig.PolicyLimits limits) {
    return () -> limits;
  }

  @Override
  public ThrottleDecision check(PostAttempt attempt) {
    if (!enabled) {
      return ThrottleDecision.PROCEED;
    }
    ThrottleDecision refusal = suspended(attempt);
    if (refusal == null) {
      long now = ticker.read();
      TextFingerprint text = TextFingerprint.of(attempt.text());
      refusal = posters.admit(attempt, text, TextFingerprint.hashOf(attempt.articleId()), now);
      if (refusal == null) {
        return afterAdmission(attempt, text, now);
      }
    }
    counters.refused(attempt.posterKey(), refusal.reason());
    return refusal;
  }

  private ThrottleDecision suspended(PostAttempt attempt) {
    Duration remaining = suspensions.remaining(attempt.posterKey());
    if (remaining == null && !attempt.addressKey().equals(attempt.posterKey())) {
      remaining = suspensions.remaining(attempt.addressKey());
    }
    return remaining == null ? null : ThrottleDecision.refuse(ThrottleDecision.SUSPENDED, remaining);
  }

  /** Feeds an admitted comment to the coordinated and surge detectors, and holds it if either says so. */
  private ThrottleDecision afterAdmission(PostAttempt attempt, TextFingerprint text, long now) {
    String group = coordination.observe(attempt.posterKey(), text, now);
    boolean surging = surgeEnabled && surges.observe(attempt.articleId(), now);
    if (group != null) {
      counters.held(ThrottleDecision.COORDINATED);
      return ThrottleDecision.hold(ThrottleDecision.COORDINATED, group);
    }
    if (surging) {
      counters.held(ThrottleDecision.SURGE);
      return SURGE_HOLD;
    }
    return ThrottleDecision.PROCEED;
  }

  @Override
  public void recordModeration(String posterKey, Decision decision) {
    Objects.requireNonNull(posterKey, "posterKey");
    if (decision == Decision.HOLD || decision == Decision.REJECT) {
      posters.strike(posterKey, ticker.read());
    }
  }

  /**
   * Replaces every suspension this node knows with {@code active} (the periodic refresh from the store). Lookups
   * stay O(1) and never do I/O.
   */
  public void replaceSuspensions(Collection<Suspension> active) {
    suspensions.replaceAll(List.copyOf(active));
  }

  @Override
  public void suspensionChanged(Suspension suspension) {
    suspensions.put(Objects.requireNonNull(suspension, "suspension"));
  }

  @Override
  public void suspensionLifted(String posterKey) {
    suspensions.lift(Objects.requireNonNull(posterKey, "posterKey"));
  }

  @Override
  public ThrottleReport report(int top) {
    return counters.report(top, posters.tracked(), evictions.sum());
  }

  @Override
  public List<Surge> surges() {
    return surges.surges(ticker.read());
  }

  @Override
  public List<CoordinatedGroup> coordinatedGroups(int limit) {
    return coordination.groups(limit, ticker.read());
  }

  @Override
  public ThrottleStatus status() {
    return shared.status();
  }

  /** Closes the shared counts (the Redis connection), if any. */
  @Override
  public void close() {
    shared.close();
  }

  /** The estimated entry count of each bounded cache; for measurements. */
  Map<String, Long> estimatedSizes() {
    return Map.of("posters", posters.tracked(), "texts", coordination.trackedTexts(), "articles",
        surges.trackedArticles());
  }

  /** Runs pending maintenance of every cache now (evictions, expiries); for tests and measurements. */
  void cleanUp() {
    posters.cleanUp();
    coordination.cleanUp();
    surges.cleanUp();
    counters.cleanUp();
  }
}
