package dev.warden.plugin.internal.store;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.plugin.store.StoreUnavailableException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the store is worth asking. After a connection failure the store is <em>open</em> (unavailable): for
 * {@code store.outage-retry} every use fails at once with a {@link StoreUnavailableException}, without waiting for
 * the pool, so a post gets its 503 in milliseconds instead of after the connection timeout. Then one caller (a
 * post, the health check or a background task) is let through as a probe while the others keep failing fast; if
 * it reaches the database the store is <em>closed</em> (available) again, else open for another round. Any use
 * that reaches the database closes it. One WARN when it opens, one INFO when it closes. Time comes from an
 * injected {@link Ticker}. Thread-safe; the closed path reads one volatile field.
 */
final class StoreBreaker {
  private static final Logger LOG = LoggerFactory.getLogger(StoreBreaker.class);

  private enum State { CLOSED, OPEN, PROBING }

  private final String safeUrl;
  private final Duration retry;
  /** A probe that has not finished by then (a hung connection) no longer blocks the next one. */
  private final long probeTimeoutNanos;
  private final Ticker ticker;
  private final Function<SQLException, String> describe;

  private volatile State state = State.CLOSED;
  // Guarded by this.
  private long openedAt;
  private long nextProbeAt;
  private SQLException cause;

  /**
   * @param safeUrl the JDBC URL without credentials, for the log
   * @param retry how long the store fails fast before a probe ({@code store.outage-retry})
   * @param connectionTimeout how long a probe may wait for the pool ({@code store.connection-timeout})
   * @param describe a failure for the log, without credentials (drivers may echo them)
   */
  StoreBreaker(String safeUrl, Duration retry, Duration connectionTimeout, Ticker ticker,
      Function<SQLException, String> describe) {
    this.safeUrl = Objects.requireNonNull(safeUrl, "safeUrl");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.probeTimeoutNanos = connectionTimeout.plus(retry).toNanos();
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.describe = Objects.requireNonNull(describe, "describe");
  }

  /**
   * Called before using the pool.
   *
   * @return true if this caller is the probe of an open store
   * @throws StoreUnavailableException if the store is open and this caller must not try it
   */
  boolean admit() {
    return state != State.CLOSED && admitWhileOpen();
  }

  private synchronized boolean admitWhileOpen() {
    long now = ticker.read();
    if (state == State.CLOSED) {
      return false;
    }
    if (now - nextProbeAt < 0) {
      throw refusal(Duration.ofNanos(state == State.PROBING ? 0 : nextProbeAt - now));
    }
    // Time for a probe (or the last one hung): this caller tries, the others keep failing fast until it is done.
    state = State.PROBING;
    nextProbeAt = now + probeTimeoutNanos;
    return true;
  }

  private StoreUnavailableException refusal(Duration retryIn) {
    String next = retryIn.isZero() ? "another use is trying it now" : "tried again in " + retryIn.toMillis() + " ms";
    return new StoreUnavailableException("store at " + safeUrl + " is unavailable (SQLState "
        + cause.getSQLState() + "); " + next, retryIn, cause);
  }

  /** Called after a use that reached the database (successfully or with an SQL error that is no outage). */
  void reached() {
    if (state != State.CLOSED) {
      close();
    }
  }

  private synchronized void close() {
    if (state == State.CLOSED) {
      return;
    }
    long outageMillis = Duration.ofNanos(ticker.read() - openedAt).toMillis();
    state = State.CLOSED;
    cause = null;
    LOG.info("Store at {} is reachable again after {} ms; comments are accepted", safeUrl, outageMillis);
  }

  /**
   * Called after a use that failed because the database could not be reached.
   *
   * @param probe whether that use was the probe ({@link #admit()} returned true)
   */
  synchronized void unreachable(SQLException failure, boolean probe) {
    long now = ticker.read();
    switch (state) {
      case CLOSED -> {
        state = State.OPEN;
        openedAt = now;
        nextProbeAt = now + retry.toNanos();
        cause = failure;
        LOG.warn("Store at {} is unreachable (SQLState {}): failing at once for {} ms before trying again: {}",
            safeUrl, failure.getSQLState(), retry.toMillis(), describe.apply(failure));
      }
      case PROBING -> {
        if (probe) {
          state = State.OPEN;
          nextProbeAt = now + retry.toNanos();
          cause = failure;
          LOG.debug("Store at {} is still unreachable; next try in {} ms", safeUrl, retry.toMillis());
        }
      }
      case OPEN -> {
        // A use that started before the store opened: the outage is already known and logged.
      }
    }
  }

  /** True while the store is marked unavailable (open or being probed). */
  boolean isOpen() {
    return state != State.CLOSED;
  }
}
