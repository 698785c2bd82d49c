package dev.warden.plugin;

import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The test site on embedded Jetty 12 (127.0.0.1, a free port), with or without Warden in front. */
final class TestSite implements AutoCloseable {
  static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  final Server server;
  final ServletContextHandler context;
  final SiteServlet site = new SiteServlet();
  final URI base;

  private TestSite(int port, Consumer<ServletContextHandler> setup) throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(site), "/articles/*");
    setup.accept(context);
    server.setHandler(context);
    server.start();
    base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  /** The site with no Warden at all. */
  static TestSite plain() throws Exception {
    return new TestSite(0, c -> { });
  }

  /** The site with a filter around a running Warden (which the caller closes). */
  static TestSite withFilter(Warden warden) throws Exception {
    return new TestSite(0, c -> c.addFilter(new FilterHolder(new ModerationFilter(warden)), "/*",
        EnumSet.of(DispatcherType.REQUEST)));
  }

  /** The site set up by the caller (initializer, declared filter, init-params) on a given port (0 = any). */
  static TestSite custom(int port, Consumer<ServletContextHandler> setup) throws Exception {
    return new TestSite(port, setup);
  }

  HttpResponse<String> post(String path, String contentType, byte[] body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> postForm(String path, String form, String... headers)
      throws IOException, InterruptedException {
    return post(path, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8), headers);
  }

  HttpResponse<String> postJson(String path, String json, String... headers)
      throws IOException, InterruptedException {
    return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  List<SiteServlet.Received> received() {
    return site.received;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
