package dev.warden.admin;

import dev.warden.admin.internal.AdminInstaller;
import dev.warden.admin.internal.AdminServices;
import dev.warden.plugin.AdminConfig;
import dev.warden.plugin.StoreConfig;
import dev.warden.plugin.internal.store.JdbcCommentStore;
import dev.warden.plugin.store.ArticleRegistry;
import dev.warden.plugin.store.Decision;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.HeldCommentStore;
import dev.warden.plugin.store.NewComment;
import dev.warden.plugin.store.Submission;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * An embedded Jetty on 127.0.0.1 with the admin servlets installed the way the initializer installs them, over a
 * real H2 store in a temporary directory.
 */
final class AdminServer implements AutoCloseable {
  static final String PASSWORD = "correct horse battery staple";
  static final String API_TOKEN = "cms-token-0123456789abcdef";
  /** One hash for every test user: PBKDF2 at 210000 iterations is deliberately slow. */
  static final String HASH = PasswordHasher.hash(PASSWORD.toCharArray());

  final HeldCommentStore comments;
  final ArticleRegistry articles;
  final AtomicInteger wakes = new AtomicInteger();
  final URI base;
  private final JdbcCommentStore store;
  private final Server server;

  private AdminServer(JdbcCommentStore store, Server server, URI base) {
    this.store = store;
    this.comments = store;
    this.articles = store.articles();
    this.server = server;
    this.base = base;
  }

  static AdminServer start(Path dataDir) throws Exception {
    Clock clock = Clock.systemUTC();
    JdbcCommentStore store = JdbcCommentStore.open(
        new StoreConfig("jdbc:h2:file:" + dataDir.resolve("warden").toAbsolutePath(), "", "", 4), clock);
    AdminConfig admin = new AdminConfig("builtin", Duration.ofMinutes(30), List.of(
        new AdminConfig.AdminUser("moderator", List.of("moderator"), HASH),
        new AdminConfig.AdminUser("publisher", List.of("publisher"), HASH),
        new AdminConfig.AdminUser("chief", List.of("admin"), HASH)), API_TOKEN);
    AtomicInteger wakes = new AtomicInteger();
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
    context.setContextPath("/");
    AdminServer[] self = new AdminServer[1];
    context.addServletContainerInitializer((classes, ctx) -> AdminInstaller.install(ctx,
        c -> new AdminServices(store, store.articles(), admin, () -> self[0].wakes.incrementAndGet(), clock)));
    server.setHandler(context);
    server.start();
    self[0] = new AdminServer(store, server, URI.create("http://127.0.0.1:" + connector.getLocalPort()));
    return self[0];
  }

  /** Stores a held comment as the filter would. */
  HeldComment hold(String article, String text) {
    byte[] body = ("author=Olena&text=" + text).getBytes(StandardCharsets.UTF_8);
    Submission submission = new Submission("POST", "/articles/" + article + "/comments",
        "application/x-www-form-urlencoded; charset=UTF-8", body);
    return comments.save(new NewComment(article, "ip:203.0.113.7", "Olena", text, submission,
        Map.of("abuse", 0.93, "disinformation", 0.125),
        Map.of("model", "test", "policy", "conflict", "threshold", 0.5,
            "terms", Map.of("abuse", List.of(Map.of("text", "idiot", "weight", 1.5)))),
        Decision.HOLD, "abuse", Instant.now()));
  }

  @Override
  public void close() throws Exception {
    server.stop();
    store.close();
  }
}
