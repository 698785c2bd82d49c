package dev.warden.plugin;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.classifier.ClassificationException;
import dev.warden.classifier.Classifier;
import dev.warden.plugin.internal.config.WardenConfigLocator;
import dev.warden.plugin.internal.http.EndpointMatcher;
import dev.warden.plugin.internal.models.WatchedModels;
import dev.warden.plugin.internal.ops.HealthCheck;
import dev.warden.plugin.internal.ops.ModerationEvents;
import dev.warden.plugin.internal.ops.WardenMeters;
import dev.warden.plugin.internal.policy.ScoreSampler;
import dev.warden.plugin.internal.policy.VersionedNarratives;
import dev.warden.plugin.internal.policy.VersionedPolicies;
import dev.warden.plugin.internal.release.ReleaseOutbox;
import dev.warden.plugin.internal.release.ReleaserFactory;
import dev.warden.plugin.internal.store.JdbcCommentStore;
import dev.warden.plugin.internal.store.RetentionSweeper;
import dev.warden.plugin.internal.throttle.CaffeineThrottle;
import dev.warden.plugin.internal.throttle.ClockTicker;
import dev.warden.plugin.internal.throttle.EnforcedErasure;
import dev.warden.plugin.internal.throttle.EnforcedSuspensions;
import dev.warden.plugin.internal.throttle.RedisCounts;
import dev.warden.plugin.internal.throttle.SharedCounts;
import dev.warden.plugin.internal.throttle.SuspensionRefresh;
import dev.warden.plugin.policy.LiveModels;
import dev.warden.plugin.policy.LiveNarratives;
import dev.warden.plugin.policy.LivePolicies;
import dev.warden.plugin.policy.ScoreSample;
import dev.warden.plugin.policy.ScoreSamples;
import dev.warden.plugin.store.ArticleRegistry;
import dev.warden.plugin.store.AuditTrail;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.HeldCommentStore;
import dev.warden.plugin.store.ModerationStats;
import dev.warden.plugin.store.PosterDataStore;
import dev.warden.plugin.store.PosterNotes;
import dev.warden.plugin.store.PosterSuspensions;
import dev.warden.plugin.store.SavedViews;
import dev.warden.plugin.throttle.ThrottlePolicy;
import jakarta.servlet.ServletContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running Warden of one web application: configuration, classifier, store, article registry, live policies
 * (versioned, with the score sample of the what-if charts), throttle (with poster suspensions) and release outbox.
 * The filter and the admin UI share one instance per servlet context (stored as the context attribute
 * {@link #CONTEXT_ATTRIBUTE}). Start-up fails fast (bad config, unreachable database, missing model). Thread-safe.
 */
public final class Warden implements AutoCloseable {
  /** The servlet context attribute under which the running instance is kept. */
  public static final String CONTEXT_ATTRIBUTE = Warden.class.getName();

  private static final Logger LOG = LoggerFactory.getLogger(Warden.class);
  private static final WardenConfigLocator LOCATOR = new WardenConfigLocator();

  private final WardenConfig config;
  private final WatchedModels models;
  private final VersionedNarratives narratives;
  private final JdbcCommentStore store;
  private final ReleaseOutbox outbox;
  private final CaffeineThrottle throttle;
  private final SuspensionRefresh suspensionRefresh;
  private final PosterSuspensions suspensions;
  private final VersionedPolicies policies;
  private final ScoreSampler samples;
  private final Clock clock;
  private final EndpointMatcher endpoints;
  private final RetentionSweeper retention;
  private final PosterDataStore posterData;
  private final WardenMeters meters;
  private final HealthCheck health;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Warden(WardenConfig config, WatchedModels models, VersionedNarratives narratives, JdbcCommentStore store,
      ReleaseOutbox outbox, CaffeineThrottle throttle, SuspensionRefresh suspensionRefresh, VersionedPolicies policies,
      ScoreSampler samples, RetentionSweeper retention, Clock clock, WardenMeters meters) {
    this.config = config;
    this.models = models;
    this.narratives = narratives;
    this.store = store;
    this.outbox = outbox;
    this.throttle = throttle;
    this.suspensionRefresh = suspensionRefresh;
    this.policies = policies;
    this.samples = samples;
    this.suspensions = new EnforcedSuspensions(store.suspensions(), throttle, suspensionRefresh::refresh);
    this.clock = clock;
    this.endpoints = new EndpointMatcher(config.endpoints());
    this.retention = retention;
    this.posterData = new EnforcedErasure(store.posterData(), throttle, suspensionRefresh::refresh);
    this.meters = meters;
    this.health = new HealthCheck(store::deliveryBacklog, narratives::classifier, throttle::status, config.ops(),
        clock, tickerFor(clock));
  }

  /** Starts Warden from a config: opens the store (migrating it), loads the classifier, starts the outbox. */
  public static Warden start(WardenConfig config) {
    return start(config, Clock.systemUTC());
  }

  /** Starts Warden with a given clock (for tests and embedding). */
  public static Warden start(WardenConfig config, Clock clock) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    WatchedModels models = startModels(config.models(), clock);
    Classifier classifier = models.inForce().get();
    JdbcCommentStore store;
    try {
      store = JdbcCommentStore.open(config.store(), clock);
    } catch (RuntimeException e) {
      models.close();
      throw e;
    }
    VersionedPolicies policies = null;
    SuspensionRefresh refresh = null;
    ScoreSampler samples = null;
    VersionedNarratives narratives = null;
    RetentionSweeper retention = null;
    CaffeineThrottle throttle = null;
    WardenMeters meters = null;
    try {
      narratives = VersionedNarratives.start(store.narrativeVersions(), models.inForce(),
          config.console().refresh());
      policies = VersionedPolicies.start(store.policyVersions(), PolicySettings.of(config),
          config.console().refresh(), clock);
      LivePolicies live = policies;
      Ticker ticker = tickerFor(clock);
      throttle = new CaffeineThrottle(config.throttle(), () -> live.settings().throttleLimits(),
          sharedCounts(config.throttle(), ticker, clock), ticker, clock);
      refresh = SuspensionRefresh.start(store.suspensions(), throttle, config.throttle().suspensionRefresh(), clock);
      samples = ScoreSampler.start(store.scoreSamples(), config.console().samples(), clock);
      retention = RetentionSweeper.start(store.retention(), config.retention(), clock);
      meters = config.ops().metricsEnabled()
          ? new WardenMeters(store::counts, config.ops().queueRefresh(), tickerFor(clock)) : null;
      ReleaseOutbox outbox = ReleaseOutbox.start(store, ReleaserFactory.create(config.release(),
          releaserClassLoader()), config.release(), clock, meters == null ? ModerationEvents.NONE : meters);
      LOG.info("Warden started: model {}, store {}, release {}, throttle {} ({}), policies version {}",
          classifier.modelVersion(), store.safeUrl(), config.release().strategy(),
          config.throttle().enabled() ? "on" : "off", throttle.status().detail(), policies.current().version());
      return new Warden(config, models, narratives, store, outbox, throttle, refresh, policies, samples, retention,
          clock, meters);
    } catch (RuntimeException e) {
      closeAll(retention, refresh, samples, policies, narratives, models, throttle, meters);
      store.close();
      throw e;
    }
  }

  /** Redis counts when {@code throttle.shared.mode} is {@code redis} (and the throttle is on), else none. */
  private static SharedCounts sharedCounts(ThrottleConfig throttle, Ticker ticker, Clock clock) {
    if (!throttle.enabled() || throttle.shared().mode() != ThrottleConfig.SharedMode.REDIS) {
      return SharedCounts.NONE;
    }
    return RedisCounts.connect(throttle, ticker, clock);
  }

  private static void closeAll(AutoCloseable... parts) {
    for (AutoCloseable part : parts) {
      if (part != null) {
        try {
          part.close();
        } catch (Exception e) {
          LOG.warn("Could not stop {}: {}", part.getClass().getSimpleName(), e.toString());
        }
      }
    }
  }

  /** The system ticker for the system clock; a ticker that follows an injected (test) clock otherwise. */
  private static Ticker tickerFor(Clock clock) {
    return clock.equals(Clock.systemUTC()) ? Ticker.systemTicker() : ClockTicker.of(clock);
  }

  /** The web application's loader in a container (where a site's CommentReleaser lives), else ours. */
  private static ClassLoader releaserClassLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : Warden.class.getClassLoader();
  }

  /**
   * The one place that turns {@code models} into a classifier: the bundled model or a model directory (at start-up
   * and at every reload), with the narrative catalogue extended by the publisher's {@code models.narratives} files.
   * At start-up a bad directory or catalogue file fails with the key to fix.
   */
  private static WatchedModels startModels(ModelsConfig models, Clock clock) {
    try {
      return WatchedModels.start(models, directory -> directory == null
          ? Classifier.loadDefault(models.narratives()) : Classifier.load(directory, models.narratives()), clock);
    } catch (ClassificationException e) {
      // Name the key a publisher has to fix: a bad catalogue file, or a directory that holds no usable model.
      String key = models.directory() == null ? "models.narratives" : "models";
      throw new WardenConfigException(key, "cannot be loaded: " + e.getMessage(), e);
    }
  }

  /** True if a warden.yaml can be located for this context (init/context param, system property, env). */
  public static boolean isConfigured(ServletContext context) {
    return LOCATOR.locate(null, context).isPresent();
  }

  /** The instance of this context, started on first use from the located config. */
  public static Warden forContext(ServletContext context) {
    return obtain(context, null).warden();
  }

  /**
   * The instance of this context, started on first use, and whether this call started it.
   *
   * @param filterParameter the filter's {@code warden.config} init-param, or null
   */
  static Obtained obtain(ServletContext context, String filterParameter) {
    synchronized (context) {
      Object existing = context.getAttribute(CONTEXT_ATTRIBUTE);
      if (existing instanceof Warden warden && !warden.closed.get()) {
        return new Obtained(warden, false);
      }
      Path file = LOCATOR.locate(filterParameter, context).orElseThrow(() -> new WardenConfigException(
          WardenConfigLocator.PARAMETER, null, "is not set: give the init-param or system property "
              + WardenConfigLocator.PARAMETER + " or the environment variable " + WardenConfigLocator.ENVIRONMENT));
      LOG.info("Starting Warden for context '{}' from {}", context.getContextPath(), file);
      Warden warden = start(WardenConfig.load(file));
      context.setAttribute(CONTEXT_ATTRIBUTE, warden);
      return new Obtained(warden, true);
    }
  }

  /** Closes and forgets the instance of a context, if there is one (on context shutdown). */
  static void closeForContext(ServletContext context) {
    synchronized (context) {
      if (context.getAttribute(CONTEXT_ATTRIBUTE) instanceof Warden warden) {
        context.removeAttribute(CONTEXT_ATTRIBUTE);
        warden.close();
      }
    }
  }

  /** An instance and whether the call that returned it started it. */
  record Obtained(Warden warden, boolean started) {}

  public WardenConfig config() {
    return config;
  }

  public HeldCommentStore comments() {
    return store;
  }

  public ArticleRegistry articles() {
    return store.articles();
  }

  /**
   * The classifier in force (immutable, thread-safe): read it once per comment, as a publisher's change of the
   * narrative catalogue and an operator's new models swap it.
   */
  public Classifier classifier() {
    return narratives.classifier();
  }

  /**
   * The models in force, which operators replace while Warden runs by swapping {@code models.directory}; its
   * version is {@code classifier().modelVersion()}.
   */
  public LiveModels models() {
    return models;
  }

  /** The narrative catalogue, which publishers extend, edit and retire while Warden runs (versioned, audited). */
  public LiveNarratives narratives() {
    return narratives;
  }

  /**
   * The throttle the filter consults before classifying: its counts, top throttled posters, surges and
   * coordinated groups are what the admin API shows.
   */
  public ThrottlePolicy throttle() {
    return throttle;
  }

  /** Poster suspensions: stored durably and enforced by this node's throttle at once. */
  public PosterSuspensions suspensions() {
    return suspensions;
  }

  /** The audit trail: who did what, when and from where; the admin API records logins in it and lists it. */
  public AuditTrail audit() {
    return store.audit();
  }

  /** Moderators' notes on posters. */
  public PosterNotes posterNotes() {
    return store.notes();
  }

  /**
   * The policies, throttle limits and conflict rules in force, which publishers change while Warden runs
   * (versioned, audited, with rollback).
   */
  public LivePolicies policies() {
    return policies;
  }

  /** Moderators' saved queue views. */
  public SavedViews savedViews() {
    return store.savedViews();
  }

  /** Aggregates for the stats page: decisions per moderator and day, hold and overturn rates per reason. */
  public ModerationStats stats() {
    return store.stats();
  }

  /**
   * A poster's data on request (privacy law): export everything stored about a poster key, or erase it (which also
   * ends their suspension on this node at once).
   */
  public PosterDataStore posterData() {
    return posterData;
  }

  /** The sample of recent scores behind the publishers' what-if charts. */
  public ScoreSamples scoreSamples() {
    return samples;
  }

  /** Where the filter queues the scores of each classified comment. */
  Consumer<ScoreSample> scoreSink() {
    return samples;
  }

  /**
   * The page of the article a comment was posted on: the return-to of the endpoint its stored submission matches,
   * with the path variables filled in, under the context path. Empty if the submission lies outside the context,
   * matches no endpoint, or the endpoint has no return-to.
   *
   * @param comment a stored comment
   * @param contextPath the web application's context path, {@code ""} for the root
   */
  public Optional<String> articlePath(HeldComment comment, String contextPath) {
    Objects.requireNonNull(contextPath, "contextPath");
    String path = comment.submission().path();
    int query = path.indexOf('?');
    String uri = query < 0 ? path : path.substring(0, query);
    if (!uri.startsWith(contextPath)) {
      return Optional.empty();
    }
    EndpointMatcher.Match match = endpoints.match(comment.submission().method(), uri, contextPath.length());
    return match == null ? Optional.empty() : Optional.ofNullable(match.returnTo(contextPath));
  }

  /** What the filter path reports for the metrics ({@link ModerationEvents#NONE} when metrics are off). */
  ModerationEvents events() {
    return meters == null ? ModerationEvents.NONE : meters;
  }

  /** The Prometheus meters, or null when {@code metrics.enabled} is false. */
  WardenMeters meters() {
    return meters;
  }

  /** The health check behind {@code /warden/health}. */
  HealthCheck health() {
    return health;
  }

  /** The clock every component of this instance reads. */
  public Clock clock() {
    return clock;
  }

  /** Asks the release outbox to look for due deliveries now (call after an approval). */
  public void wakeReleaser() {
    outbox.wake();
  }

  /** True once {@link #close()} was called. */
  public boolean isClosed() {
    return closed.get();
  }

  /** Stops the background work and the throttle's Redis connection (if shared), then the store. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      closeAll(retention, suspensionRefresh, policies, samples, narratives, models, throttle, health);
      outbox.close();
      closeAll(meters);
    } finally {
      store.close();
    }
    LOG.info("Warden stopped");
  }
}
