package dev.warden.plugin;

import java.time.Duration;

/**
 * How long decided comments are kept ({@code retention:} in warden.yaml). A background sweep on every node deletes,
 * in batches, the comments that were decided longer than {@code decidedAfter} ago: delivered, rejected,
 * auto-rejected (by the time they were received) and given-up deliveries. Pending and approved-but-undelivered
 * comments are never purged. Every bound is validated here, so a bad value fails start-up naming its key.
 *
 * @param enabled false keeps decided comments for ever ({@code retention.enabled})
 * @param decidedAfter how long a decided comment is kept, 1 to 3650 days ({@code retention.decided-after})
 * @param sweepInterval how often each node sweeps, 1 minute to 24 hours ({@code retention.sweep-interval})
 * @param batch comments deleted per transaction, 10 to 10000 ({@code retention.batch}): small enough that a large
 *     purge never holds many row locks at once
 */
public record RetentionConfig(boolean enabled, Duration decidedAfter, Duration sweepInterval, int batch) {
  public RetentionConfig {
    within("retention.decided-after", decidedAfter, Duration.ofDays(1), Duration.ofDays(3650));
    within("retention.sweep-interval", sweepInterval, Duration.ofMinutes(1), Duration.ofHours(24));
    if (batch < 10 || batch > 10_000) {
      throw new WardenConfigException("retention.batch", String.valueOf(batch), "must be between 10 and 10000");
    }
  }

  private static void within(String key, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new WardenConfigException(key, String.valueOf(value), "must be between " + min + " and " + max);
    }
  }
}
