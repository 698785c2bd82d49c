package dev.warden.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A release target that passes the first {@code allowance} release replays on to the demo site, so those comments
 * are really delivered while the node runs, and then hangs like {@link BlackholeSite}: every later request is read
 * and never answered, so the rest stay undelivered until the node dies. The site's URL is set after the node has
 * started ({@link #forwardTo}), because the node is told this relay's URL before it picks its port. Records the
 * comment id (the first part of {@code X-Warden-Release}) of every replay the site accepted. Thread-safe.
 */
final class ReleaseRelay implements AutoCloseable {
  private static final String RELEASE_HEADER = "X-Warden-Release";

  private final HttpServer server;
  private final ExecutorService handlers = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "release-relay");
    thread.setDaemon(true);
    return thread;
  });
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicInteger allowance;
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile URI site;
  /** The ids of the comments the site accepted through this relay, in order. */
  final List<String> delivered = new CopyOnWriteArrayList<>();

  ReleaseRelay(int allowance) throws IOException {
    this.allowance = new AtomicInteger(allowance);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext("/", this::handle);
    server.setExecutor(handlers);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Where the allowed replays go: the demo node's base URL. */
  void forwardTo(URI siteBase) {
    this.site = siteBase;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      URI target = site;
      if (target == null || allowance.getAndDecrement() <= 0) {
        hang();
        return;
      }
      forward(exchange, target, body);
    }
  }

  /** Holds the request open, unanswered, until the relay is closed (the releaser's own timeout ends its wait). */
  private void hang() {
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void forward(HttpExchange exchange, URI target, byte[] body) throws IOException {
    String release = exchange.getRequestHeaders().getFirst(RELEASE_HEADER);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI().toString()))
        .timeout(Duration.ofSeconds(20))
        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    copyHeader(exchange, request, "Content-Type");
    copyHeader(exchange, request, RELEASE_HEADER);
    HttpResponse<byte[]> answer;
    try {
      answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.sendResponseHeaders(502, -1);
      return;
    } catch (IOException e) {
      exchange.sendResponseHeaders(502, -1); // the node died mid-request: the releaser sees a refusal
      return;
    }
    if (answer.statusCode() < 400 && release != null) {
      delivered.add(release.substring(0, Math.max(0, release.indexOf('.'))));
    }
    answer.headers().firstValue("Location").ifPresent(l -> exchange.getResponseHeaders().set("Location", l));
    answer.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders().set("Content-Type", t));
    byte[] out = answer.body();
    exchange.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
    if (out.length > 0) {
      exchange.getResponseBody().write(out);
    }
  }

  private static void copyHeader(HttpExchange exchange, HttpRequest.Builder request, String name) {
    String value = exchange.getRequestHeaders().getFirst(name);
    if (value != null) {
      request.header(name, value);
    }
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    handlers.shutdownNow();
  }
}
