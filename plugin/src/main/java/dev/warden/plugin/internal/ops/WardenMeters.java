package dev.warden.plugin.internal.ops;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.plugin.store.CommentStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Warden's meters in a Prometheus registry of its own (so two web applications in one JVM do not mix counts):
 *
 * <ul>
 *   <li>{@code warden_decisions_total{outcome,label}}: allow, hold, reject, throttle, error, by deciding label;
 *   <li>{@code warden_classification_seconds}: classification latency, a histogram (quantiles with Prometheus'
 *       {@code histogram_quantile}; a histogram and client-side percentiles cannot share one name);
 *   <li>{@code warden_moderation_seconds{result}}: the time Warden adds to a comment request (without the site's
 *       own handling), a histogram with exact buckets at 1, 2 and 5 ms;
 *   <li>{@code warden_queue_comments{status}}: stored comments per status, re-counted at most every
 *       {@code queue-refresh};
 *   <li>{@code warden_throttle_events_total{action,reason}}: throttle refusals and holds;
 *   <li>{@code warden_delivery_attempts_total{result}}: outbox deliveries: delivered, retry, gave_up;
 *   <li>JVM memory, GC, threads, CPU and uptime.
 * </ul>
 *
 * Thread-safe.
 */
public final class WardenMeters implements ModerationEvents, AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Timer classification;
  private final Map<String, Timer> moderation;
  private final JvmGcMetrics gc = new JvmGcMetrics();
  // Held here: a gauge keeps only a weak reference to the object it reads.
  private final CachedReading<Map<CommentStatus, Long>> depths;

  /**
   * @param counts how many comments the store holds per status (a database query)
   * @param queueRefresh the least time between two queries of {@code counts}
   * @param ticker the time source of that refresh
   */
  public WardenMeters(Supplier<Map<CommentStatus, Long>> counts, Duration queueRefresh, Ticker ticker) {
    classification = Timer.builder("warden.classification")
        .description("Time to classify one comment and apply its policy")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
    moderation = Map.of(ANSWERED, moderationTimer(ANSWERED), PASSED, moderationTimer(PASSED));
    depths = new CachedReading<>(counts, queueRefresh, ticker);
    for (CommentStatus status : CommentStatus.values()) {
      Gauge.builder("warden.queue.comments", depths, d -> depth(d.get(), status))
          .description("Stored comments per status")
          .tag("status", status.wireName())
          .register(registry);
    }
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc.bindTo(registry);
  }

  private Timer moderationTimer(String result) {
    return Timer.builder("warden.moderation")
        .description("Time Warden adds to a comment request, without the site's own handling of it")
        .tag("result", result)
        .publishPercentileHistogram()
        // Exact buckets at 1, 2 (the budget in docs/BENCHMARKS.md) and 5 ms besides the generated ones.
        .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5))
        .minimumExpectedValue(Duration.ofNanos(50_000))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
  }

  /** NaN until the store was counted once (a gauge's way of saying "unknown"). */
  private static double depth(Map<CommentStatus, Long> counts, CommentStatus status) {
    return counts == null ? Double.NaN : counts.getOrDefault(status, 0L);
  }

  @Override
  public void decided(String outcome, String label) {
    Counter.builder("warden.decisions")
        .description("Comments decided, by outcome and the label or reason that caused it")
        .tag("outcome", outcome)
        .tag("label", label == null ? "none" : label)
        .register(registry)
        .increment();
  }

  @Override
  public void throttled(String action, String reason) {
    Counter.builder("warden.throttle.events")
        .description("Comments the throttle refused or held, by reason")
        .tag("action", action)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  @Override
  public <T> T timeClassification(Supplier<T> work) {
    return classification.record(work);
  }

  @Override
  public void moderated(String result, long nanos) {
    Timer timer = moderation.get(result);
    if (timer != null) {
      timer.record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void delivery(String result) {
    Counter.builder("warden.delivery.attempts")
        .description("Release outbox delivery attempts, by result")
        .tag("result", result)
        .register(registry)
        .increment();
  }

  /** The meters in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  /** The content type of {@link #scrape()}. */
  public static String contentType() {
    return "text/plain; version=0.0.4; charset=utf-8";
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
