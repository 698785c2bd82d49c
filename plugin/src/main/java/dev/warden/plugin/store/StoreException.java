package dev.warden.plugin.store;

/** The store could not be reached or failed; the caller must not acknowledge anything it did not store. */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
