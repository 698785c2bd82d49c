package dev.warden.demo.site;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * The demo news site: its servlets and its comment log. {@link #install} adds it to a servlet context; the site
 * keeps its comments in {@code <dataDir>/site/comments.jsonl}. Thread-safe once installed.
 */
public final class NewsSite implements AutoCloseable {
  private final Newsroom newsroom;
  private final CommentLog comments;

  private NewsSite(Newsroom newsroom, CommentLog comments) {
    this.newsroom = newsroom;
    this.comments = comments;
  }

  /** Opens the site's comment log under {@code dataDir}. */
  public static NewsSite open(Path dataDir, Clock clock) throws IOException {
    return new NewsSite(Newsroom.demo(), CommentLog.open(dataDir.resolve("site").resolve("comments.jsonl"), clock));
  }

  /** Maps the site's servlets into a context: {@code /}, {@code /site.css} and {@code /articles/*}. */
  public void install(ServletContextHandler context) {
    CommentEndpoint endpoint = new CommentEndpoint(comments);
    context.addServlet(new ServletHolder("front-page", new FrontPageServlet(newsroom)), "/");
    context.addServlet(new ServletHolder("stylesheet", new StylesheetServlet()), "/site.css");
    context.addServlet(new ServletHolder("articles", new ArticleServlet(newsroom, comments, endpoint)), "/articles/*");
  }

  /** The site's articles. */
  public Newsroom newsroom() {
    return newsroom;
  }

  @Override
  public void close() throws IOException {
    comments.close();
  }
}
