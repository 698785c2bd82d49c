package dev.warden.plugin;

import java.time.Duration;
import java.util.Objects;

/**
 * The publishers' console ({@code console:} in warden.yaml): how often each node re-reads the latest policy version,
 * and the sample of recent scores behind the what-if charts. Every bound is validated here, so a bad value fails
 * start-up naming its key.
 *
 * @param refresh how often each node re-reads the latest policy version from the store ({@code console.refresh})
 * @param samples the score sample ({@code console.samples})
 */
public record ConsoleConfig(Duration refresh, Samples samples) {
  public ConsoleConfig {
    within("console.refresh", refresh, Duration.ofSeconds(1), Duration.ofHours(1));
    Objects.requireNonNull(samples, "samples");
  }

  /**
   * The bounded sample of recent scores ({@code console.samples}): article id, policy, section, time, scores and
   * decision of every classified comment, never its text or poster. Written off the request path through a queue
   * of {@code queue} entries, flushed every {@code flushInterval}; when the queue is full, samples are dropped and
   * counted. Rows older than {@code retention} are pruned, and at most {@code maxRows} are kept.
   *
   * @param enabled false keeps no sample (the what-if charts are then empty)
   * @param retention how long a sample is kept (1 hour to 365 days)
   * @param maxRows the most rows kept (1,000 to 100,000,000); the oldest go first
   * @param queue samples waiting to be written (10 to 1,000,000)
   * @param flushInterval how often the queue is written when it does not fill a batch first (100 ms to 10 min)
   */
  public record Samples(boolean enabled, Duration retention, long maxRows, int queue, Duration flushInterval) {
    public Samples {
      within("console.samples.retention", retention, Duration.ofHours(1), Duration.ofDays(365));
      if (maxRows < 1_000 || maxRows > 100_000_000) {
        throw new WardenConfigException("console.samples.max-rows", String.valueOf(maxRows),
            "must be between 1000 and 100000000");
      }
      if (queue < 10 || queue > 1_000_000) {
        throw new WardenConfigException("console.samples.queue", String.valueOf(queue),
            "must be between 10 and 1000000");
      }
      within("console.samples.flush-interval", flushInterval, Duration.ofMillis(100), Duration.ofMinutes(10));
    }
  }

  private static void within(String key, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new WardenConfigException(key, String.valueOf(value), "must be between " + min + " and " + max);
    }
  }
}
