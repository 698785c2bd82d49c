package dev.warden.plugin.internal.http;

/**
 * A submission the filter refuses with a clean client error (400, 413, 415), carrying the status and the short
 * error code of the JSON body. Thrown and caught inside one request; no stack trace is kept.
 */
final class RequestRejection extends Exception {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String code;

  RequestRejection(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }
}
