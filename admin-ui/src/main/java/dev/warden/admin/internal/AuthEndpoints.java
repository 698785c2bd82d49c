package dev.warden.admin.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.plugin.store.Actor;
import dev.warden.plugin.store.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /login}, {@code POST /logout}, {@code GET /session}. Logins, failed logins and logouts are written to
 * the audit trail (a failed login under the user name that was tried). Thread-safe.
 */
final class AuthEndpoints {
  private static final Logger LOG = LoggerFactory.getLogger(AuthEndpoints.class);
  private static final int MAX_NAME = 100;
  private static final int MAX_PASSWORD = 1024;

  private final Access access;
  private final Credentials credentials;
  private final LoginThrottle throttle;
  private final AuditTrail audit;

  AuthEndpoints(Access access, Credentials credentials, LoginThrottle throttle, AuditTrail audit) {
    this.access = access;
    this.credentials = credentials;
    this.throttle = throttle;
    this.audit = audit;
  }

  void login(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!access.builtin()) {
      throw ApiException.notFound("Log in through the web container (admin.auth is container).");
    }
    JsonNode body = Json.readObject(request, false);
    String name = text(body, "username", MAX_NAME);
    char[] password = text(body, "password", MAX_PASSWORD).toCharArray();
    String address = request.getRemoteAddr();
    String key = LoginThrottle.key(name, address);
    Optional<Duration> wait = throttle.retryAfter(key);
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      LOG.warn("Admin login throttled: user '{}' from {} (retry after {}s)", printable(name), address, seconds);
      response.setHeader("Retry-After", Long.toString(seconds));
      throw new ApiException(429, "too_many_attempts", "Too many failed logins; try again in " + seconds + " s.");
    }
    Optional<AdminPrincipal> principal = credentials.authenticate(name, password);
    Arrays.fill(password, '\0');
    if (principal.isEmpty()) {
      int failures = throttle.recordFailure(key);
      LOG.warn("Admin login failed: user '{}' from {} ({} in window)", printable(name), address, failures);
      audit.record(new Actor(attempted(name), Access.clientAddress(request)), "login_failed", null,
          "wrong username or password (" + failures + " in the throttle's window)");
      throw new ApiException(401, "bad_credentials", "Wrong username or password.");
    }
    throttle.recordSuccess(key);
    // Recorded before the session starts: a login the trail cannot show does not happen.
    audit.record(Access.actor(principal.get(), request), "login", null, null);
    String csrf = access.startSession(request, principal.get());
    LOG.info("Admin login: user '{}' from {}", principal.get().user(), address);
    Json.write(response, 200, sessionBody(principal.get(), csrf));
  }

  void logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
    AdminPrincipal principal = access.requireUser(request);
    access.requireCsrf(request);
    access.logout(request);
    audit.record(Access.actor(principal, request), "logout", null, null);
    LOG.info("Admin logout: user '{}'", principal.user());
    Json.write(response, 200, Map.of("status", "logged_out"));
  }

  void session(HttpServletRequest request, HttpServletResponse response) throws IOException {
    AdminPrincipal principal = access.requireUser(request);
    Json.write(response, 200, sessionBody(principal, access.csrfToken(request)));
  }

  private static Map<String, Object> sessionBody(AdminPrincipal principal, String csrf) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("user", principal.user());
    body.put("roles", principal.sortedRoles());
    body.put("csrfToken", csrf);
    return body;
  }

  private static String text(JsonNode body, String field, int max) {
    JsonNode node = body.get(field);
    if (node == null || !node.isTextual() || node.asText().isEmpty()) {
      throw ApiException.badRequest("'" + field + "' must be a non-empty string.");
    }
    if (node.asText().length() > max) {
      throw ApiException.badRequest("'" + field + "' is longer than " + max + " characters.");
    }
    return node.asText();
  }

  /** The name a failed login tried, as the audit trail's actor: printable, bounded, never blank. */
  private static String attempted(String name) {
    String clean = printable(name);
    return clean.isBlank() ? "(blank)" : clean;
  }

  /** A user-typed name made safe for one log line (no control characters, bounded). */
  private static String printable(String name) {
    String clean = name.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
  }
}
