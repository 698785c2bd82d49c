package dev.warden.admin.internal;

import dev.warden.plugin.AdminConfig;
import dev.warden.plugin.AdminSession;
import dev.warden.plugin.store.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who is calling the API: the session principal (built-in login) or the container's user, the per-session CSRF
 * token and the CMS bearer token. Thread-safe; all state lives in the HTTP session.
 */
final class Access {
  static final String PRINCIPAL_ATTRIBUTE = "dev.warden.admin.principal";
  static final String CSRF_ATTRIBUTE = "dev.warden.admin.csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";

  private static final SecureRandom RANDOM = new SecureRandom();
  private final AdminConfig config;

  Access(AdminConfig config) {
    this.config = config;
  }

  boolean builtin() {
    return "builtin".equals(config.auth());
  }

  /** The caller, or 401. */
  AdminPrincipal requireUser(HttpServletRequest request) {
    AdminPrincipal principal = current(request);
    if (principal == null) {
      throw ApiException.unauthenticated();
    }
    return principal;
  }

  /** A caller who may moderate, or 401/403. */
  AdminPrincipal requireModerator(HttpServletRequest request) {
    AdminPrincipal principal = requireUser(request);
    if (!principal.canModerate()) {
      throw ApiException.forbidden("The moderator role is needed.");
    }
    return principal;
  }

  /** A caller who may change policies (publisher or admin), or 401/403. */
  AdminPrincipal requirePublisher(HttpServletRequest request) {
    AdminPrincipal principal = requireUser(request);
    if (!principal.canPublish()) {
      throw ApiException.forbidden("The publisher role is needed.");
    }
    return principal;
  }

  /** A caller with the admin role (operators: models, privacy requests, the site's set-up), or 401/403. */
  AdminPrincipal requireAdmin(HttpServletRequest request) {
    AdminPrincipal principal = requireUser(request);
    if (!principal.isAdmin()) {
      throw ApiException.forbidden("The admin role is needed.");
    }
    return principal;
  }

  /**
   * The caller as the audit trail records them: their name and the request's client address. The address is the
   * container's {@code getRemoteAddr()}: behind a reverse proxy, have the container take it from the forwarded
   * headers (Jetty's {@code ForwardedRequestCustomizer}, Tomcat's {@code RemoteIpValve}).
   */
  static Actor actor(AdminPrincipal principal, HttpServletRequest request) {
    return new Actor(principal.user(), clientAddress(request));
  }

  /** The request's client address, bounded for the audit trail (a connector may report a long socket path). */
  static String clientAddress(HttpServletRequest request) {
    String address = request.getRemoteAddr();
    return address == null || address.length() <= Actor.MAX_ADDRESS ? address
        : address.substring(0, Actor.MAX_ADDRESS);
  }

  /** The caller, or null when nobody is logged in. */
  AdminPrincipal current(HttpServletRequest request) {
    if (builtin()) {
      HttpSession session = request.getSession(false);
      return session == null ? null : (AdminPrincipal) session.getAttribute(PRINCIPAL_ATTRIBUTE);
    }
    String user = request.getRemoteUser();
    if (user == null) {
      return null;
    }
    Set<String> roles = new LinkedHashSet<>();
    for (String role : AdminConfig.AdminUser.KNOWN_ROLES) {
      if (request.isUserInRole(role)) {
        roles.add(role);
      }
    }
    return new AdminPrincipal(user, roles);
  }

  /**
   * Starts a fresh authenticated session: a new session id (no fixation), a new CSRF token and the configured
   * idle timeout. Returns the CSRF token.
   */
  String startSession(HttpServletRequest request, AdminPrincipal principal) {
    HttpSession existing = request.getSession(false);
    if (existing != null) {
      request.changeSessionId();
    }
    HttpSession session = request.getSession(true);
    session.setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, config.sessionTimeout().toSeconds()));
    session.setAttribute(PRINCIPAL_ATTRIBUTE, principal);
    // The filter's /warden/metrics lets a logged-in admin in by these roles (it cannot see AdminPrincipal).
    session.setAttribute(AdminSession.ROLES_ATTRIBUTE, principal.roles());
    String token = newToken();
    session.setAttribute(CSRF_ATTRIBUTE, token);
    return token;
  }

  /** The CSRF token of the caller's session, created if missing (container auth creates sessions lazily). */
  String csrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(true);
    synchronized (this) {
      String token = (String) session.getAttribute(CSRF_ATTRIBUTE);
      if (token == null) {
        token = newToken();
        session.setAttribute(CSRF_ATTRIBUTE, token);
      }
      return token;
    }
  }

  /** 403 unless the request carries the session's CSRF token in {@value #CSRF_HEADER}. */
  void requireCsrf(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    String expected = session == null ? null : (String) session.getAttribute(CSRF_ATTRIBUTE);
    String given = request.getHeader(CSRF_HEADER);
    if (expected == null || given == null || !constantTimeEquals(expected, given)) {
      throw new ApiException(403, "csrf", "Missing or wrong " + CSRF_HEADER + " header; reload the page.");
    }
  }

  /** True if the request carries {@code Authorization: Bearer <admin.api-token>}. */
  boolean hasApiToken(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    String token = config.apiToken();
    if (token == null || header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return constantTimeEquals(token, header.substring(7).trim());
  }

  /** Whether the request presents any bearer token at all (wrong or right). */
  static boolean hasBearer(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  /**
   * Ends the admin login. Removes only Warden's attributes: the session may be shared with the host site, whose
   * own login must survive.
   */
  void logout(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(PRINCIPAL_ATTRIBUTE);
      session.removeAttribute(AdminSession.ROLES_ATTRIBUTE);
      session.removeAttribute(CSRF_ATTRIBUTE);
    }
  }

  private static boolean constantTimeEquals(String expected, String given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
