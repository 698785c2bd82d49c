package dev.warden.plugin;

import java.time.Duration;
import java.util.Objects;

/**
 * Where held comments are stored ({@code store:} in warden.yaml).
 *
 * @param url JDBC URL; default an embedded H2 file database in the data directory
 * @param username database user (may be empty)
 * @param password database password (may be empty; never logged)
 * @param poolSize maximum connections in the pool, at least 1
 * @param connectionTimeout how long a request waits for a pooled connection before the store counts as
 *     unavailable ({@code store.connection-timeout}, 250 ms to 60 s; HikariCP refuses less than 250 ms)
 * @param outageRetry after a connection failure, how long writes fail at once (503) before one request tries the
 *     database again ({@code store.outage-retry}, 100 ms to 5 min)
 */
public record StoreConfig(String url, String username, String password, int poolSize, Duration connectionTimeout,
    Duration outageRetry) {
  /** The default of {@code store.connection-timeout}. */
  public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(2);
  /** The default of {@code store.outage-retry}. */
  public static final Duration DEFAULT_OUTAGE_RETRY = Duration.ofSeconds(1);

  private static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);
  private static final Duration MAX_CONNECTION_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration MIN_OUTAGE_RETRY = Duration.ofMillis(100);
  private static final Duration MAX_OUTAGE_RETRY = Duration.ofMinutes(5);

  public StoreConfig {
    Objects.requireNonNull(url, "store.url");
    if (!url.startsWith("jdbc:")) {
      throw new WardenConfigException("store.url", url, "must be a JDBC URL starting with jdbc:");
    }
    username = username == null ? "" : username;
    password = password == null ? "" : password;
    // Flyway's migration at start-up holds two connections at once, so a pool of one cannot start.
    if (poolSize < 2 || poolSize > 200) {
      throw new WardenConfigException("store.pool-size", String.valueOf(poolSize), "must be between 2 and 200");
    }
    within("store.connection-timeout", connectionTimeout, MIN_CONNECTION_TIMEOUT, MAX_CONNECTION_TIMEOUT);
    within("store.outage-retry", outageRetry, MIN_OUTAGE_RETRY, MAX_OUTAGE_RETRY);
  }

  /** A store with the default connection timeout and outage retry. */
  public StoreConfig(String url, String username, String password, int poolSize) {
    this(url, username, password, poolSize, DEFAULT_CONNECTION_TIMEOUT, DEFAULT_OUTAGE_RETRY);
  }

  private static void within(String key, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new WardenConfigException(key, String.valueOf(value),
          "must be between " + min.toMillis() + " ms and " + max.toSeconds() + " s");
    }
  }

  @Override
  public String toString() {
    return "StoreConfig[url=" + url + ", username=" + username + ", poolSize=" + poolSize + ", connectionTimeout="
        + connectionTimeout + ", outageRetry=" + outageRetry + "]";
  }
}
