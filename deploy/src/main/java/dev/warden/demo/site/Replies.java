package dev.warden.demo.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes complete responses with an exact Content-Length. Stateless and thread-safe. */
final class Replies {
  static final ObjectMapper JSON = new ObjectMapper();

  private Replies() {}

  static void html(HttpServletResponse resp, int status, String html) throws IOException {
    write(resp, status, "text/html;charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  static void json(HttpServletResponse resp, int status, Object value) throws IOException {
    write(resp, status, "application/json", JSON.writeValueAsBytes(value));
  }

  static void jsonError(HttpServletResponse resp, int status, String code, String message) throws IOException {
    json(resp, status, Map.of("error", code, "message", message));
  }

  static void write(HttpServletResponse resp, int status, String contentType, byte[] body) throws IOException {
    resp.setStatus(status);
    resp.setContentType(contentType);
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }
}
