package dev.warden.demo.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bare demo site over real HTTP, without Warden. */
class NewsSiteTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-12T10:15:00Z"), ZoneOffset.UTC);

  @TempDir Path dataDir;
  private final HttpClient http = HttpClient.newHttpClient();
  private Server server;
  private NewsSite site;
  private URI base;

  private void startSite() throws Exception {
    site = NewsSite.open(dataDir, CLOCK);
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServletContainerInitializer((classes, servletContext) -> site.install(servletContext));
    server.setHandler(context);
    server.start();
    base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  private void stopSite() throws Exception {
    if (server != null) {
      server.stop();
      site.close();
      server = null;
    }
  }

  @AfterEach
  void tearDown() throws Exception {
    stopSite();
  }

  @Test
  void frontPageListsEveryArticle() throws Exception {
    startSite();
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("text/html"));
    assertThat(page.body())
        .contains("/articles/belarus-troops-border", "/articles/kerch-bridge-strike", "/articles/city-marathon");
  }

  @Test
  void formCommentIsStoredAndShownEscaped() throws Exception {
    startSite();
    HttpResponse<String> post = postForm("/articles/city-marathon/comments",
        "author", "Mallory <b>", "text", "<script>alert('x')</script> Good luck runners & volunteers");

    assertThat(post.statusCode()).isEqualTo(303);
    assertThat(post.headers().firstValue("Location")).hasValueSatisfying(
        l -> assertThat(l).startsWith("/articles/city-marathon"));
    String page = get("/articles/city-marathon").body();
    assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Good luck runners &amp; volunteers");
    assertThat(page).contains("Mallory &lt;b&gt;");
    assertThat(page).doesNotContain("<script>").doesNotContain("<b>");
  }

  @Test
  void jsonCommentIsAnsweredWithTheStoredComment() throws Exception {
    startSite();
    HttpResponse<String> post = postJson("/articles/kerch-bridge-strike/comments",
        "{\"author\":\"Olena\",\"text\":\"Thanks for the update.\"}");

    assertThat(post.statusCode()).isEqualTo(201);
    JsonNode stored = JSON.readTree(post.body());
    assertThat(stored.get("text").asText()).isEqualTo("Thanks for the update.");
    assertThat(stored.get("author").asText()).isEqualTo("Olena");
    assertThat(stored.get("postedAt").asText()).isEqualTo("2026-03-12T10:15:00Z");
    JsonNode list = JSON.readTree(get("/articles/kerch-bridge-strike/comments").body());
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("id").asText()).isEqualTo(stored.get("id").asText());
  }

  @Test
  void commentsSurviveARestart() throws Exception {
    startSite();
    postForm("/articles/city-marathon/comments", "author", "Ana", "text", "See you at the start line");
    stopSite();
    startSite();

    assertThat(get("/articles/city-marathon").body()).contains("See you at the start line");
    assertThat(JSON.readTree(get("/articles/city-marathon/comments").body())).hasSize(1);
  }

  @Test
  void commentsStayOnTheirOwnArticle() throws Exception {
    startSite();
    postForm("/articles/city-marathon/comments", "author", "Ana", "text", "Only about the marathon");

    assertThat(get("/articles/kerch-bridge-strike").body()).doesNotContain("Only about the marathon");
    assertThat(JSON.readTree(get("/articles/kerch-bridge-strike/comments").body())).isEmpty();
  }

  @Test
  void moderationNoticesAreShownFromTheQuery() throws Exception {
    startSite();
    assertThat(get("/articles/city-marathon?comment=pending").body())
        .contains("Thanks — your comment awaits moderation.");
    assertThat(get("/articles/city-marathon?comment=rejected").body()).contains("was not published");
    assertThat(get("/articles/city-marathon").body()).doesNotContain("awaits moderation");
  }

  @Test
  void unknownArticlesAndPathsAre404() throws Exception {
    startSite();
    assertThat(get("/articles/no-such-story").statusCode()).isEqualTo(404);
    assertThat(postForm("/articles/no-such-story/comments", "text", "hello").statusCode()).isEqualTo(404);
    assertThat(get("/articles/city-marathon/comments/extra").statusCode()).isEqualTo(404);
    assertThat(get("/nowhere").statusCode()).isEqualTo(404);
  }

  @Test
  void emptyOrMissingTextIs400AndNothingIsStored() throws Exception {
    startSite();
    assertThat(postForm("/articles/city-marathon/comments", "author", "Ana", "text", "   ").statusCode())
        .isEqualTo(400);
    assertThat(postJson("/articles/city-marathon/comments", "{\"author\":\"Ana\"}").statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(get("/articles/city-marathon/comments").body())).isEmpty();
  }

  @Test
  void malformedJsonIs400() throws Exception {
    startSite();
    HttpResponse<String> post = postJson("/articles/city-marathon/comments", "{\"text\": ");
    assertThat(post.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(post.body()).get("error").asText()).isEqualTo("malformed_json");
  }

  @Test
  void stylesheetIsServedFromTheJar() throws Exception {
    startSite();
    HttpResponse<String> css = get("/site.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("text/css"));
    assertThat(css.body()).contains(".comment-form");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postForm(String path, String... pairs) throws Exception {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      form.append(form.length() == 0 ? "" : "&")
          .append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return http.send(HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postJson(String path, String json) throws Exception {
    return http.send(HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
