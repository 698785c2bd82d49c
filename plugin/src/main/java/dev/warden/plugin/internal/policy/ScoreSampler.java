package dev.warden.plugin.internal.policy;

import dev.warden.plugin.ConsoleConfig;
import dev.warden.plugin.internal.store.JdbcScoreSamples;
import dev.warden.plugin.policy.ScoreHistogram;
import dev.warden.plugin.policy.ScoreSample;
import dev.warden.plugin.policy.ScoreSamples;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the score sample without touching the request path: {@link #accept} only offers to a bounded queue (a full
 * queue drops the sample and counts it). One background thread writes the queue every
 * {@code console.samples.flush-interval}, or as soon as a batch of {@value #BATCH} is waiting, in batches of up to
 * {@value #BATCH}. The same thread prunes the table every {@value #PRUNE_MINUTES} minutes: rows older than the
 * retention, then the oldest beyond {@code max-rows}. A failed write loses that batch (counted, logged once per
 * outage) rather than growing memory while the store is down. Thread-safe.
 */
public final class ScoreSampler implements ScoreSamples, Consumer<ScoreSample>, AutoCloseable {
  /** The most samples written in one statement batch. */
  static final int BATCH = 500;
  static final int PRUNE_MINUTES = 10;

  private static final Logger LOG = LoggerFactory.getLogger(ScoreSampler.class);

  private final JdbcScoreSamples store;
  private final ConsoleConfig.Samples config;
  private final Clock clock;
  private final BlockingQueue<ScoreSample> queue;
  private final LongAdder dropped = new LongAdder();
  private final Thread writer;
  private final Object flushing = new Object();
  private volatile boolean running = true;
  private volatile boolean failing;

  private ScoreSampler(JdbcScoreSamples store, ConsoleConfig.Samples config, Clock clock) {
    this.store = store;
    this.config = config;
    this.clock = clock;
    this.queue = new ArrayBlockingQueue<>(config.queue());
    this.writer = new Thread(this::run, "warden-score-samples");
    this.writer.setDaemon(true);
  }

  /** A sampler that writes to {@code store}; its thread runs only if sampling is enabled. */
  public static ScoreSampler start(JdbcScoreSamples store, ConsoleConfig.Samples config, Clock clock) {
    ScoreSampler sampler = new ScoreSampler(store, config, clock);
    if (config.enabled()) {
      sampler.writer.start();
    }
    return sampler;
  }

  /** A sampler whose writer thread is not started: samples stay queued until {@link #flush()} (for tests). */
  static ScoreSampler paused(JdbcScoreSamples store, ConsoleConfig.Samples config, Clock clock) {
    return new ScoreSampler(store, config, clock);
  }

  /** Queues a sample; never blocks. */
  @Override
  public void accept(ScoreSample sample) {
    if (!config.enabled() || !running) {
      return;
    }
    if (!queue.offer(sample)) {
      dropped.increment();
    } else if (queue.size() >= BATCH) {
      LockSupport.unpark(writer);
    }
  }

  @Override
  public ScoreHistogram histogram(String policy, String label, Instant since) {
    return store.histogram(policy, label, since);
  }

  /** Writes everything accepted before the call; waits for a write the background thread has begun. */
  @Override
  public void flush() {
    synchronized (flushing) {
      List<ScoreSample> batch = new ArrayList<>(BATCH);
      while (queue.drainTo(batch, BATCH) > 0) {
        write(batch);
        batch.clear();
      }
    }
  }

  @Override
  public long dropped() {
    return dropped.sum();
  }

  /** Prunes now: rows past the retention, then the oldest beyond the row cap. */
  public long prune() {
    return store.prune(clock.instant().minus(config.retention()), config.maxRows());
  }

  private void run() {
    long nextPrune = System.nanoTime();
    long interval = config.flushInterval().toNanos();
    while (running) {
      if (System.nanoTime() - nextPrune >= 0) {
        pruneQuietly();
        nextPrune = System.nanoTime() + TimeUnit.MINUTES.toNanos(PRUNE_MINUTES);
      }
      // Wakes early when accept() sees a full batch waiting, or when close() stops the thread.
      LockSupport.parkNanos(this, interval);
      flush();
    }
  }

  private void write(List<ScoreSample> batch) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      store.insert(batch);
      if (failing) {
        failing = false;
        LOG.info("Score samples are written again");
      }
    } catch (RuntimeException e) {
      dropped.add(batch.size());
      if (!failing) {
        failing = true; // one line per outage, not one per batch
        LOG.warn("Could not write {} score samples; dropping them until the store answers: {}", batch.size(),
            e.toString());
      }
    }
  }

  private void pruneQuietly() {
    try {
      long deleted = prune();
      if (deleted > 0) {
        LOG.info("Pruned {} score samples (retention {}, at most {} rows)", deleted, config.retention(),
            config.maxRows());
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not prune the score samples: {}", e.toString());
    }
  }

  /** Stops the thread and writes what is still queued. */
  @Override
  public void close() {
    running = false;
    LockSupport.unpark(writer);
    try {
      writer.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flush();
  }
}
