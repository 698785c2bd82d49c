package dev.warden.plugin.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.plugin.store.StoreException;
import dev.warden.plugin.store.StoreUnavailableException;
import dev.warden.plugin.throttle.ThrottleDecision;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes what a reader gets when the filter answers instead of the site: 202/422 JSON (with the models' version)
 * or a 303 redirect for a held or rejected comment (both with the comment's status link), 429 for a throttled one,
 * and short JSON errors ({@code {"error":..., "message":...}}) for 400/403/413/415/503. Thread-safe.
 */
final class ModerationResponses {
  /**
   * Seconds a client should wait before retrying after a failure that is not a store outage (a bug, an exhausted
   * resource): nothing says when it will be over, so not soon.
   */
  static final int RETRY_AFTER_SECONDS = 30;
  /** The response header naming the models that judged a comment, on every verdict (passed-on ones too). */
  static final String MODEL_HEADER = "X-Warden-Model";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * True for clients that want JSON back: a JSON body, an Accept header naming JSON, or an XHR marker.
   */
  static boolean wantsJson(HttpServletRequest request) {
    String contentType = request.getHeader("Content-Type"); // getContentType() throws on an unknown charset
    String accept = request.getHeader("Accept");
    return (contentType != null && MediaType.parse(contentType).isJson())
        || (accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("json"))
        || request.getHeader("X-Requested-With") != null;
  }

  /**
   * A held comment: 202 with its id, status link ({@code statusUrl}) and the version of the models that judged it
   * ({@code modelVersion}), or 303 to the return-to page with {@code ?comment=pending&status=<token>}.
   */
  static void pending(HttpServletRequest request, HttpServletResponse response, String returnTo, String id,
      String statusToken, String modelVersion) throws IOException {
    if (returnTo != null && !wantsJson(request)) {
      redirect(response, returnTo, "pending", statusToken);
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "pending");
    body.put("id", id);
    body.put("statusUrl", StatusPage.link(request.getContextPath(), statusToken));
    body.put("modelVersion", modelVersion);
    json(response, 202, body);
  }

  /**
   * A rejected comment: 422 with the reason, status link ({@code statusUrl}) and the version of the models that
   * judged it ({@code modelVersion}), or 303 to the return-to page with {@code ?comment=rejected&status=<token>}.
   */
  static void rejected(HttpServletRequest request, HttpServletResponse response, String returnTo, String reason,
      String statusToken, String modelVersion) throws IOException {
    if (returnTo != null && !wantsJson(request)) {
      redirect(response, returnTo, "rejected", statusToken);
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "rejected");
    body.put("reason", reason);
    body.put("statusUrl", StatusPage.link(request.getContextPath(), statusToken));
    body.put("modelVersion", modelVersion);
    json(response, 422, body);
  }

  /**
   * A throttled submission: 429 with {@code Retry-After} (whole seconds, at least 1) and the reason, as JSON for
   * JSON/XHR clients, else as a small HTML page with a link back to the article (a redirect would lose the 429).
   */
  static void throttled(HttpServletRequest request, HttpServletResponse response, String returnTo,
      ThrottleDecision decision) throws IOException {
    long seconds = retryAfterSeconds(decision.retryAfter());
    String message = ThrottleMessages.of(decision.reason(), seconds);
    response.setHeader("Retry-After", String.valueOf(seconds));
    if (wantsJson(request) || returnTo == null) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", "throttled");
      body.put("reason", decision.reason());
      body.put("message", message);
      body.put("retryAfter", seconds);
      json(response, 429, body);
      return;
    }
    byte[] page = ThrottleMessages.page(message, returnTo).getBytes(StandardCharsets.UTF_8);
    response.resetBuffer();
    response.setStatus(429);
    response.setContentType("text/html");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    response.setContentLength(page.length);
    response.getOutputStream().write(page);
  }

  /** Whole seconds to wait, rounded up, at least 1. */
  static long retryAfterSeconds(Duration wait) {
    long millis = Math.max(0, wait.toMillis());
    return Math.max(1, (millis + 999) / 1000);
  }

  /** A client error or a refusal, as short JSON. */
  static void error(HttpServletResponse response, int status, String code, String message) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", message);
    json(response, status, body);
  }

  /**
   * 503 with {@code Retry-After} for an internal failure ({@link #RETRY_AFTER_SECONDS}): nothing was acknowledged,
   * the reader may send again.
   */
  static void unavailable(HttpServletResponse response, String code, String message) throws IOException {
    unavailable(response, code, message, Duration.ofSeconds(RETRY_AFTER_SECONDS));
  }

  /** 503 with {@code Retry-After} in whole seconds (rounded up, at least 1): nothing was acknowledged. */
  static void unavailable(HttpServletResponse response, String code, String message, Duration retryAfter)
      throws IOException {
    response.setHeader("Retry-After", String.valueOf(retryAfterSeconds(retryAfter)));
    error(response, 503, code, message);
  }

  /**
   * When the store will be tried again after {@code failure}: the store's own wait if it refused without asking
   * the database, else {@code outageRetry}, the wait a connection failure has just started ({@code
   * store.outage-retry}). So a client that honours {@code Retry-After} comes back as the database is next tried,
   * not half a minute after it has returned.
   */
  static Duration storeRetryAfter(StoreException failure, Duration outageRetry) {
    return failure instanceof StoreUnavailableException refused ? refused.retryIn() : outageRetry;
  }

  /** Appends {@code comment=<state>} to a local path, keeping any query it already has. */
  static String withCommentState(String returnTo, String state) {
    return withCommentState(returnTo, state, null);
  }

  /**
   * Appends {@code comment=<state>} and, if given, {@code status=<token>} to a local path, keeping any query it
   * already has and its fragment.
   */
  static String withCommentState(String returnTo, String state, String statusToken) {
    int hash = returnTo.indexOf('#');
    String base = hash < 0 ? returnTo : returnTo.substring(0, hash);
    String fragment = hash < 0 ? "" : returnTo.substring(hash);
    String separator = base.indexOf('?') < 0 ? "?" : "&";
    String status = statusToken == null ? "" : "&status=" + URLEncoder.encode(statusToken, StandardCharsets.UTF_8);
    return base + separator + "comment=" + URLEncoder.encode(state, StandardCharsets.UTF_8) + status + fragment;
  }

  private static void redirect(HttpServletResponse response, String returnTo, String state, String statusToken) {
    response.resetBuffer();
    response.setStatus(303);
    response.setHeader("Location", withCommentState(returnTo, state, statusToken));
    response.setHeader("Cache-Control", "no-store");
  }

  /** Writes {@code body} as the whole JSON response, not to be cached. */
  static void json(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
