package dev.warden.plugin;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How approved comments are delivered to the site ({@code release:} in warden.yaml).
 *
 * @param strategy {@code http} (replay the submission to {@code target} with a signed header) or {@code spi} (a
 *     {@link dev.warden.plugin.spi.CommentReleaser} found by ServiceLoader)
 * @param target base URL of the site for the HTTP replay, e.g. {@code http://127.0.0.1:8080}
 * @param secret HMAC secret for the release header, at least 32 characters; never logged
 * @param pollInterval how often the outbox looks for due deliveries when not woken
 * @param lease how long a worker holds a delivery claim before another may take it
 * @param initialBackoff delay before the first retry; doubles per attempt
 * @param maxBackoff the longest delay between retries
 * @param maxAttempts attempts before the comment is marked delivery_failed
 * @param requestTimeout timeout of one HTTP replay
 */
public record ReleaseConfig(
    String strategy,
    URI target,
    String secret,
    Duration pollInterval,
    Duration lease,
    Duration initialBackoff,
    Duration maxBackoff,
    int maxAttempts,
    Duration requestTimeout) {
  public ReleaseConfig {
    if (!"http".equals(strategy) && !"spi".equals(strategy)) {
      throw new WardenConfigException("release.strategy", strategy, "must be http or spi");
    }
    if ("http".equals(strategy) && target == null) {
      throw new WardenConfigException("release.target", null, "is required when release.strategy is http");
    }
    Objects.requireNonNull(secret, "release.secret");
    if (secret.length() < 32) {
      throw new WardenConfigException("release.secret", "(hidden)", "must be at least 32 characters");
    }
    requirePositive("release.poll-interval", pollInterval);
    requirePositive("release.lease", lease);
    requirePositive("release.initial-backoff", initialBackoff);
    requirePositive("release.max-backoff", maxBackoff);
    requirePositive("release.request-timeout", requestTimeout);
    if (maxAttempts < 1) {
      throw new WardenConfigException("release.max-attempts", String.valueOf(maxAttempts), "must be at least 1");
    }
  }

  private static void requirePositive(String key, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new WardenConfigException(key, String.valueOf(d), "must be a positive duration");
    }
  }

  @Override
  public String toString() {
    return "ReleaseConfig[strategy=" + strategy + ", target=" + target + ", secret=(hidden)]";
  }
}
