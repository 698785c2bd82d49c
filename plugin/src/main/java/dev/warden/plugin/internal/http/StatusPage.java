package dev.warden.plugin.internal.http;

import dev.warden.plugin.store.CommentStatusView;
import dev.warden.plugin.store.HeldCommentStore;
import dev.warden.plugin.store.StoreException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commenter's status link, {@code GET <context>/warden/status/{token}}: whether the held or rejected comment
 * is pending, published or rejected, its reason code and when it was received and decided. JSON for clients that
 * ask for it ({@code {"status","reason","receivedAt","decidedAt"}}), else a text-only HTML page under {@code
 * default-src 'none'}. Never the comment's text, author or poster key: a link may be shared. An unknown or
 * malformed token gets 404; the store finds a comment by the token's hash only. Answered by the filter itself, so
 * it works wherever the filter is mapped to {@code /*}, whether installed by the initializer or in web.xml.
 * Thread-safe.
 */
public final class StatusPage {
  /** Where status links live, under the context path. */
  public static final String PATH = "/warden/status/";

  private static final Logger LOG = LoggerFactory.getLogger(StatusPage.class);
  private static final String HTML_CSP =
      "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  private static final Map<CommentStatusView.State, String> SENTENCES = Map.of(
      CommentStatusView.State.PENDING, "It is waiting for a moderator. Come back to this page later.",
      CommentStatusView.State.PUBLISHED, "A moderator approved it: it is published.",
      CommentStatusView.State.REJECTED, "It was not published.");

  private final HeldCommentStore store;
  private final Duration outageRetry;

  /** @param outageRetry {@code store.outage-retry}, for the {@code Retry-After} of a 503 during an outage */
  public StatusPage(HeldCommentStore store, Duration outageRetry) {
    this.store = store;
    this.outageRetry = outageRetry;
  }

  /** The status link of a token, under the context path. */
  static String link(String contextPath, String token) {
    return contextPath + PATH + token;
  }

  /** True if the request is for a status link; the filter answers it with {@link #handle}. */
  public boolean matches(HttpServletRequest request) {
    return pathInContext(request).startsWith(PATH);
  }

  /** Answers a request for a status link. Never throws for a reader's request. */
  public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Robots-Tag", "noindex");
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      response.setHeader("Allow", "GET, HEAD");
      ModerationResponses.error(response, 405, "method_not_allowed", "use GET");
      return;
    }
    Optional<CommentStatusView> view;
    try {
      view = store.findByStatusToken(pathInContext(request).substring(PATH.length()));
    } catch (StoreException e) {
      LOG.warn("Store unavailable for a status link: {}", e.toString());
      ModerationResponses.unavailable(response, "store_unavailable", "the status cannot be read right now",
          ModerationResponses.storeRetryAfter(e, outageRetry));
      return;
    }
    boolean json = ModerationResponses.wantsJson(request);
    if (view.isEmpty()) {
      if (json) {
        ModerationResponses.error(response, 404, "not_found", "no comment has this status link");
      } else {
        html(response, 404, page("Status link not found",
            "<p>No comment has this status link. Check that the whole link was copied.</p>"));
      }
      return;
    }
    if (json) {
      ModerationResponses.json(response, 200, body(view.get()));
    } else {
      html(response, 200, page("Your comment is " + view.get().state().wireName(), details(view.get())));
    }
  }

  private static Map<String, Object> body(CommentStatusView view) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", view.state().wireName());
    body.put("reason", view.reason());
    body.put("receivedAt", text(view.receivedAt()));
    body.put("decidedAt", text(view.decidedAt()));
    return body;
  }

  private static String details(CommentStatusView view) {
    StringBuilder html = new StringBuilder("<p>").append(escape(SENTENCES.get(view.state()))).append("</p><dl>");
    if (view.reason() != null) {
      html.append("<dt>Reason</dt><dd>").append(escape(view.reason())).append("</dd>");
    }
    html.append("<dt>Received</dt><dd>").append(escape(text(view.receivedAt()))).append("</dd>");
    if (view.decidedAt() != null) {
      html.append("<dt>Decided</dt><dd>").append(escape(text(view.decidedAt()))).append("</dd>");
    }
    return html.append("</dl>").toString();
  }

  /** A minimal page: no scripts, styles, images or links, so the strictest policy fits. */
  private static String page(String title, String body) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<meta name=\"robots\" content=\"noindex\"><title>" + escape(title) + "</title></head><body><h1>"
        + escape(title) + "</h1>" + body + "</body></html>";
  }

  private static void html(HttpServletResponse response, int status, String page) throws IOException {
    byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("text/html");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Content-Security-Policy", HTML_CSP);
    response.setHeader("X-Frame-Options", "DENY");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  private static String pathInContext(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context.isEmpty() || !uri.startsWith(context) ? uri : uri.substring(context.length());
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
