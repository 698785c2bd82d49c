package dev.warden.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.plugin.WardenInitializer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin UI installed the production way: the plugin's and the admin's ServletContainerInitializers. */
class AdminInitializerTest {
  @TempDir Path dir;

  @Test
  void aConfiguredContextGetsTheApiAndThePage() throws Exception {
    Path yaml = Files.writeString(dir.resolve("warden.yaml"), AdminServer.yaml(dir));
    Server server = start(yaml);
    try {
      URI base = server.getURI();
      Http http = new Http(URI.create("http://127.0.0.1:" + base.getPort()));
      assertThat(http.get("/warden/admin/").statusCode()).isEqualTo(200);
      assertThat(http.get("/warden/api/queue").statusCode()).isEqualTo(401);
      assertThat(http.login("moderator", AdminServer.PASSWORD).statusCode()).isEqualTo(200);
      assertThat(http.get("/warden/api/queue").statusCode()).isEqualTo(200);
    } finally {
      server.stop();
    }
  }

  @Test
  void anUnconfiguredContextGetsNothing() throws Exception {
    Server server = start(null);
    try {
      Http http = new Http(URI.create("http://127.0.0.1:" + server.getURI().getPort()));
      HttpResponse<String> page = http.get("/warden/admin/");
      assertThat(page.statusCode()).isEqualTo(404);
      assertThat(http.get("/warden/api/session").statusCode()).isEqualTo(404);
    } finally {
      server.stop();
    }
  }

  private static Server start(Path config) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
    context.setContextPath("/");
    if (config != null) {
      context.setInitParameter("warden.config", config.toString());
    }
    context.addServletContainerInitializer(new WardenInitializer());
    context.addServletContainerInitializer(new AdminInitializer());
    server.setHandler(context);
    server.start();
    return server;
  }
}
