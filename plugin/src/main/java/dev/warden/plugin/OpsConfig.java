package dev.warden.plugin;

import java.time.Duration;

/**
 * The operator endpoints ({@code metrics:} and {@code health:} in warden.yaml): {@code /warden/health} and the Prometheus endpoint
 * {@code /warden/metrics}.
 *
 * @param metricsEnabled whether Warden keeps meters and answers {@code /warden/metrics} ({@code metrics.enabled})
 * @param scrapeToken the bearer token a Prometheus scraper sends, at least 16 characters, or null: then only a
 *     container-authenticated admin may read the metrics ({@code metrics.scrape-token}); never logged
 * @param queueRefresh how often the queue-depth gauges re-count the store at most ({@code metrics.queue-refresh})
 * @param healthCache how long a health answer is reused, so a load balancer cannot hammer the database
 *     ({@code health.cache})
 * @param databaseTimeout how long the health check waits for the database before calling it down
 *     ({@code health.database-timeout})
 * @param backlogAge how long an approved comment may wait for delivery before health says degraded
 *     ({@code health.backlog-age})
 */
public record OpsConfig(boolean metricsEnabled, String scrapeToken, Duration queueRefresh, Duration healthCache,
    Duration databaseTimeout, Duration backlogAge) {
  public OpsConfig {
    if (scrapeToken != null && scrapeToken.isEmpty()) {
      scrapeToken = null;
    }
    if (scrapeToken != null && scrapeToken.length() < 16) {
      throw new WardenConfigException("metrics.scrape-token", "(hidden)", "must be at least 16 characters");
    }
    requireBetween("metrics.queue-refresh", queueRefresh, Duration.ofSeconds(1), Duration.ofHours(1));
    requireBetween("health.cache", healthCache, Duration.ZERO, Duration.ofMinutes(1));
    requireBetween("health.database-timeout", databaseTimeout, Duration.ofMillis(100), Duration.ofMinutes(1));
    requireBetween("health.backlog-age", backlogAge, Duration.ofSeconds(1), Duration.ofDays(30));
  }

  private static void requireBetween(String key, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new WardenConfigException(key, String.valueOf(value), "must be between " + min + " and " + max);
    }
  }

  @Override
  public String toString() {
    return "OpsConfig[metricsEnabled=" + metricsEnabled + ", scrapeToken=" + (scrapeToken == null ? "none" : "set")
        + ", queueRefresh=" + queueRefresh + ", healthCache=" + healthCache + ", databaseTimeout="
        + databaseTimeout + ", backlogAge=" + backlogAge + "]";
  }
}
