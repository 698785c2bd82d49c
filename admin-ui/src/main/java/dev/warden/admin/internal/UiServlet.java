package dev.warden.admin.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Serves the admin pages at {@code /warden/admin/*} from the jar: the queue ({@code index.html}), the audit
 * trail ({@code audit.html}), the stats ({@code stats.html}) and the publishers' console ({@code console.html}). Only a fixed set of files exists
 * (looked up by exact name in a map, never by building a path), so no request can reach anything else. Every
 * answer carries a strict Content-Security-Policy, {@code X-Frame-Options: DENY}, {@code Referrer-Policy: no-referrer} and
 * {@code nosniff}. {@code /warden/admin} (no slash) redirects to {@code /warden/admin/}.
 */
public final class UiServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  private static final String BASE = "/dev/warden/admin/static/";
  private static final Map<String, String> FILES = Map.ofEntries(
      Map.entry("/", "index.html"),
      Map.entry("/index.html", "index.html"),
      Map.entry("/api.js", "api.js"),
      Map.entry("/app.js", "app.js"),
      Map.entry("/app.css", "app.css"),
      Map.entry("/audit.html", "audit.html"),
      Map.entry("/audit.js", "audit.js"),
      Map.entry("/audit.css", "audit.css"),
      Map.entry("/console.html", "console.html"),
      Map.entry("/console.js", "console.js"),
      Map.entry("/console.css", "console.css"),
      Map.entry("/stats.html", "stats.html"),
      Map.entry("/stats.js", "stats.js"));
  /** Content type by file extension; every served file has one of these. */
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html;charset=utf-8",
      "js", "text/javascript;charset=utf-8",
      "css", "text/css;charset=utf-8");

  private transient Map<String, byte[]> contents;

  @Override
  public void init() throws ServletException {
    Map<String, byte[]> loaded = new java.util.HashMap<>();
    for (String file : new java.util.HashSet<>(FILES.values())) {
      loaded.put(file, load(file));
    }
    contents = Map.copyOf(loaded);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setHeader("Content-Security-Policy", CSP);
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Content-Type-Options", "nosniff");
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      response.setHeader("Allow", "GET, HEAD");
      plain(response, 405, "Method not allowed");
      return;
    }
    String path = request.getPathInfo();
    if (path == null) {
      response.setHeader("Cache-Control", "no-store");
      response.sendRedirect(request.getContextPath() + request.getServletPath() + "/");
      return;
    }
    String file = FILES.get(path);
    if (file == null) {
      plain(response, 404, "Not found");
      return;
    }
    byte[] body = contents.get(file);
    response.setStatus(200);
    response.setContentType(TYPES.get(file.substring(file.lastIndexOf('.') + 1)));
    // Revalidate every time: the UI must change together with the API after an upgrade.
    response.setHeader("Cache-Control", "no-cache");
    response.setContentLength(body.length);
    if ("GET".equals(method)) {
      response.getOutputStream().write(body);
    }
  }

  private static void plain(HttpServletResponse response, int status, String text) throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain;charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(text);
  }

  private static byte[] load(String name) {
    try (InputStream in = UiServlet.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("admin UI resource missing from the jar: " + BASE + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
