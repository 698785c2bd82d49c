package dev.warden.admin.internal;

import java.util.Map;

/**
 * An API request that ends with a client-facing error: HTTP status, a short machine code and a human message.
 * Thrown by endpoint code and turned into {@code {"error":code,"message":...}} by {@link ApiServlet}.
 */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String code;
  private final transient Object body;
  private final transient Map<String, Object> details;

  ApiException(int status, String code, String message) {
    this(status, code, message, null);
  }

  /** An error whose response carries {@code body} as an extra field (e.g. the current comment on 409). */
  ApiException(int status, String code, String message, Object body) {
    this(status, code, message, body, Map.of());
  }

  private ApiException(int status, String code, String message, Object body, Map<String, Object> details) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.body = body;
    this.details = Map.copyOf(details);
  }

  /** An error whose JSON carries extra top-level fields, e.g. {@code "field"} for a bad value. */
  static ApiException withDetails(int status, String code, String message, Map<String, Object> details) {
    return new ApiException(status, code, message, null, details);
  }

  /** 400 for a bad value, naming it in {@code "field"} (a settings key such as {@code policies.default.on-error}). */
  static ApiException invalidField(String field, String message) {
    return withDetails(400, "invalid_setting", message, Map.of("field", field));
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, "bad_request", message);
  }

  static ApiException notFound(String message) {
    return new ApiException(404, "not_found", message);
  }

  static ApiException unauthenticated() {
    return new ApiException(401, "unauthenticated", "Log in first.");
  }

  static ApiException forbidden(String message) {
    return new ApiException(403, "forbidden", message);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  Object body() {
    return body;
  }

  /** Extra top-level fields of the error's JSON (none for most errors). */
  Map<String, Object> details() {
    return details;
  }
}
