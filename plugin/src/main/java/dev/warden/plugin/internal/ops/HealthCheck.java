package dev.warden.plugin.internal.ops;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.classifier.Classifier;
import dev.warden.plugin.OpsConfig;
import dev.warden.plugin.internal.store.DeliveryBacklog;
import dev.warden.plugin.store.StoreUnavailableException;
import dev.warden.plugin.throttle.ThrottleStatus;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this Warden can do its job: the database answers (within {@code health.database-timeout}, measured),
 * the models are loaded, the release outbox keeps up and the throttle counts as configured. {@code down} (HTTP
 * 503) when the database or the models are missing; {@code degraded} (still 200) when the throttle fell back to
 * local counts or an approved comment waited longer than {@code health.backlog-age}; else {@code up}. An answer is
 * reused for {@code health.cache}, and the database is asked from one worker thread ({@value #THREAD_NAME}) with a
 * deadline, so neither a polling load balancer nor a hanging database can pile up threads. Never reveals the JDBC
 * URL, credentials or tokens. Thread-safe.
 */
public final class HealthCheck implements AutoCloseable {
  static final String THREAD_NAME = "warden-health";
  private static final Logger LOG = LoggerFactory.getLogger(HealthCheck.class);

  /** An answer: the HTTP status (200 or 503) and the JSON body. */
  public record Report(int httpStatus, Map<String, Object> body) {
    public Report {
      body = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(body));
    }
  }

  private record Probe(DeliveryBacklog backlog, long latencyNanos) {}

  private final Function<Duration, DeliveryBacklog> backlog;
  private final Supplier<Classifier> classifier;
  private final Supplier<ThrottleStatus> throttle;
  private final OpsConfig config;
  private final Clock clock;
  private final Ticker ticker;
  private final CachedReading<Report> cached;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, THREAD_NAME);
    thread.setDaemon(true);
    return thread;
  });
  private Future<Probe> inFlight;

  /**
   * @param backlog the outbox backlog, read from the database with a query timeout (also the database check)
   * @param classifier the classifier in force (read on every check: models may be reloaded)
   * @param throttle the throttle's status (read on every check)
   */
  public HealthCheck(Function<Duration, DeliveryBacklog> backlog, Supplier<Classifier> classifier,
      Supplier<ThrottleStatus> throttle, OpsConfig config, Clock clock, Ticker ticker) {
    this.backlog = backlog;
    this.classifier = classifier;
    this.throttle = throttle;
    this.config = config;
    this.clock = clock;
    this.ticker = ticker;
    this.cached = new CachedReading<>(this::check, config.healthCache(), ticker);
  }

  /** The current answer, at most {@code health.cache} old. */
  public Report report() {
    Report report = cached.get();
    // Null only if the very first check failed unexpectedly: say down rather than fail the request.
    return report != null ? report : new Report(503, Map.of("status", "down"));
  }

  private Report check() {
    Map<String, Object> database = new LinkedHashMap<>();
    Map<String, Object> delivery = new LinkedHashMap<>();
    boolean databaseUp = probeDatabase(database, delivery);
    Map<String, Object> models = models();
    Map<String, Object> throttleCheck = throttle();
    boolean down = !databaseUp || !"up".equals(models.get("status"));
    boolean degraded = "degraded".equals(delivery.get("status")) || "degraded".equals(throttleCheck.get("status"));
    Map<String, Object> checks = new LinkedHashMap<>();
    checks.put("database", database);
    checks.put("models", models);
    checks.put("delivery", delivery);
    checks.put("throttle", throttleCheck);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", down ? "down" : degraded ? "degraded" : "up");
    body.put("checks", checks);
    if (down) {
      LOG.warn("health check: down (database {}, models {})", database.get("status"), models.get("status"));
    }
    return new Report(down ? 503 : 200, body);
  }

  private boolean probeDatabase(Map<String, Object> database, Map<String, Object> delivery) {
    Duration timeout = config.databaseTimeout();
    try {
      Probe probe = startProbe(timeout).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      database.put("status", "up");
      database.put("latencyMs", TimeUnit.NANOSECONDS.toMillis(probe.latencyNanos()));
      describe(probe.backlog(), delivery);
      return true;
    } catch (TimeoutException e) {
      database.put("status", "down");
      database.put("error", "no answer within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      database.put("status", "down");
      database.put("error", "unreachable" + sqlState(e.getCause()));
      if (e.getCause() instanceof StoreUnavailableException unavailable) {
        // Comments are refused at once meanwhile; say when the next attempt is due.
        database.put("failingFast", true);
        database.put("retryInMs", unavailable.retryIn().toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      database.put("status", "down");
      database.put("error", "interrupted");
    } catch (RejectedExecutionException e) {
      database.put("status", "down");
      database.put("error", "Warden is stopped");
    }
    delivery.put("status", "unknown");
    return false;
  }

  /** The probe in flight, or a new one: a slow database gets one query at a time from us, not one per caller. */
  private synchronized Future<Probe> startProbe(Duration timeout) {
    if (inFlight == null || inFlight.isDone()) {
      inFlight = worker.submit(() -> {
        long start = ticker.read();
        DeliveryBacklog read = backlog.apply(timeout);
        return new Probe(read, ticker.read() - start);
      });
    }
    return inFlight;
  }

  private void describe(DeliveryBacklog read, Map<String, Object> delivery) {
    long oldestDueSeconds = read.oldestDue() == null ? 0
        : Math.max(0, Duration.between(read.oldestDue(), clock.instant()).toSeconds());
    delivery.put("status", oldestDueSeconds > config.backlogAge().toSeconds() ? "degraded" : "up");
    delivery.put("backlog", read.approved());
    delivery.put("failed", read.failed());
    delivery.put("oldestDueSeconds", oldestDueSeconds);
  }

  /** Only the SQLState: driver messages may echo the URL or the user. */
  private static String sqlState(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return " (SQLState " + sql.getSQLState() + ")";
      }
    }
    return "";
  }

  private Map<String, Object> models() {
    Map<String, Object> models = new LinkedHashMap<>();
    try {
      Classifier current = classifier.get();
      models.put("status", current == null ? "down" : "up");
      if (current != null) {
        models.put("version", current.modelVersion());
      }
    } catch (RuntimeException e) {
      models.put("status", "down");
      models.put("error", e.getClass().getSimpleName());
    }
    return models;
  }

  private Map<String, Object> throttle() {
    Map<String, Object> check = new LinkedHashMap<>();
    try {
      ThrottleStatus status = throttle.get();
      check.put("status", status.degraded() ? "degraded" : "up");
      check.put("mode", status.mode());
      check.put("degraded", status.degraded());
      check.put("detail", status.detail());
    } catch (RuntimeException e) {
      check.put("status", "degraded");
      check.put("error", e.getClass().getSimpleName());
    }
    return check;
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
