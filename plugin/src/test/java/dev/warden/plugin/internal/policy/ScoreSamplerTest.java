package dev.warden.plugin.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.plugin.ConsoleConfig;
import dev.warden.plugin.StoreConfig;
import dev.warden.plugin.internal.store.JdbcCommentStore;
import dev.warden.plugin.internal.store.MutableClock;
import dev.warden.plugin.policy.ScoreSample;
import dev.warden.plugin.store.Decision;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The score sampler's queue: bounded, drops counted, written in batches off the caller's thread, pruned. */
class ScoreSamplerTest {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(T0);
  JdbcCommentStore store;

  @BeforeEach
  void open() {
    store = JdbcCommentStore.open(new StoreConfig("jdbc:h2:file:" + dir.resolve("db"), "", "", 2), clock);
  }

  @AfterEach
  void close() {
    store.close();
  }

  static ConsoleConfig.Samples config(int queue, long maxRows) {
    return new ConsoleConfig.Samples(true, Duration.ofDays(30), maxRows, queue, Duration.ofMillis(100));
  }

  ScoreSample sample(double abuse) {
    return new ScoreSample(clock.instant(), "a1", "conflict", null, Map.of("abuse", abuse), Decision.ALLOW);
  }

  @Test
  void aFullQueueDropsAndCountsInsteadOfBlocking() {
    ScoreSampler sampler = ScoreSampler.paused(store.scoreSamples(), config(10, 1000), clock);
    for (int i = 0; i < 15; i++) {
      sampler.accept(sample(0.5));
    }

    assertThat(sampler.dropped()).isEqualTo(5);
    sampler.flush();
    assertThat(store.scoreSamples().count()).isEqualTo(10);
  }

  @Test
  void theWriterThreadWritesQueuedSamplesWithinTheFlushInterval() throws Exception {
    try (ScoreSampler sampler = ScoreSampler.start(store.scoreSamples(), config(10_000, 1000), clock)) {
      for (int i = 0; i < 1200; i++) {
        sampler.accept(sample(i / 1200.0));
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (store.scoreSamples().count() < 1200 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }

      assertThat(store.scoreSamples().count()).isEqualTo(1200);
      assertThat(sampler.dropped()).isZero();
    }
  }

  @Test
  void closingWritesWhatIsStillQueued() {
    ScoreSampler sampler = ScoreSampler.start(store.scoreSamples(), config(10_000, 1000), clock);
    for (int i = 0; i < 50; i++) {
      sampler.accept(sample(0.1));
    }

    sampler.close();

    assertThat(store.scoreSamples().count()).isEqualTo(50);
  }

  @Test
  void aFailedWriteLosesTheBatchAndCountsIt() {
    ScoreSampler sampler = ScoreSampler.paused(store.scoreSamples(), config(100, 1000), clock);
    sampler.accept(sample(0.1));
    sampler.accept(sample(0.2));
    store.close();

    sampler.flush();

    assertThat(sampler.dropped()).isEqualTo(2);
  }

  @Test
  void pruningKeepsTheRetentionAndTheRowCap() {
    ScoreSampler sampler = ScoreSampler.paused(store.scoreSamples(), config(10_000, 1000), clock);
    for (int i = 0; i < 1500; i++) {
      sampler.accept(sample(0.1));
    }
    sampler.flush();
    clock.advance(Duration.ofDays(31));
    sampler.accept(sample(0.2));
    sampler.flush();

    assertThat(sampler.prune()).isEqualTo(1500);
    assertThat(store.scoreSamples().count()).isEqualTo(1);
  }

  @Test
  void disabledSamplingKeepsNothing() {
    ScoreSampler sampler = ScoreSampler.start(store.scoreSamples(),
        new ConsoleConfig.Samples(false, Duration.ofDays(30), 1000, 10, Duration.ofSeconds(1)), clock);
    sampler.accept(sample(0.5));
    sampler.close();

    assertThat(store.scoreSamples().count()).isZero();
    assertThat(sampler.dropped()).isZero();
  }
}
