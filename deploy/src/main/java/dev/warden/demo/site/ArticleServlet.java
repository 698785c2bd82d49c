package dev.warden.demo.site;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /articles/*}: {@code GET /articles/{slug}} renders the article with its comments and the comment form;
 * {@code /articles/{slug}/comments} is handed to the {@link CommentEndpoint}. After a held or rejected form post the
 * moderator in front of the site redirects here with {@code ?comment=pending|rejected}, and with {@code
 * &status=<token>} when it offers a status link: the page then links to {@code /warden/status/<token>}.
 */
final class ArticleServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Map<String, String> NOTICES = Map.of(
      "pending", "Thanks — your comment awaits moderation.",
      "rejected", "Sorry — your comment was not published because it breaks our community rules.");
  /** A status token as the moderator issues it (URL-safe base64); anything else is not linked. */
  private static final Pattern STATUS_TOKEN = Pattern.compile("[A-Za-z0-9_-]{22,128}");

  private final Newsroom newsroom;
  private final CommentLog comments;
  private final CommentEndpoint commentEndpoint;

  ArticleServlet(Newsroom newsroom, CommentLog comments, CommentEndpoint commentEndpoint) {
    this.newsroom = newsroom;
    this.comments = comments;
    this.commentEndpoint = commentEndpoint;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
    String[] parts = req.getPathInfo() == null ? new String[0] : req.getPathInfo().substring(1).split("/", -1);
    Optional<Article> article = parts.length >= 1 ? newsroom.find(parts[0]) : Optional.empty();
    if (article.isPresent() && parts.length == 2 && "comments".equals(parts[1])) {
      commentEndpoint.handle(article.get(), req, resp);
    } else if (article.isPresent() && parts.length == 1) {
      super.service(req, resp);
    } else {
      Replies.html(resp, 404, new Pages(req.getContextPath()).notFound());
    }
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Article article = newsroom.find(req.getPathInfo().substring(1)).orElseThrow();
    String status = req.getParameter("comment");
    String notice = status == null ? null : NOTICES.get(status);
    String token = notice == null ? null : req.getParameter("status");
    String statusLink = token != null && STATUS_TOKEN.matcher(token).matches()
        ? req.getContextPath() + "/warden/status/" + token : null;
    Replies.html(resp, 200, new Pages(req.getContextPath())
        .articlePage(article, comments.forArticle(article.slug()), notice, statusLink));
  }
}
