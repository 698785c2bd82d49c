package dev.warden.plugin.store;

import java.time.Duration;

/**
 * The store was refused without asking the database: a connection failure moments ago marked it unavailable, and
 * it is not yet time to try again. Answered like any {@link StoreException} (503 with {@code Retry-After}); callers
 * may log it quietly, since the outage itself is logged once when it begins.
 */
public class StoreUnavailableException extends StoreException {
  private static final long serialVersionUID = 1L;

  private final Duration retryIn;

  /**
   * @param retryIn how long until the store is tried again (zero while another request is trying)
   * @param cause the connection failure that marked the store unavailable
   */
  public StoreUnavailableException(String message, Duration retryIn, Throwable cause) {
    super(message, cause);
    this.retryIn = retryIn;
  }

  /** How long until the store is tried again; zero while another request is trying it. */
  public Duration retryIn() {
    return retryIn;
  }
}
