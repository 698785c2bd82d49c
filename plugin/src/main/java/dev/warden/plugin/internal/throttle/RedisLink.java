package dev.warden.plugin.internal.throttle;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.plugin.ThrottleConfig;
import dev.warden.plugin.throttle.ThrottleStatus;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection of one node to the shared Redis, and whether it is up. Connecting never happens on the request
 * path: a dropped connection is re-opened in the background at once, a failed attempt or command is retried once
 * {@code throttle.shared.retry} has passed, and until Redis answers again {@link #connection} answers null, so
 * callers count locally. Losing and regaining Redis
 * is logged once each (WARN, then INFO), not per request. The URL (which may hold a password) is never logged;
 * only its host and port are.
 *
 * <p>Thread-safe.
 */
final class RedisLink implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisLink.class);
  /** How long start-up waits for the first connection; a node that cannot connect starts degraded. */
  static final Duration FIRST_CONNECT = Duration.ofSeconds(2);

  private final RedisClient client;
  private final RedisURI uri;
  private final String where;
  /** The password in the URL, if any: scrubbed from every reason we report. */
  private final String secret;
  private final Ticker ticker;
  private final long retry;
  private volatile StatefulRedisConnection<String, String> connection;
  /** Why Redis is not used now; null while it is. */
  private volatile String down;
  /** Ticker reading from which Redis may be tried again after a failure. */
  private volatile long retryAt;
  /** A connection attempt in flight; guarded by {@code this}. */
  private CompletableFuture<?> connecting;
  private volatile boolean closed;

  private RedisLink(ThrottleConfig.Shared config, Ticker ticker) {
    this.ticker = ticker;
    this.retry = config.retry().toNanos();
    this.uri = RedisURI.create(config.redisUrl().trim());
    uri.setTimeout(config.timeout());
    this.where = uri.getHost() + ":" + uri.getPort();
    String userInfo = java.net.URI.create(config.redisUrl().trim()).getUserInfo();
    this.secret = userInfo == null ? null : userInfo.substring(userInfo.indexOf(':') + 1);
    this.client = RedisClient.create(uri);
    client.setOptions(ClientOptions.builder()
        // We reconnect ourselves, after throttle.shared.retry, so that a dead Redis costs no request any wait.
        .autoReconnect(false)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .socketOptions(SocketOptions.builder().connectTimeout(FIRST_CONNECT).build())
        .timeoutOptions(TimeoutOptions.enabled(config.timeout()))
        .build());
  }

  /** Opens the link, waiting at most {@link #FIRST_CONNECT} for Redis; if it is not there, starts degraded. */
  static RedisLink open(ThrottleConfig.Shared config, Ticker ticker) {
    RedisLink link = new RedisLink(config, ticker);
    CompletableFuture<?> first = link.reconnect();
    try {
      first.get(FIRST_CONNECT.toMillis() + 500, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // reconnect() has recorded the failure, or will when the attempt ends.
    }
    if (link.down == null) {
      LOG.info("Throttle limits are shared across nodes through Redis at {}", link.where);
    }
    return link;
  }

  /** The connection to use now, or null if Redis is down and not due for another try (count locally). */
  StatefulRedisConnection<String, String> connection() {
    if (closed || down != null && ticker.read() - retryAt < 0) {
      return null;
    }
    StatefulRedisConnection<String, String> current = connection;
    if (current != null && current.isOpen()) {
      return current;
    }
    if (current != null && down == null) {
      // Dropped (a Redis restart, a failover, an idle timeout): count locally while reconnecting at once; only a
      // failed attempt waits throttle.shared.retry for the next.
      failed("lost the connection");
    }
    reconnect();
    return null;
  }

  /** Starts a connection attempt unless one is in flight; returns it. */
  private synchronized CompletableFuture<?> reconnect() {
    if (connecting != null && !connecting.isDone()) {
      return connecting;
    }
    StatefulRedisConnection<String, String> old = connection;
    connection = null;
    if (old != null) {
      old.closeAsync();
    }
    connecting = client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture().whenComplete((opened, e) -> {
      if (e != null) {
        failed("cannot connect: " + describe(e));
      } else if (closed) {
        opened.closeAsync();
      } else {
        connection = opened;
        succeeded();
      }
    });
    return connecting;
  }

  /** Records that Redis answered: if it had been lost, says it is back. */
  void succeeded() {
    if (down != null) {
      synchronized (this) {
        if (down != null) {
          down = null;
          LOG.info("Redis at {} is back: throttle limits are shared across nodes again", where);
        }
      }
    }
  }

  /**
   * Records that Redis did not answer in time: besides {@link #failed}, drops the connection, so that the next try
   * opens a fresh one (Redis may have moved, and commands given up on would otherwise pile up on a hung one).
   */
  void timedOut(String reason) {
    failed(reason);
    synchronized (this) {
      StatefulRedisConnection<String, String> hung = connection;
      connection = null;
      if (hung != null) {
        hung.closeAsync();
      }
    }
  }

  /** Records that Redis failed or was too slow: count locally until {@code throttle.shared.retry} has passed. */
  void failed(String reason) {
    synchronized (this) {
      retryAt = ticker.read() + retry;
      boolean wasUp = down == null;
      down = reason;
      if (wasUp) {
        LOG.warn("Redis at {} {}: each node counts throttle limits locally until it is back (next try in {})",
            where, reason, Duration.ofNanos(retry).toMillis() + " ms");
      } else {
        LOG.debug("Redis at {} still unavailable: {}", where, reason);
      }
    }
  }

  /** A short reason for operators: the failure's kind and message, never the URL's password. */
  String describe(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause
        && (cause instanceof java.util.concurrent.CompletionException
            || cause instanceof java.util.concurrent.ExecutionException)) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    if (secret != null && !secret.isEmpty()) {
      message = message.replace(secret, "***");
    }
    return message.length() > 200 ? message.substring(0, 200) + "..." : message;
  }

  /**
   * Up, or down with the reason. Asking notices a dropped connection and, when due, starts another try (without
   * waiting), so a health check sees Redis go and come back even when no comments arrive.
   */
  ThrottleStatus status() {
    connection();
    String reason = down;
    if (reason == null) {
      return new ThrottleStatus("shared", false, "limits are kept global through Redis at " + where);
    }
    return new ThrottleStatus("shared", true, "Redis at " + where + " " + reason
        + "; each node counts its limits locally until it is back");
  }

  @Override
  public void close() {
    closed = true;
    StatefulRedisConnection<String, String> current = connection;
    if (current != null) {
      current.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
