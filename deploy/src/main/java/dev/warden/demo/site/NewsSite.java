package dev.warden.demo.site;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import jakarta.servlet.ServletContext;

/**
 * The demo news site: its servlets and its comment log. {@link #install} adds it to a servlet context through the
 * plain Servlet API, so the same wiring serves the embedded Jetty demo and the WAR ({@link NewsSiteListener});
 * the site keeps its comments in {@code <dataDir>/site/comments.jsonl}. Thread-safe once installed.
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

  /**
   * Maps the site's servlets into a context: {@code /}, {@code /site.css} and {@code /articles/*}. Must be called
   * while the context starts (from a ServletContainerInitializer or a listener declared in web.xml).
   */
  public void install(ServletContext context) {
    CommentEndpoint endpoint = new CommentEndpoint(comments);
    context.addServlet("front-page", new FrontPageServlet(newsroom)).addMapping("/");
    context.addServlet("stylesheet", new StylesheetServlet()).addMapping("/site.css");
    context.addServlet("articles", new ArticleServlet(newsroom, comments, endpoint)).addMapping("/articles/*");
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
