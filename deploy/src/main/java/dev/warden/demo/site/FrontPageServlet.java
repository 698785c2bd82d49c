package dev.warden.demo.site;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /}: the list of articles. Mapped as the default servlet, so it also answers 404 for unknown paths. */
final class FrontPageServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final Newsroom newsroom;

  FrontPageServlet(Newsroom newsroom) {
    this.newsroom = newsroom;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Pages pages = new Pages(req.getContextPath());
    if ("/".equals(req.getServletPath()) && req.getPathInfo() == null) {
      Replies.html(resp, 200, pages.frontPage(newsroom.articles()));
    } else {
      Replies.html(resp, 404, pages.notFound());
    }
  }
}
