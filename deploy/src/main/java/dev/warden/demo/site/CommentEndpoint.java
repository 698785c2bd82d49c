package dev.warden.demo.site;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /articles/{slug}/comments}: {@code POST} stores a comment from a form ({@code author}, {@code text};
 * answered with 303 back to the article) or from JSON ({@code {"author","text"}}; answered with 201 and the
 * stored comment); {@code GET} lists the article's comments as JSON. Thread-safe.
 */
final class CommentEndpoint {
  /** The longest comment text the site accepts, in characters. */
  static final int MAX_TEXT_CHARS = 10_000;
  static final int MAX_AUTHOR_CHARS = 80;
  private static final int MAX_BODY_BYTES = 128 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(CommentEndpoint.class);

  private final CommentLog comments;

  CommentEndpoint(CommentLog comments) {
    this.comments = comments;
  }

  void handle(Article article, HttpServletRequest req, HttpServletResponse resp) throws IOException {
    switch (req.getMethod()) {
      case "GET" -> list(article, resp);
      case "POST" -> post(article, req, resp);
      default -> {
        resp.setHeader("Allow", "GET, POST");
        Replies.jsonError(resp, 405, "method_not_allowed", "use GET or POST");
      }
    }
  }

  private void list(Article article, HttpServletResponse resp) throws IOException {
    List<Map<String, Object>> list = comments.forArticle(article.slug()).stream().map(CommentLog::toMap).toList();
    Replies.json(resp, 200, list);
  }

  private void post(Article article, HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (req.getContentLengthLong() > MAX_BODY_BYTES) {
      Replies.jsonError(resp, 413, "too_large", "the comment is too large");
      return;
    }
    boolean json = isJson(req.getContentType());
    Input input;
    try {
      input = json ? readJson(req) : readForm(req);
    } catch (BadInput e) {
      Replies.jsonError(resp, e.status, e.code, e.getMessage());
      return;
    }
    String problem = validate(input);
    if (problem != null) {
      Replies.jsonError(resp, 400, "invalid_comment", problem);
      return;
    }
    Comment stored = comments.append(article.slug(), input.author().strip(), input.text().strip());
    LOG.info("Stored comment {} on {}", stored.id(), article.slug());
    if (json) {
      resp.setHeader("Location", req.getContextPath() + "/articles/" + article.slug() + "#" + stored.id());
      Replies.json(resp, 201, CommentLog.toMap(stored));
    } else {
      resp.setStatus(303);
      resp.setHeader("Location", req.getContextPath() + "/articles/" + article.slug() + "#" + stored.id());
      resp.setContentLength(0);
    }
  }

  private static String validate(Input input) {
    if (input.text() == null || input.text().isBlank()) {
      return "the comment text is empty";
    }
    if (input.text().length() > MAX_TEXT_CHARS) {
      return "the comment is longer than " + MAX_TEXT_CHARS + " characters";
    }
    if (input.author() != null && input.author().length() > MAX_AUTHOR_CHARS) {
      return "the name is longer than " + MAX_AUTHOR_CHARS + " characters";
    }
    return null;
  }

  private static boolean isJson(String contentType) {
    return contentType != null && contentType.toLowerCase().startsWith("application/json");
  }

  private static Input readForm(HttpServletRequest req) throws BadInput {
    String type = req.getContentType();
    if (type == null || !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      throw new BadInput(415, "unsupported_media_type", "post a form or JSON");
    }
    return new Input(nullToEmpty(req.getParameter("author")), req.getParameter("text"));
  }

  private static Input readJson(HttpServletRequest req) throws IOException, BadInput {
    byte[] body;
    try (InputStream in = req.getInputStream()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      throw new BadInput(413, "too_large", "the comment is too large");
    }
    JsonNode node;
    try {
      node = Replies.JSON.readTree(body);
    } catch (IOException | UncheckedIOException e) {
      throw new BadInput(400, "malformed_json", "the body is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw new BadInput(400, "malformed_json", "the body must be a JSON object");
    }
    JsonNode text = node.get("text");
    JsonNode author = node.get("author");
    return new Input(author != null && author.isTextual() ? author.asText() : "",
        text != null && text.isTextual() ? text.asText() : null);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private record Input(String author, String text) {}

  /** A request the site cannot take, with the status and error code to answer. */
  private static final class BadInput extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;

    BadInput(int status, String code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }
}
