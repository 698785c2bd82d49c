package dev.warden.demo.site;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /site.css}: the site's stylesheet, served from the jar. */
final class StylesheetServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final byte[] css;

  StylesheetServlet() {
    try (InputStream in = StylesheetServlet.class.getResourceAsStream("site.css")) {
      if (in == null) {
        throw new IllegalStateException("site.css is missing from the jar");
      }
      css = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setHeader("Cache-Control", "public, max-age=3600");
    Replies.write(resp, 200, "text/css;charset=utf-8", css);
  }
}
