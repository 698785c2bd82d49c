package dev.warden.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A test client for one browser-like user: keeps the session cookie and the CSRF token. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private final URI base;
  String sessionCookie; // "JSESSIONID=..."
  String csrf;

  Http(URI base) {
    this.base = base;
  }

  HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
    return send(request(path, headers).GET());
  }

  HttpResponse<String> post(String path, String json, String... headers) throws IOException, InterruptedException {
    return send(request(path, headers).POST(body(json)));
  }

  HttpResponse<String> put(String path, String json, String... headers) throws IOException, InterruptedException {
    return send(request(path, headers).PUT(body(json)));
  }

  HttpResponse<String> delete(String path, String... headers) throws IOException, InterruptedException {
    return send(request(path, headers).DELETE());
  }

  /** Logs in; on success keeps the cookie and CSRF token. */
  HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
    String body = JSON.createObjectNode().put("username", user).put("password", password).toString();
    HttpResponse<String> response = post("/warden/api/login", body, "Content-Type", "application/json");
    if (response.statusCode() == 200) {
      csrf = json(response).get("csrfToken").asText();
    }
    return response;
  }

  /** A CSRF-protected POST with the token header. */
  HttpResponse<String> postWithCsrf(String path, String json) throws IOException, InterruptedException {
    return post(path, json, "Content-Type", "application/json", "X-CSRF-Token", csrf);
  }

  /** A CSRF-protected DELETE with the token header. */
  HttpResponse<String> deleteWithCsrf(String path) throws IOException, InterruptedException {
    return send(request(path, "X-CSRF-Token", csrf).DELETE());
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  /** The raw Set-Cookie header for the session cookie, if the response set one. */
  static Optional<String> sessionSetCookie(HttpResponse<String> response) {
    List<String> cookies = response.headers().allValues("Set-Cookie");
    return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst();
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    if (sessionCookie != null) {
      builder.header("Cookie", sessionCookie);
    }
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
    HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    sessionSetCookie(response).ifPresent(c -> sessionCookie = c.split(";", 2)[0]);
    return response;
  }

  private static HttpRequest.BodyPublisher body(String json) {
    return json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
  }
}
