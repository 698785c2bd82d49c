package dev.warden.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A reader's or moderator's HTTP client for the running demo (its own cookie jar, no redirects followed). The demo
 * trusts loopback as a reverse proxy, so every comment post names a client address in {@code X-Forwarded-For}:
 * a fresh one per post (each post is a different reader, so Warden's throttle stays out of tests about
 * moderation), or a fixed one given with {@link #asReaderAt(String)}.
 */
final class DemoHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final AtomicInteger NEXT_READER = new AtomicInteger(1);

  private final URI base;
  private final HttpClient http;
  private String csrfToken;
  private String readerAddress;

  DemoHttp(URI base) {
    this.base = base;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(request(path).GET().build());
  }

  /** Posts every later comment from this client address (one reader), instead of a fresh one per post. */
  DemoHttp asReaderAt(String address) {
    this.readerAddress = address;
    return this;
  }

  HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
    return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Forwarded-For", reader())
        .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
  }

  HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
    return send(request(path).header("Content-Type", "application/json").header("X-Forwarded-For", reader())
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  private String reader() {
    if (readerAddress != null) {
      return readerAddress;
    }
    int n = NEXT_READER.getAndIncrement();
    return "198.18." + (n / 250 % 250) + "." + (n % 250 + 1);
  }

  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
  }

  /** Logs in through the admin API and remembers the CSRF token. */
  void login(String user, String password) throws IOException, InterruptedException {
    HttpResponse<String> login = postJson("/warden/api/login",
        JSON.writeValueAsString(Map.of("username", user, "password", password)));
    assertThat(login.statusCode()).as("login: %s", login.body()).isEqualTo(200);
    csrfToken = JSON.readTree(login.body()).get("csrfToken").asText();
  }

  /** The queue for one status: the items' JSON objects. */
  List<JsonNode> queue(String status) throws IOException, InterruptedException {
    HttpResponse<String> page = get("/warden/api/queue?status=" + status + "&limit=200");
    assertThat(page.statusCode()).as("queue: %s", page.body()).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    JSON.readTree(page.body()).get("items").forEach(items::add);
    return items;
  }

  boolean inQueue(String status, String id) throws IOException, InterruptedException {
    return queue(status).stream().anyMatch(item -> item.get("id").asText().equals(id));
  }

  HttpResponse<String> approve(String id) throws IOException, InterruptedException {
    return decide(id, "approve", "{}");
  }

  HttpResponse<String> reject(String id) throws IOException, InterruptedException {
    return decide(id, "reject", "{}");
  }

  private HttpResponse<String> decide(String id, String action, String body) throws IOException, InterruptedException {
    return apiWithCsrf("POST", "/warden/api/comments/" + id + "/" + action, body);
  }

  /** A state-changing admin API call with the session's CSRF token (if logged in). */
  HttpResponse<String> apiWithCsrf(String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (csrfToken != null) {
      b.header("X-CSRF-Token", csrfToken);
    }
    return send(b.build());
  }

  /** How often the text appears among the article's published comments (the site's own JSON list). */
  long published(String slug, String text) throws IOException, InterruptedException {
    HttpResponse<String> list = get("/articles/" + slug + "/comments");
    assertThat(list.statusCode()).isEqualTo(200);
    long n = 0;
    for (JsonNode c : JSON.readTree(list.body())) {
      if (c.get("text").asText().equals(text)) {
        n++;
      }
    }
    return n;
  }

  /** Polls until the condition holds, failing after {@link #DEADLINE}. */
  static void await(String what, Check check) throws Exception {
    Instant end = Instant.now().plus(DEADLINE);
    while (!check.holds()) {
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(50); // polling interval, not waiting for time to pass
    }
  }

  /** A condition that may do I/O. */
  interface Check {
    boolean holds() throws Exception;
  }

  static String form(Map<String, String> fields) {
    StringBuilder out = new StringBuilder();
    fields.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&")
        .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return out.toString();
  }
}
