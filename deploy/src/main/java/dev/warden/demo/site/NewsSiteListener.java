package dev.warden.demo.site;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the demo site inside a servlet container (the WAR's {@code WEB-INF/web.xml} declares it): opens the site
 * when the web application starts, installs its servlets with {@link NewsSite#install}, and closes the comment
 * log when it stops. The data directory is the context init-parameter {@value #DATA_DIR_PARAMETER}, else the
 * system property of the same name; without either the application fails to start rather than guess a place
 * for readers' comments.
 *
 * <p>Warden is not wired here: its jars in {@code WEB-INF/lib} install themselves when a warden.yaml is named.
 */
public final class NewsSiteListener implements ServletContextListener {
  /** The context init-parameter (or system property) naming the site's data directory. */
  public static final String DATA_DIR_PARAMETER = "demo.data-dir";

  private static final Logger LOG = LoggerFactory.getLogger(NewsSiteListener.class);
  private static final String ATTRIBUTE = NewsSite.class.getName();

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    Path dataDir = dataDir(context);
    NewsSite site;
    try {
      site = NewsSite.open(dataDir, Clock.systemUTC());
    } catch (IOException e) {
      throw new UncheckedIOException("the demo site cannot open its data directory " + dataDir, e);
    }
    site.install(context);
    context.setAttribute(ATTRIBUTE, site);
    LOG.info("Demo news site installed in context '{}' (data in {})", context.getContextPath(), dataDir);
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    if (event.getServletContext().getAttribute(ATTRIBUTE) instanceof NewsSite site) {
      try {
        site.close();
      } catch (IOException e) {
        LOG.warn("The demo site's comment log did not close cleanly", e);
      }
    }
  }

  static Path dataDir(ServletContext context) {
    String value = context.getInitParameter(DATA_DIR_PARAMETER);
    if (value == null || value.isBlank()) {
      value = System.getProperty(DATA_DIR_PARAMETER);
    }
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("the demo site needs a data directory: set the context parameter or"
          + " system property " + DATA_DIR_PARAMETER);
    }
    return Path.of(value.trim()).toAbsolutePath().normalize();
  }
}
