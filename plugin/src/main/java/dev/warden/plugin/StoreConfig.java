package dev.warden.plugin;

import java.util.Objects;

/**
 * Where held comments are stored ({@code store:} in warden.yaml).
 *
 * @param url JDBC URL; default an embedded H2 file database in the data directory
 * @param username database user (may be empty)
 * @param password database password (may be empty; never logged)
 * @param poolSize maximum connections in the pool, at least 1
 */
public record StoreConfig(String url, String username, String password, int poolSize) {
  public StoreConfig {
    Objects.requireNonNull(url, "store.url");
    if (!url.startsWith("jdbc:")) {
      throw new WardenConfigException("store.url", url, "must be a JDBC URL starting with jdbc:");
    }
    username = username == null ? "" : username;
    password = password == null ? "" : password;
    if (poolSize < 1 || poolSize > 200) {
      throw new WardenConfigException("store.pool-size", String.valueOf(poolSize), "must be between 1 and 200");
    }
  }

  @Override
  public String toString() {
    return "StoreConfig[url=" + url + ", username=" + username + ", poolSize=" + poolSize + "]";
  }
}
