package dev.warden.admin;

import dev.warden.plugin.ModerationFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import dev.warden.admin.internal.AdminInstaller;
import dev.warden.admin.internal.AdminServices;
import dev.warden.plugin.Warden;
import dev.warden.plugin.WardenConfig;
import dev.warden.plugin.store.ArticleRegistry;
import dev.warden.plugin.store.Decision;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.HeldCommentStore;
import dev.warden.plugin.store.NewComment;
import dev.warden.plugin.store.Submission;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * An embedded Jetty on 127.0.0.1 with the admin servlets installed the way the initializer installs them, over a
 * real Warden runtime ({@code Warden.start(WardenConfig.parse(yaml))}, H2 store in a temporary directory).
 */
final class AdminServer implements AutoCloseable {
  static final String PASSWORD = "correct horse battery staple";
  static final String API_TOKEN = "cms-token-0123456789abcdef";
  /** One hash for every test user: PBKDF2 at 210000 iterations is deliberately slow. */
  static final String HASH = PasswordHasher.hash(PASSWORD.toCharArray());

  final Warden warden;
  final HeldCommentStore comments;
  final ArticleRegistry articles;
  final AtomicInteger wakes;
  final URI base;
  private final Server server;

  private AdminServer(Warden warden, AtomicInteger wakes, Server server, URI base) {
    this.warden = warden;
    this.comments = warden.comments();
    this.articles = warden.articles();
    this.wakes = wakes;
    this.server = server;
    this.base = base;
  }

  /** The warden.yaml of the tests: three users, a CMS token, a release target nobody listens on. */
  static String yaml(Path dataDir) {
    return """
        data-dir: "%s"
        release:
          target: http://127.0.0.1:9
          secret: "0123456789abcdef0123456789abcdef"
          poll-interval: 1h
        admin:
          auth: builtin
          session-timeout: 30m
          api-token: "%s"
          users:
            - name: moderator
              roles: [moderator]
              password-hash: "%s"
            - name: publisher
              roles: [publisher]
              password-hash: "%s"
            - name: chief
              roles: [admin]
              password-hash: "%s"
        """.formatted(dataDir.toAbsolutePath(), API_TOKEN, HASH, HASH, HASH);
  }

  static AdminServer start(Path dataDir) throws Exception {
    return start(yaml(dataDir), context -> { });
  }

  /**
   * Starts with a given warden.yaml, the Warden's moderation filter and a site servlet at {@code /articles/*} that
   * accepts every comment the filter lets through (201).
   */
  static AdminServer startWithSite(String yaml) throws Exception {
    return start(yaml, (warden, context) -> {
      context.addFilter(new FilterHolder(new ModerationFilter(warden)), "/*", EnumSet.of(DispatcherType.REQUEST));
      context.addServlet(new ServletHolder(new AcceptingSite()), "/articles/*");
    });
  }

  /** The site's comment servlet: accepts everything Warden lets through. */
  static final class AcceptingSite extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
      response.setStatus(201);
    }
  }

  /** Starts with a given warden.yaml; {@code customizer} may add e.g. a security handler to the context. */
  static AdminServer start(String yaml, Consumer<ServletContextHandler> customizer) throws Exception {
    return start(yaml, (warden, context) -> customizer.accept(context));
  }

  /** Starts with a given warden.yaml; {@code customizer} may add e.g. the moderation filter of the Warden. */
  static AdminServer start(String yaml, BiConsumer<Warden, ServletContextHandler> customizer) throws Exception {
    Warden warden = Warden.start(WardenConfig.parse(yaml));
    AtomicInteger wakes = new AtomicInteger();
    AdminServices services = AdminServices.from(warden);
    AdminServices counted = new AdminServices(services.comments(), services.articles(), services.admin(), () -> {
      wakes.incrementAndGet();
      services.wakeReleaser().run();
    }, services.clock(), services.throttle(), services.suspensions(), services.audit(), services.notes(),
        services.policies(), services.samples(), services.narratives(), services.views(), services.stats(),
        services.articlePaths(), services.models(), services.posterData());
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
    context.setContextPath("/");
    context.addServletContainerInitializer((classes, ctx) -> AdminInstaller.install(ctx, c -> counted));
    customizer.accept(warden, context);
    server.setHandler(context);
    try {
      server.start();
    } catch (Exception e) {
      warden.close();
      throw e;
    }
    return new AdminServer(warden, wakes, server, URI.create("http://127.0.0.1:" + connector.getLocalPort()));
  }

  /** Stores a held comment as the filter would. */
  HeldComment hold(String article, String text) {
    byte[] body = ("author=Olena&text=" + text).getBytes(StandardCharsets.UTF_8);
    Submission submission = new Submission("POST", "/articles/" + article + "/comments",
        "application/x-www-form-urlencoded; charset=UTF-8", body);
    return comments.save(new NewComment(article, "ip:203.0.113.7", "Olena", text, submission,
        Map.of("abuse", 0.93, "disinformation", 0.125),
        Map.of("model", "test", "policy", "conflict",
            "thresholds", Map.of("abuse", Map.of("hold", 0.5), "disinformation", Map.of("hold", 0.5)),
            "terms", Map.of("abuse", List.of(Map.of("text", "idiot", "weight", 1.5)))),
        Decision.HOLD, "abuse", Instant.now()));
  }

  /**
   * Stores a comment held as the plugin holds one from a full verdict: kind scores, terms with spans, language,
   * flags and narratives (one with a debunk link, one whose "link" is a script).
   */
  HeldComment holdWithVerdict(String article, String text, String reason, Map<String, Double> scores,
      Map<String, Object> explanationExtras) {
    Submission submission = new Submission("POST", "/articles/" + article + "/comments", "application/json",
        "{}".getBytes(StandardCharsets.UTF_8));
    Map<String, Object> explanation = new java.util.HashMap<>(Map.of("model", "test", "policy", "conflict",
        "thresholds", Map.of("abuse", Map.of("hold", 0.5), "disinformation", Map.of("hold", 0.5),
            "threat", Map.of("hold", 0.5))));
    explanation.putAll(explanationExtras);
    return comments.save(new NewComment(article, "ip:203.0.113.7", "Olena", text, submission, scores, explanation,
        Decision.HOLD, reason, Instant.now()));
  }

  @Override
  public void close() throws Exception {
    try {
      server.stop();
    } finally {
      warden.close();
    }
  }
}
