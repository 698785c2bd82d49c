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
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the score sample without touching the request path: {@link #accept} only offers to a bounded queue (a full
 * queue drops the sample and counts it), and one background thread writes the queue in batches of up to
 * {@value #BATCH}, waiting at most {@code console.samples.flush-interval} for a batch to fill. The same thread prunes
 * the table every {@value #PRUNE_MINUTES} minutes: rows older than the retention, then the oldest beyond
 * {@code max-rows}. A failed write loses that batch (counted, logged) rather than growing memory while the store is
 * down. Thread-safe.
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

  /** Queues a sample; never blocks. */
  @Override
  public void accept(ScoreSample sample) {
    if (config.enabled() && running && !queue.offer(sample)) {
      dropped.increment();
    }
  }

  @Override
  public ScoreHistogram histogram(String policy, String label, Instant since) {
    return store.histogram(policy, label, since);
  }

  @Override
  public void flush() {
    List<ScoreSample> batch = new ArrayList<>(BATCH);
    while (queue.drainTo(batch, BATCH) > 0) {
      write(batch);
      batch.clear();
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
    List<ScoreSample> batch = new ArrayList<>(BATCH);
    while (running) {
      try {
        if (System.nanoTime() - nextPrune >= 0) {
          pruneQuietly();
          nextPrune = System.nanoTime() + TimeUnit.MINUTES.toNanos(PRUNE_MINUTES);
        }
        collect(batch);
        write(batch);
        batch.clear();
      } catch (InterruptedException e) {
        break; // close() interrupts; it writes what is left
      }
    }
  }

  /** Waits for a first sample (at most a minute, so pruning stays on time), then for a batch or the interval. */
  private void collect(List<ScoreSample> batch) throws InterruptedException {
    ScoreSample first = queue.poll(1, TimeUnit.MINUTES);
    if (first == null) {
      return;
    }
    batch.add(first);
    long deadline = System.nanoTime() + config.flushInterval().toNanos();
    while (batch.size() < BATCH) {
      queue.drainTo(batch, BATCH - batch.size());
      long wait = deadline - System.nanoTime();
      if (batch.size() >= BATCH || wait <= 0) {
        return;
      }
      ScoreSample next = queue.poll(wait, TimeUnit.NANOSECONDS);
      if (next == null) {
        return;
      }
      batch.add(next);
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

  /** Stops the thread and writes what is still queued (within a few seconds). */
  @Override
  public void close() {
    running = false;
    writer.interrupt();
    try {
      writer.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flush();
  }
}
