package dev.warden.plugin.internal.models;

/** New models that must not replace the ones in force; the message says why (for the log and the admin API). */
final class ModelRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ModelRefusedException(String message) {
    super(message);
  }
}
