package dev.warden.demo.site;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Renders the site's HTML pages. Stateless and thread-safe; all text is escaped here. */
final class Pages {
  static final String SITE_NAME = "The Meridian Courier";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final String base;

  /** @param contextPath the servlet context path, prefixed to every link */
  Pages(String contextPath) {
    this.base = contextPath;
  }

  String frontPage(List<Article> articles) {
    StringBuilder body = new StringBuilder("<main class=\"front\">\n<h1 class=\"visually-hidden\">Top stories</h1>\n");
    for (Article a : articles) {
      body.append("<article class=\"teaser\">\n")
          .append("<p class=\"section\">").append(Html.escape(a.section())).append("</p>\n")
          .append("<h2><a href=\"").append(Html.escape(articleUrl(a))).append("\">")
          .append(Html.escape(a.title())).append("</a></h2>\n")
          .append("<p class=\"standfirst\">").append(Html.escape(a.standfirst())).append("</p>\n")
          .append("<p class=\"dateline\">").append(Html.escape(DAY.format(a.published()))).append("</p>\n")
          .append("</article>\n");
    }
    body.append("</main>\n");
    return layout(SITE_NAME, body.toString());
  }

  /** The article page; {@code statusLink}, if not null, is where the reader can follow a held comment. */
  String articlePage(Article a, List<Comment> comments, String notice, String statusLink) {
    StringBuilder body = new StringBuilder("<main class=\"story\">\n<article>\n");
    body.append("<p class=\"section\">").append(Html.escape(a.section())).append("</p>\n")
        .append("<h1>").append(Html.escape(a.title())).append("</h1>\n")
        .append("<p class=\"standfirst\">").append(Html.escape(a.standfirst())).append("</p>\n")
        .append("<p class=\"dateline\">").append(Html.escape(DAY.format(a.published()))).append("</p>\n");
    for (String paragraph : a.paragraphs()) {
      body.append("<p>").append(Html.escape(paragraph)).append("</p>\n");
    }
    body.append("</article>\n");
    appendComments(body, a, comments, notice, statusLink);
    body.append("</main>\n");
    return layout(a.title() + " — " + SITE_NAME, body.toString());
  }

  String notFound() {
    return layout("Not found — " + SITE_NAME,
        "<main class=\"story\">\n<h1>Page not found</h1>\n<p><a href=\"" + Html.escape(base + "/")
            + "\">Back to the front page</a></p>\n</main>\n");
  }

  private void appendComments(StringBuilder body, Article a, List<Comment> comments, String notice,
      String statusLink) {
    body.append("<section class=\"comments\" id=\"comments\">\n<h2>Comments (").append(comments.size())
        .append(")</h2>\n");
    if (notice != null) {
      body.append("<p class=\"notice\" role=\"status\">").append(Html.escape(notice)).append("</p>\n");
    }
    if (statusLink != null) {
      body.append("<p class=\"notice status-link\">Keep this link to see whether your comment is published: <a href=\"")
          .append(Html.escape(statusLink)).append("\" rel=\"nofollow noreferrer\" id=\"comment-status\">")
          .append(Html.escape(statusLink)).append("</a></p>\n");
    }
    body.append("<ol class=\"comment-list\">\n");
    for (Comment c : comments) {
      String author = c.author().isBlank() ? "Anonymous" : c.author();
      body.append("<li class=\"comment\" id=\"").append(Html.escape(c.id())).append("\">\n")
          .append("<p class=\"meta\"><strong>").append(Html.escape(author)).append("</strong> · ")
          .append(Html.escape(STAMP.format(c.postedAt()))).append("</p>\n")
          .append("<p class=\"text\">").append(Html.escape(c.text())).append("</p>\n</li>\n");
    }
    body.append("</ol>\n");
    body.append("<form class=\"comment-form\" method=\"post\" action=\"")
        .append(Html.escape(articleUrl(a) + "/comments")).append("\">\n")
        .append("<h3>Join the discussion</h3>\n")
        .append("<label for=\"author\">Name</label>\n")
        .append("<input id=\"author\" name=\"author\" maxlength=\"80\" autocomplete=\"nickname\">\n")
        .append("<label for=\"text\">Comment</label>\n")
        .append("<textarea id=\"text\" name=\"text\" rows=\"5\" required maxlength=\"")
        .append(CommentEndpoint.MAX_TEXT_CHARS).append("\"></textarea>\n")
        .append("<button type=\"submit\">Post comment</button>\n</form>\n</section>\n");
  }

  private String articleUrl(Article a) {
    return base + "/articles/" + a.slug();
  }

  private String layout(String title, String main) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>" + Html.escape(title) + "</title>\n"
        + "<link rel=\"stylesheet\" href=\"" + Html.escape(base + "/site.css") + "\">\n</head>\n<body>\n"
        + "<header class=\"masthead\"><a href=\"" + Html.escape(base + "/") + "\">" + SITE_NAME + "</a>"
        + "<p>A demo news site</p></header>\n"
        + main
        + "<footer><p>" + SITE_NAME + " is a demo site. Its articles were written for the demo.</p></footer>\n"
        + "</body>\n</html>\n";
  }
}
