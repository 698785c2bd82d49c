package dev.warden.plugin.internal.http;

import dev.warden.plugin.AdminSession;
import dev.warden.plugin.internal.ops.HealthCheck;
import dev.warden.plugin.internal.ops.WardenMeters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * The operators' endpoints, answered by the filter itself like the status links:
 *
 * <ul>
 *   <li>{@code GET <context>/warden/health}: the {@link HealthCheck} as JSON, 200 ({@code up} or {@code degraded})
 *       or 503 ({@code down}); open to anyone, as load balancers do not log in, and free of secrets;
 *   <li>{@code GET <context>/warden/metrics}: the Prometheus text format, for a request with
 *       {@code Authorization: Bearer <metrics.scrape-token>}, from a container-authenticated user in role
 *       {@code admin}, or with the session of an {@code admin} logged in to Warden's admin UI
 *       ({@link AdminSession}); anyone else gets a bare 401. Not answered (passed on to the site) when metrics are off.
 * </ul>
 *
 * Thread-safe.
 */
public final class OpsEndpoints {
  /** The health endpoint, under the context path. */
  public static final String HEALTH = "/warden/health";
  /** The Prometheus endpoint, under the context path. */
  public static final String METRICS = "/warden/metrics";

  private final HealthCheck health;
  private final WardenMeters meters;
  private final byte[] scrapeTokenHash;

  /**
   * @param meters the meters, or null when metrics are off
   * @param scrapeToken the bearer token scrapers send, or null
   */
  public OpsEndpoints(HealthCheck health, WardenMeters meters, String scrapeToken) {
    this.health = health;
    this.meters = meters;
    this.scrapeTokenHash = scrapeToken == null ? null : sha256(scrapeToken);
  }

  /** True if the filter answers this request with {@link #handle}. */
  public boolean matches(HttpServletRequest request) {
    String path = pathInContext(request);
    return HEALTH.equals(path) || meters != null && METRICS.equals(path);
  }

  /** Answers a matched request. Never throws for a caller's request. */
  public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      response.setHeader("Allow", "GET, HEAD");
      ModerationResponses.error(response, 405, "method_not_allowed", "use GET");
      return;
    }
    if (HEALTH.equals(pathInContext(request))) {
      HealthCheck.Report report = health.report();
      ModerationResponses.json(response, report.httpStatus(), report.body());
    } else if (!mayScrape(request)) {
      response.resetBuffer();
      response.setStatus(401);
      response.setHeader("WWW-Authenticate", "Bearer realm=\"warden-metrics\"");
      response.setHeader("Cache-Control", "no-store");
      response.setContentLength(0);
    } else {
      byte[] text = meters.scrape().getBytes(StandardCharsets.UTF_8);
      response.resetBuffer();
      response.setStatus(200);
      response.setContentType(WardenMeters.contentType());
      response.setHeader("Cache-Control", "no-store");
      response.setContentLength(text.length);
      response.getOutputStream().write(text);
    }
  }

  private boolean mayScrape(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (scrapeTokenHash != null && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      // Compare digests: equal length whatever was sent, and MessageDigest.isEqual takes constant time.
      return MessageDigest.isEqual(scrapeTokenHash, sha256(header.substring(7).trim()));
    }
    if (request.getUserPrincipal() != null && request.isUserInRole("admin")) {
      return true;
    }
    HttpSession session = request.getSession(false);
    return session != null && session.getAttribute(AdminSession.ROLES_ATTRIBUTE) instanceof Set<?> roles
        && roles.contains("admin");
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static String pathInContext(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context.isEmpty() || !uri.startsWith(context) ? uri : uri.substring(context.length());
  }
}
