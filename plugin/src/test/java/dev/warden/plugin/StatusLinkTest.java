package dev.warden.plugin;

import static dev.warden.plugin.TestConfigs.ABUSIVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.plugin.internal.store.JdbcCommentStore;
import jakarta.servlet.DispatcherType;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commenter's status link over real HTTP: the 202, 422 and 303 answers carry it, and the filter serves it as
 * JSON or as a text-only page that never shows the comment.
 */
class StatusLinkTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String AUTHOR = "Olena Private-Name";

  @TempDir static Path dataDir;
  static Warden warden;
  static TestSite site;

  @BeforeAll
  static void start() throws Exception {
    warden = Warden.start(TestConfigs.config(dataDir, ""));
    site = TestSite.withFilter(warden);
  }

  @AfterAll
  static void stop() throws Exception {
    site.close();
    warden.close();
  }

  @BeforeEach
  void forgetRequests() {
    site.received().clear();
  }

  static String json(String text) throws Exception {
    return JSON.writeValueAsString(Map.of("text", text, "author", AUTHOR));
  }

  static HttpResponse<String> get(TestSite on, String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(on.base.resolve(path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return TestSite.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static JsonNode status(String statusUrl) throws Exception {
    HttpResponse<String> response = get(site, statusUrl, "Accept", "application/json");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** A held comment's id and status URL, from its 202 answer. */
  record Held(String id, String statusUrl) {}

  static Held hold(String text) throws Exception {
    HttpResponse<String> post = site.postJson("/articles/peace-talks/comments", json(text));
    assertThat(post.statusCode()).isEqualTo(202);
    JsonNode body = JSON.readTree(post.body());
    return new Held(body.get("id").asText(), body.get("statusUrl").asText());
  }

  @Test
  void aHeldJsonCommentGetsAStatusUrlThatSaysPendingAndWhy() throws Exception {
    HttpResponse<String> post = site.postJson("/articles/peace-talks/comments", json(ABUSIVE + " one"));

    assertThat(post.statusCode()).isEqualTo(202);
    JsonNode body = JSON.readTree(post.body());
    assertThat(body.get("status").asText()).isEqualTo("pending");
    assertThat(body.get("statusUrl").asText()).matches("/warden/status/[A-Za-z0-9_-]{32}");

    HttpResponse<String> status = get(site, body.get("statusUrl").asText(), "Accept", "application/json");

    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    assertThat(status.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(status.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    JsonNode view = JSON.readTree(status.body());
    assertThat(view.get("status").asText()).isEqualTo("pending");
    assertThat(view.get("reason").asText()).isEqualTo("abuse");
    assertThat(view.get("receivedAt").asText()).isEqualTo(
        warden.comments().find(body.get("id").asText()).orElseThrow().receivedAt().toString());
    assertThat(view.get("decidedAt").isNull()).isTrue();
    assertThat(fieldNames(view)).containsExactly("status", "reason", "receivedAt", "decidedAt");
    assertThat(status.body()).doesNotContain("idiot", AUTHOR, "127.0.0.1", body.get("id").asText());
    assertThat(site.received()).isEmpty();
  }

  @Test
  void theStatusFollowsTheModeratorsDecision() throws Exception {
    Held approved = hold(ABUSIVE + " two");
    Held rejected = hold(ABUSIVE + " three");

    warden.comments().approve(approved.id(), "maria");
    warden.comments().reject(rejected.id(), "ivan", "off_topic");

    JsonNode published = status(approved.statusUrl());
    JsonNode notPublished = status(rejected.statusUrl());
    assertThat(published.get("status").asText()).isEqualTo("published");
    assertThat(published.get("reason").isNull()).isTrue();
    assertThat(published.get("decidedAt").asText()).isEqualTo(
        warden.comments().find(approved.id()).orElseThrow().decidedAt().toString());
    assertThat(notPublished.get("status").asText()).isEqualTo("rejected");
    assertThat(notPublished.get("reason").asText()).isEqualTo("off_topic");
  }

  @Test
  void aCommentRejectedByPolicyGets422WithAStatusUrl() throws Exception {
    HttpResponse<String> post = site.postJson("/articles/war-in-the-east/comments", json(ABUSIVE));

    assertThat(post.statusCode()).isEqualTo(422);
    JsonNode body = JSON.readTree(post.body());
    assertThat(body.get("reason").asText()).isEqualTo("abuse");
    JsonNode view = status(body.get("statusUrl").asText());
    assertThat(view.get("status").asText()).isEqualTo("rejected");
    assertThat(view.get("reason").asText()).isEqualTo("abuse");
  }

  @Test
  void aFormPostIsRedirectedWithTheTokenAndTheLinkShowsATextOnlyPage() throws Exception {
    String form = "author=" + URLEncoder.encode(AUTHOR, StandardCharsets.UTF_8) + "&text="
        + URLEncoder.encode(ABUSIVE + " <script>alert(1)</script>", StandardCharsets.UTF_8);
    HttpResponse<String> post = site.postForm("/articles/peace-talks/comments", form);
    String location = post.headers().firstValue("Location").orElseThrow();
    String token = location.substring(location.indexOf("&status=") + "&status=".length());

    HttpResponse<String> page = site.get("/warden/status/" + token);

    assertThat(location).startsWith("/articles/peace-talks?comment=pending&status=");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/html"));
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
        csp -> assertThat(csp).startsWith("default-src 'none'"));
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.body()).contains("Your comment is pending", "waiting for a moderator", "abuse")
        .doesNotContain("<script", "idiot", AUTHOR, "<a ", "<img", "style");
  }

  @Test
  void unknownAndGarbageTokensAre404AndNeverReachTheSite() throws Exception {
    String real = hold(ABUSIVE + " four").statusUrl();
    String almost = real.substring(0, real.length() - 1) + (real.endsWith("A") ? "B" : "A");

    for (String path : List.of(almost, "/warden/status/", "/warden/status/x", "/warden/status/%3Cscript%3E",
        real + "/more", "/warden/status/" + "A".repeat(5000))) {
      HttpResponse<String> json = get(site, path, "Accept", "application/json");
      HttpResponse<String> html = get(site, path);
      assertThat(json.statusCode()).as(path).isEqualTo(404);
      assertThat(JSON.readTree(json.body()).get("error").asText()).isEqualTo("not_found");
      assertThat(html.statusCode()).as(path).isEqualTo(404);
      assertThat(html.body()).contains("Status link not found").doesNotContain("script");
    }
    assertThat(site.received()).isEmpty();
  }

  @Test
  void onlyGetAndHeadAreAnswered() throws Exception {
    String url = hold(ABUSIVE + " five").statusUrl();

    HttpResponse<String> post = site.post(url, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
    HttpResponse<Void> head = TestSite.HTTP.send(HttpRequest.newBuilder(site.base.resolve(url))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());

    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    assertThat(head.statusCode()).isEqualTo(200);
  }

  @Test
  void theLinkIsUnderTheContextPathAndWorksWithAFilterDeclaredInWebXml() throws Exception {
    Path config = dataDir.resolve("declared.yaml");
    Files.writeString(config, TestConfigs.yaml(dataDir.resolve("declared"), ""));
    try (TestSite news = TestSite.custom(0, c -> {
      c.setContextPath("/news");
      FilterHolder declared = new FilterHolder(ModerationFilter.class);
      declared.setInitParameter(ModerationFilter.CONFIG_PARAMETER, config.toString());
      c.addFilter(declared, "/*", EnumSet.of(DispatcherType.REQUEST));
    })) {
      HttpResponse<String> post = news.postJson("/news/articles/peace-talks/comments", json(ABUSIVE));
      String statusUrl = JSON.readTree(post.body()).get("statusUrl").asText();

      assertThat(statusUrl).startsWith("/news/warden/status/");
      HttpResponse<String> view = get(news, statusUrl, "Accept", "application/json");
      assertThat(view.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(view.body()).get("status").asText()).isEqualTo("pending");
      assertThat(get(news, statusUrl.substring("/news".length())).statusCode())
          .as("outside the context").isEqualTo(404);
    }
  }

  @Test
  void aStoreThatIsDownGets503WithRetryAfterTheOutageRetry() throws Exception {
    try (Warden down = Warden.start(TestConfigs.config(dataDir.resolve("down"), "store: {outage-retry: 2500ms}\n"));
        TestSite downSite = TestSite.withFilter(down)) {
      ((JdbcCommentStore) down.comments()).close();

      HttpResponse<String> response = get(downSite, "/warden/status/" + "A".repeat(32));

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).as("2.5 s rounded up").hasValue("3");
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
