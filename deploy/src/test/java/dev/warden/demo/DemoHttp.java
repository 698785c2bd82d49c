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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A reader's or moderator's HTTP client for the running demo (its own cookie jar, no redirects followed). */
final class DemoHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration DEADLINE = Duration.ofSeconds(30);

  private final URI base;
  private final HttpClient http;
  private String csrfToken;

  DemoHttp(URI base) {
    this.base = base;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(request(path).GET().build());
  }

  HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
    return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
  }

  HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
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
    HttpRequest.Builder b = request("/warden/api/comments/" + id + "/" + action)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
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
