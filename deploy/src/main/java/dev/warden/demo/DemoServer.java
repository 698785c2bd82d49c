package dev.warden.demo;

import dev.warden.admin.PasswordHasher;
import dev.warden.demo.site.NewsSite;
import jakarta.servlet.ServletContainerInitializer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo news site on embedded Jetty, with Warden installed by configuration only: the server writes
 * {@code <data-dir>/warden.yaml}, names it in the context init-parameter {@code warden.config}, and adds every
 * {@link ServletContainerInitializer} on the class path to the context, as a container does for the jars in
 * {@code WEB-INF/lib}. With {@code warden=false} no config is written, so the initializers install nothing.
 *
 * <p>Thread-safe: {@link #stop} may be called from a shutdown hook.
 */
public final class DemoServer implements AutoCloseable {
  /** The context init-parameter (and system property) that names the Warden config file. */
  public static final String CONFIG_PARAMETER = "warden.config";
  /** The environment variable with the demo moderator's password. */
  public static final String PASSWORD_ENV = "WARDEN_DEMO_PASSWORD";
  /** The demo moderator's user name. */
  public static final String MODERATOR = "moderator";

  private static final Logger LOG = LoggerFactory.getLogger(DemoServer.class);

  private final Server server;
  private final NewsSite site;
  private final DemoOptions options;
  private final int port;
  private final String moderatorPassword;
  private final List<String> initializers;

  private DemoServer(Server server, NewsSite site, DemoOptions options, int port, String moderatorPassword,
      List<String> initializers) {
    this.server = server;
    this.site = site;
    this.options = options;
    this.port = port;
    this.moderatorPassword = moderatorPassword;
    this.initializers = List.copyOf(initializers);
  }

  /** Starts the demo and returns once it accepts requests. */
  public static DemoServer start(DemoOptions options) throws Exception {
    Files.createDirectories(options.dataDir());
    Server server = new Server(new QueuedThreadPool(64, 4, 60_000));
    ServerConnector connector = connector(server, options);
    connector.open(); // bind first: with --port 0 the release target needs the real port
    int port = connector.getLocalPort();
    NewsSite site = NewsSite.open(options.dataDir(), Clock.systemUTC());
    try {
      ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.SESSIONS);
      // Container defaults a production setup would also choose: session cookies hidden from scripts.
      context.getSessionHandler().setHttpOnly(true);
      context.getSessionHandler().setSameSite(HttpCookie.SameSite.STRICT);
      // The same Servlet API wiring the WAR's NewsSiteListener uses, run while the context starts.
      context.addServletContainerInitializer((classes, servletContext) -> site.install(servletContext));
      String password = options.warden() ? moderatorPassword(options) : null;
      if (password != null) {
        context.setInitParameter(CONFIG_PARAMETER, writeWardenConfig(options, port, password).toString());
      }
      List<String> initializers = addContainerInitializers(context);
      server.setHandler(context);
      server.setStopTimeout(5_000);
      server.start();
      if (!context.isAvailable()) {
        throw new IllegalStateException("the site's context failed to start; see the log above");
      }
      LOG.info("Demo started on port {} (warden={}, initializers={})", port, options.warden(), initializers);
      return new DemoServer(server, site, options, port, password, initializers);
    } catch (Exception | Error e) {
      server.stop();
      site.close();
      throw e;
    }
  }

  /** The bound port. */
  public int port() {
    return port;
  }

  /** The base URL a browser on this machine uses, e.g. {@code http://127.0.0.1:8080}. */
  public URI baseUri() {
    return URI.create("http://" + uriHost(localHost(options.host())) + ":" + port);
  }

  /** The moderator's password, or null when Warden is off. */
  public String moderatorPassword() {
    return moderatorPassword;
  }

  /** True if this server was started with a Warden config. */
  public boolean wardenEnabled() {
    return options.warden();
  }

  /** The class names of the servlet container initializers added to the context. */
  public List<String> initializers() {
    return initializers;
  }

  /** Stops the server (letting requests in flight finish) and closes the site's comment log. Idempotent. */
  public synchronized void stop() throws Exception {
    if (server.isStopped()) {
      return;
    }
    try {
      server.stop();
    } finally {
      site.close();
    }
    LOG.info("Demo on port {} stopped", port);
  }

  /** Blocks until the server has stopped. */
  public void join() throws InterruptedException {
    server.join();
  }

  /** Like {@link #stop}, with failures unchecked (for try-with-resources). */
  @Override
  public void close() {
    try {
      stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping the demo", e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("the demo did not stop cleanly", e);
    }
  }

  private static ServerConnector connector(Server server, DemoOptions options) {
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(options.host());
    connector.setPort(options.port());
    server.addConnector(connector);
    return connector;
  }

  private static String moderatorPassword(DemoOptions options) {
    if (options.moderatorPassword() != null) {
      return options.moderatorPassword();
    }
    String fromEnv = passwordFromEnvironment();
    return fromEnv != null ? fromEnv : new DemoWardenConfig(new SecureRandom()).randomPassword();
  }

  /** The password in {@value #PASSWORD_ENV}, or null if it is unset or blank. */
  static String passwordFromEnvironment() {
    String fromEnv = System.getenv(PASSWORD_ENV);
    return fromEnv == null || fromEnv.isBlank() ? null : fromEnv;
  }

  private static Path writeWardenConfig(DemoOptions options, int port, String password) throws IOException {
    String hash = PasswordHasher.hash(password.toCharArray());
    URI target = options.releaseTarget() != null ? options.releaseTarget()
        : URI.create("http://" + uriHost(localHost(options.host())) + ":" + port);
    return new DemoWardenConfig(new SecureRandom())
        .write(options.dataDir(), options.storeUrl(), target, options.releaseLeaseOrDefault(), hash,
            options.wardenOverrides());
  }

  /** What a container does with the jars in WEB-INF/lib: runs every initializer they declare. */
  private static List<String> addContainerInitializers(ServletContextHandler context) {
    List<String> names = new ArrayList<>();
    for (ServletContainerInitializer sci : ServiceLoader.load(ServletContainerInitializer.class)) {
      context.addServletContainerInitializer(sci);
      names.add(sci.getClass().getName());
    }
    return names;
  }

  /** A wildcard bind is reached on loopback. */
  private static String localHost(String host) {
    return "0.0.0.0".equals(host) || "::".equals(host) || "[::]".equals(host) ? "127.0.0.1" : host;
  }

  private static String uriHost(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
