package dev.warden.admin.internal;

import dev.warden.plugin.store.StoreException;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin JSON API at {@code /warden/api/*}: routes requests to the endpoint classes and turns every failure
 * into a short JSON error ({@code {"error":code,"message":...}}) — never a container error page. Every response
 * carries {@code Cache-Control: no-store} and {@code X-Content-Type-Options: nosniff}. Every request body is read
 * (up to {@link Json#MAX_BODY_BYTES}) before routing, so no answer leaves unread bytes on a keep-alive connection;
 * a larger body gets 413 with {@code Connection: close}.
 *
 * <p>The runtime is looked up once in {@link #init()}, so the servlet can be registered before Warden starts.
 */
public final class ApiServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
  private static final String POSTERS = "/posters/";
  private static final String VIEWS = "/views/";
  private static final String SUSPEND = "/suspend";
  private static final String HISTORY = "/history";
  private static final String NOTES = "/notes";
  private static final String REJECT_PENDING = "/reject-pending";
  private static final String EXPORT = "/export";
  private static final String DATA = "/data";

  private final transient Function<ServletContext, AdminServices> locator;
  private transient AuthEndpoints auth;
  private transient QueueEndpoints queue;
  private transient ArticleEndpoints articles;
  private transient PosterEndpoints posters;
  private transient ThrottleEndpoints throttle;
  private transient AuditEndpoints audit;
  private transient BulkEndpoints bulk;
  private transient PosterDeskEndpoints desk;
  private transient PolicyEndpoints policies;
  private transient WhatIfEndpoints whatIf;
  private transient NarrativeEndpoints narratives;
  private transient StatsEndpoints stats;
  private transient ViewEndpoints views;
  private transient ModelEndpoints models;
  private transient PrivacyEndpoints privacy;

  /** A servlet that gets its services from {@code locator} when the container initialises it. */
  public ApiServlet(Function<ServletContext, AdminServices> locator) {
    this.locator = locator;
  }

  @Override
  public void init() throws ServletException {
    AdminServices services = locator.apply(getServletContext());
    Access access = new Access(services.admin());
    Credentials credentials = new Credentials(services.admin());
    auth = new AuthEndpoints(access, credentials, new LoginThrottle(services.clock()), services.audit());
    queue = new QueueEndpoints(access, services.comments(), services.wakeReleaser(),
        new ArticleLinks(services.articles(), services.articlePaths()));
    articles = new ArticleEndpoints(access, services.articles());
    posters = new PosterEndpoints(access, services.suspensions(), services.clock());
    throttle = new ThrottleEndpoints(access, services.throttle(), services.comments());
    audit = new AuditEndpoints(access, services.audit());
    bulk = new BulkEndpoints(access, services.comments(), services.wakeReleaser());
    desk = new PosterDeskEndpoints(access, services.comments(), services.throttle(), services.suspensions(),
        services.notes(), services.clock());
    policies = new PolicyEndpoints(access, services.policies());
    whatIf = new WhatIfEndpoints(access, services.policies(), services.samples(), services.comments(),
        services.clock());
    narratives = new NarrativeEndpoints(access, services.narratives());
    stats = new StatsEndpoints(access, services.stats(), services.samples(), services.clock());
    views = new ViewEndpoints(access, services.views());
    models = new ModelEndpoints(access, services.models(), services.audit());
    privacy = new PrivacyEndpoints(access, services.posterData(), services.audit());
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    BufferedRequest buffered;
    try {
      buffered = BufferedRequest.read(request, Json.MAX_BODY_BYTES);
    } catch (BufferedRequest.BodyTooLarge e) {
      // Bytes are left on the connection: say that it closes, so that no client reuses it.
      response.setHeader("Connection", "close");
      error(response, 413, "too_large", "The body is larger than " + Json.MAX_BODY_BYTES + " bytes.", null);
      return;
    } catch (IOException e) {
      response.setHeader("Connection", "close");
      error(response, 400, "bad_request", "The request body could not be read.", null);
      return;
    }
    try {
      route(buffered, response);
    } catch (ApiException e) {
      error(response, e.status(), e.code(), e.getMessage(), e.body(), e.details());
    } catch (StoreException e) {
      LOG.error("Admin API: store unavailable on {} {}", request.getMethod(), request.getRequestURI(), e);
      response.setHeader("Retry-After", "30");
      error(response, 503, "store_unavailable", "The comment store is not reachable; try again shortly.", null);
    } catch (RuntimeException e) {
      LOG.error("Admin API: unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
      error(response, 500, "internal", "Unexpected server error; see the server log.", null);
    }
  }

  private void route(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    if (path.startsWith(VIEWS) && path.length() > VIEWS.length()) {
      // A view's name may hold any character but a slash; it is matched whole after the prefix.
      String name = path.substring(VIEWS.length());
      only(response, request.getMethod(), "DELETE", () -> views.delete(request, response, name));
      return;
    }
    if (path.startsWith(POSTERS)) {
      routePoster(request, response, path.substring(POSTERS.length()));
      return;
    }
    String[] parts = path.split("/", -1);
    String method = request.getMethod();
    // parts[0] is the empty string before the leading slash
    if (parts.length == 2) {
      switch (parts[1]) {
        case "login" -> only(response, method, "POST", () -> auth.login(request, response));
        case "logout" -> only(response, method, "POST", () -> auth.logout(request, response));
        case "session" -> only(response, method, "GET", () -> auth.session(request, response));
        case "queue" -> only(response, method, "GET", () -> queue.queue(request, response));
        case "counts" -> only(response, method, "GET", () -> queue.counts(request, response));
        case "throttle" -> only(response, method, "GET", () -> throttle.report(request, response));
        case "audit" -> only(response, method, "GET", () -> audit.list(request, response));
        case "whatif" -> only(response, method, "GET", () -> whatIf.whatIf(request, response));
        case "narratives" -> only(response, method, "GET", () -> narratives.list(request, response));
        case "stats" -> only(response, method, "GET", () -> stats.stats(request, response));
        case "models" -> only(response, method, "GET", () -> models.current(request, response));
        case "views" -> {
          switch (method) {
            case "GET" -> views.list(request, response);
            case "POST" -> views.save(request, response);
            default -> throw methodNotAllowed(response, "GET, POST");
          }
        }
        case "policies" -> {
          switch (method) {
            case "GET" -> policies.get(request, response);
            case "PUT" -> policies.put(request, response);
            default -> throw methodNotAllowed(response, "GET, PUT");
          }
        }
        default -> throw ApiException.notFound("No such API endpoint.");
      }
    } else if (parts.length == 3 && "models".equals(parts[1]) && "reload".equals(parts[2])) {
      only(response, method, "POST", () -> models.reload(request, response));
    } else if (parts.length == 3 && "comments".equals(parts[1]) && "bulk".equals(parts[2])) {
      only(response, method, "POST", () -> bulk.bulk(request, response));
    } else if (parts.length == 3 && "comments".equals(parts[1]) && !parts[2].isEmpty()) {
      only(response, method, "GET", () -> queue.comment(request, response, parts[2]));
    } else if (parts.length == 4 && "comments".equals(parts[1]) && "approve".equals(parts[3])) {
      only(response, method, "POST", () -> queue.approve(request, response, parts[2]));
    } else if (parts.length == 4 && "comments".equals(parts[1]) && "reject".equals(parts[3])) {
      only(response, method, "POST", () -> queue.reject(request, response, parts[2]));
    } else if (parts.length == 4 && "comments".equals(parts[1]) && "undo".equals(parts[3])) {
      only(response, method, "POST", () -> queue.undo(request, response, parts[2]));
    } else if (parts.length == 4 && "policies".equals(parts[1]) && "versions".equals(parts[2])) {
      only(response, method, "GET", () -> policies.version(request, response, parts[3]));
    } else if (parts.length == 4 && "policies".equals(parts[1]) && "rollback".equals(parts[2])) {
      only(response, method, "POST", () -> policies.rollback(request, response, parts[3]));
    } else if (parts.length == 3 && "narratives".equals(parts[1]) && !parts[2].isEmpty()) {
      only(response, method, "PUT", () -> narratives.put(request, response, parts[2]));
    } else if (parts.length == 4 && "narratives".equals(parts[1]) && "retire".equals(parts[3])) {
      only(response, method, "POST", () -> narratives.retire(request, response, parts[2]));
    } else if (parts.length == 4 && "narratives".equals(parts[1]) && "restore".equals(parts[3])) {
      only(response, method, "POST", () -> narratives.restore(request, response, parts[2]));
    } else if (parts.length == 3 && "coordinated".equals(parts[1]) && !parts[2].isEmpty()) {
      only(response, method, "GET", () -> throttle.group(request, response, parts[2]));
    } else if (parts.length == 3 && "articles".equals(parts[1]) && !parts[2].isEmpty()) {
      switch (method) {
        case "GET" -> articles.get(request, response, parts[2]);
        case "PUT" -> articles.put(request, response, parts[2]);
        default -> throw methodNotAllowed(response, "GET, PUT");
      }
    } else {
      throw ApiException.notFound("No such API endpoint.");
    }
  }

  /** {@code /posters/...}: the key may hold a slash (an IPv6 prefix), so the action is matched at the end. */
  private void routePoster(HttpServletRequest request, HttpServletResponse response, String rest) throws IOException {
    String method = request.getMethod();
    if ("suspended".equals(rest)) {
      only(response, method, "GET", () -> posters.suspended(request, response));
    } else if (rest.endsWith(SUSPEND) && rest.length() > SUSPEND.length()) {
      String key = rest.substring(0, rest.length() - SUSPEND.length());
      switch (method) {
        case "POST" -> posters.suspend(request, response, key);
        case "DELETE" -> posters.lift(request, response, key);
        default -> throw methodNotAllowed(response, "POST, DELETE");
      }
    } else if (rest.endsWith(HISTORY) && rest.length() > HISTORY.length()) {
      only(response, method, "GET", () -> desk.history(request, response, keyBefore(rest, HISTORY)));
    } else if (rest.endsWith(NOTES) && rest.length() > NOTES.length()) {
      switch (method) {
        case "GET" -> desk.notes(request, response, keyBefore(rest, NOTES));
        case "POST" -> desk.addNote(request, response, keyBefore(rest, NOTES));
        default -> throw methodNotAllowed(response, "GET, POST");
      }
    } else if (rest.endsWith(REJECT_PENDING) && rest.length() > REJECT_PENDING.length()) {
      only(response, method, "POST", () -> bulk.rejectPending(request, response, keyBefore(rest, REJECT_PENDING)));
    } else if (rest.endsWith(EXPORT) && rest.length() > EXPORT.length()) {
      only(response, method, "GET", () -> privacy.export(request, response, keyBefore(rest, EXPORT)));
    } else if (rest.endsWith(DATA) && rest.length() > DATA.length()) {
      only(response, method, "DELETE", () -> privacy.erase(request, response, keyBefore(rest, DATA)));
    } else if (!rest.isEmpty()) {
      only(response, method, "GET", () -> posters.poster(request, response, rest));
    } else {
      throw ApiException.notFound("No such API endpoint.");
    }
  }

  private static String keyBefore(String rest, String action) {
    return rest.substring(0, rest.length() - action.length());
  }

  private static void only(HttpServletResponse response, String method, String allowed, Endpoint endpoint)
      throws IOException {
    if (!allowed.equals(method)) {
      throw methodNotAllowed(response, allowed);
    }
    endpoint.run();
  }

  private static ApiException methodNotAllowed(HttpServletResponse response, String allow) {
    response.setHeader("Allow", allow);
    return new ApiException(405, "method_not_allowed", "Use " + allow + ".");
  }

  private static void error(HttpServletResponse response, int status, String code, String message, Object extra)
      throws IOException {
    error(response, status, code, message, extra, Map.of());
  }

  private static void error(HttpServletResponse response, int status, String code, String message, Object extra,
      Map<String, Object> details) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", message);
    if (extra != null) {
      body.put("comment", extra);
    }
    body.putAll(details);
    Json.write(response, status, body);
  }

  @FunctionalInterface
  private interface Endpoint {
    void run() throws IOException;
  }
}
