package dev.warden.admin;

import static dev.warden.admin.AdminServer.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.admin.internal.AdminInstaller;
import dev.warden.admin.internal.AdminServices;
import dev.warden.plugin.Warden;
import dev.warden.plugin.WardenConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin session cookie and session life over real HTTP, behind a TLS-terminating proxy as in production: Jetty
 * believes {@code X-Forwarded-Proto} ({@link ForwardedRequestCustomizer}), so a request the proxy received over
 * HTTPS is secure. The cookie is {@code Secure} exactly then, and always {@code HttpOnly} and
 * {@code SameSite=Strict}; an idle session ends after {@code admin.session-timeout} (1 s here); failed logins are
 * logged.
 */
class AdminSessionSecurityTest {
  @TempDir static Path dataDir;
  static Warden warden;
  static Server server;
  static URI base;

  @BeforeAll
  static void start() throws Exception {
    warden = Warden.start(WardenConfig.parse(AdminServer.yaml(dataDir).replace("session-timeout: 30m",
        "session-timeout: 1s")));
    server = new Server();
    HttpConfiguration http = new HttpConfiguration();
    http.addCustomizer(new ForwardedRequestCustomizer());
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
    context.addServletContainerInitializer((classes, ctx) -> AdminInstaller.install(ctx,
        c -> AdminServices.from(warden)));
    server.setHandler(context);
    server.start();
    base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      server.stop();
    } finally {
      warden.close();
    }
  }

  private static HttpResponse<String> login(Http http, String... headers) throws Exception {
    String body = Http.JSON.createObjectNode().put("username", "moderator").put("password", PASSWORD).toString();
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type";
    all[1] = "application/json";
    System.arraycopy(headers, 0, all, 2, headers.length);
    return http.post("/warden/api/login", body, all);
  }

  @Test
  void overHttpsTheSessionCookieIsSecureHttpOnlyAndStrict() throws Exception {
    HttpResponse<String> response = login(new Http(base), "X-Forwarded-Proto", "https");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.sessionSetCookie(response).orElseThrow()).containsIgnoringCase("; Secure")
        .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
  }

  @Test
  void overPlainHttpTheCookieIsNotSecureSoThatLocalhostWorks() throws Exception {
    HttpResponse<String> response = login(new Http(base));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.sessionSetCookie(response).orElseThrow()).doesNotContainIgnoringCase("Secure")
        .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
  }

  @Test
  void anIdleSessionEndsAfterTheSessionTimeout() throws Exception {
    Http http = new Http(base);
    assertThat(login(http).statusCode()).isEqualTo(200);
    assertThat(http.get("/warden/api/session").statusCode()).isEqualTo(200);

    Thread.sleep(2_100);

    assertThat(http.get("/warden/api/session").statusCode()).isEqualTo(401);
  }

  @Test
  void aFailedLoginIsLoggedWithTheUserAndAddress() throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertThat(new Http(base).login("moderator", "wrong password").statusCode()).isEqualTo(401);
    } finally {
      System.setErr(original);
    }

    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains("WARN").contains("Admin login failed: user 'moderator' from 127.0.0.1");
  }
}
