package dev.warden.plugin.internal.store;

import dev.warden.plugin.RetentionConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the retention purge on one daemon thread every {@code retention.sweep-interval}: each sweep deletes batches
 * of {@code retention.batch} comments decided more than {@code retention.decided-after} ago (cut-off read from the
 * injected clock) until a batch comes back short, then logs the count at INFO and records it in the audit trail. A
 * failed sweep is logged and retried at the next interval. Every node may run one: the deletes are idempotent.
 * Thread-safe.
 */
public final class RetentionSweeper implements AutoCloseable {
  /** The first sweep waits at most this long, so that start-up is not slowed by a large first purge. */
  static final Duration FIRST_SWEEP = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(RetentionSweeper.class);

  private final JdbcRetention retention;
  private final RetentionConfig config;
  private final Clock clock;
  private final ScheduledExecutorService worker;
  private volatile boolean running = true;

  RetentionSweeper(JdbcRetention retention, RetentionConfig config, Clock clock) {
    this.retention = retention;
    this.config = config;
    this.clock = clock;
    this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "warden-retention");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Starts sweeping if {@code retention.enabled}; the returned sweeper must be closed either way. */
  public static RetentionSweeper start(JdbcRetention retention, RetentionConfig config, Clock clock) {
    RetentionSweeper sweeper = new RetentionSweeper(retention, config, clock);
    if (config.enabled()) {
      long interval = config.sweepInterval().toMillis();
      long first = Math.min(interval, FIRST_SWEEP.toMillis());
      sweeper.worker.scheduleWithFixedDelay(sweeper::sweepQuietly, first, interval, TimeUnit.MILLISECONDS);
      LOG.info("Retention: decided comments are deleted {} after their decision, swept every {}",
          config.decidedAfter(), config.sweepInterval());
    } else {
      LOG.info("Retention: off; decided comments are kept");
    }
    return sweeper;
  }

  /** One sweep: deletes every comment decided before now minus {@code decided-after}; returns how many. */
  long sweep() {
    Instant now = clock.instant();
    Instant cutoff = now.minus(config.decidedAfter());
    long total = 0;
    int deleted;
    do {
      deleted = retention.purgeBatch(cutoff, config.batch());
      total += deleted;
    } while (deleted == config.batch() && running);
    if (total > 0) {
      retention.recordSweep(now, cutoff, total);
      LOG.info("Retention: deleted {} decided comments from before {}", total, cutoff);
    } else {
      LOG.debug("Retention: nothing decided before {}", cutoff);
    }
    return total;
  }

  private void sweepQuietly() {
    try {
      sweep();
    } catch (RuntimeException e) {
      LOG.warn("Retention sweep failed; retrying in {}: {}", config.sweepInterval(), e.toString());
    }
  }

  /** Stops the thread; a sweep in progress ends after its current batch. */
  @Override
  public void close() {
    running = false;
    worker.shutdownNow();
    try {
      if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("Retention sweep did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
