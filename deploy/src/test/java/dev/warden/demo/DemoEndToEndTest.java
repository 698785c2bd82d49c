package dev.warden.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo with Warden, end to end over real HTTP: the launcher's server on a free loopback port, a fresh data
 * directory, the bundled classifier and the H2 store. Tests share one server and use their own comment texts.
 */
class DemoEndToEndTest {
  static final String PASSWORD = "correct horse battery staple";
  static final String CONFLICT = "belarus-troops-border";
  static final String LOCAL = "city-marathon";
  static final String ABUSE = "You are a pathetic idiot and worthless scum, shut up you stupid moron.";
  static final String DISINFORMATION =
      "Bucha was staged by crisis actors, the massacre never happened, it is all Western propaganda"
          + " and Ukraine is run by Nazis.";

  @TempDir static Path dataDir;
  static DemoServer demo;

  @BeforeAll
  static void start() throws Exception {
    demo = DemoServer.start(options(dataDir));
  }

  @AfterAll
  static void stop() throws Exception {
    if (demo != null) {
      demo.stop();
    }
  }

  static DemoOptions options(Path dir) {
    return DemoOptions.defaults().withHost("127.0.0.1").withPort(0).withDataDir(dir).withModeratorPassword(PASSWORD);
  }

  private static DemoHttp reader() {
    return new DemoHttp(demo.baseUri());
  }

  private static DemoHttp moderator() throws Exception {
    DemoHttp http = new DemoHttp(demo.baseUri());
    http.login(DemoServer.MODERATOR, PASSWORD);
    return http;
  }

  /** Posts a comment as JSON, expects it held, and returns its Warden id. */
  static String hold(DemoHttp http, String slug, String text) throws Exception {
    HttpResponse<String> post = http.postJson("/articles/" + slug + "/comments",
        DemoHttp.JSON.writeValueAsString(Map.of("author", "Test", "text", text)));
    assertThat(post.statusCode()).as("post: %s", post.body()).isEqualTo(202);
    JsonNode body = DemoHttp.JSON.readTree(post.body());
    assertThat(body.get("status").asText()).isEqualTo("pending");
    return body.get("id").asText();
  }

  @Test
  void aHarmlessCommentIsPublishedAtOnce() throws Exception {
    DemoHttp reader = reader();
    String text = "Thank you for the clear report. I hope the families near the border stay safe.";

    HttpResponse<String> post = reader.postForm("/articles/" + CONFLICT + "/comments",
        Map.of("author", "Olena", "text", text));

    assertThat(post.statusCode()).isEqualTo(303);
    assertThat(post.headers().firstValue("Location").orElseThrow()).startsWith("/articles/" + CONFLICT)
        .doesNotContain("comment=pending");
    assertThat(reader.get("/articles/" + CONFLICT).body()).contains(text);
    assertThat(reader.published(CONFLICT, text)).isEqualTo(1);
  }

  @Test
  void anAbusiveFormPostIsHeldAndWaitsInTheQueue() throws Exception {
    DemoHttp reader = reader();
    String text = ABUSE + " Go away.";

    HttpResponse<String> post = reader.postForm("/articles/" + CONFLICT + "/comments",
        Map.of("author", "Troll", "text", text));

    assertThat(post.statusCode()).isEqualTo(303);
    assertThat(post.headers().firstValue("Location").orElseThrow())
        .startsWith("/articles/" + CONFLICT + "?comment=pending&status=");
    assertThat(reader.get("/articles/" + CONFLICT + "?comment=pending").body())
        .contains("Thanks — your comment awaits moderation.").doesNotContain("Go away.");
    assertThat(reader.published(CONFLICT, text)).isZero();
    assertThat(moderator().queue("pending")).anyMatch(item -> item.get("text").asText().equals(text));
  }

  @Test
  void anAbusiveJsonPostIsAnswered202Pending() throws Exception {
    DemoHttp reader = reader();
    String id = hold(reader, CONFLICT, ABUSE + " Nobody wants you here.");

    assertThat(id).isNotBlank();
    assertThat(moderator().inQueue("pending", id)).isTrue();
  }

  @Test
  void disinformationIsHeldOnAConflictArticleButAllowedOnLocalNews() throws Exception {
    DemoHttp reader = reader();

    hold(reader, "kerch-bridge-strike", DISINFORMATION);
    HttpResponse<String> local = reader.postJson("/articles/" + LOCAL + "/comments",
        DemoHttp.JSON.writeValueAsString(Map.of("author", "Test", "text", DISINFORMATION)));

    assertThat(local.statusCode()).as("local: %s", local.body()).isEqualTo(201);
    assertThat(reader.published(LOCAL, DISINFORMATION)).isEqualTo(1);
    assertThat(reader.published("kerch-bridge-strike", DISINFORMATION)).isZero();
  }

  @Test
  void anApprovedCommentIsPublishedExactlyOnce() throws Exception {
    DemoHttp moderator = moderator();
    String text = ABUSE + " Approved by a lenient moderator.";
    String id = hold(reader(), CONFLICT, text);

    HttpResponse<String> approve = moderator.approve(id);

    assertThat(approve.statusCode()).as("approve: %s", approve.body()).isEqualTo(200);
    DemoHttp.await("the approved comment is published", () -> moderator.published(CONFLICT, text) == 1);
    DemoHttp.await("it is marked delivered", () -> moderator.inQueue("delivered", id));
    // Another approval wakes the outbox again; the first comment must not be delivered a second time.
    String other = ABUSE + " A second approval.";
    moderator.approve(hold(reader(), CONFLICT, other));
    DemoHttp.await("the second comment is published", () -> moderator.published(CONFLICT, other) == 1);
    assertThat(moderator.published(CONFLICT, text)).isEqualTo(1);
    assertThat(moderator.get("/articles/" + CONFLICT).body()).containsOnlyOnce("Approved by a lenient moderator.");
  }

  @Test
  void anApprovedFormCommentIsReplayedAsAFormWithItsAuthor() throws Exception {
    DemoHttp moderator = moderator();
    String text = ABUSE + " Posted from the article page.";
    HttpResponse<String> post = reader().postForm("/articles/" + CONFLICT + "/comments",
        Map.of("author", "Form Poster", "text", text));
    assertThat(post.headers().firstValue("Location").orElseThrow())
        .startsWith("/articles/" + CONFLICT + "?comment=pending&status=");
    String id = moderator.queue("pending").stream().filter(item -> item.get("text").asText().equals(text))
        .findFirst().orElseThrow().get("id").asText();

    assertThat(moderator.approve(id).statusCode()).isEqualTo(200);

    DemoHttp.await("the approved form comment is published", () -> moderator.published(CONFLICT, text) == 1);
    assertThat(moderator.get("/articles/" + CONFLICT).body()).contains("Form Poster");
    DemoHttp.await("it is marked delivered", () -> moderator.inQueue("delivered", id));
  }

  @Test
  void aRejectedCommentNeverAppears() throws Exception {
    DemoHttp moderator = moderator();
    String text = ABUSE + " Rejected for good.";
    String id = hold(reader(), CONFLICT, text);

    HttpResponse<String> reject = moderator.reject(id);

    assertThat(reject.statusCode()).as("reject: %s", reject.body()).isEqualTo(200);
    assertThat(moderator.inQueue("rejected", id)).isTrue();
    String other = ABUSE + " Approved after the rejection.";
    moderator.approve(hold(reader(), CONFLICT, other));
    DemoHttp.await("the outbox has run", () -> moderator.published(CONFLICT, other) == 1);
    assertThat(moderator.published(CONFLICT, text)).isZero();
    assertThat(moderator.approve(id).statusCode()).isEqualTo(409);
  }

  @Test
  void aHeldFormPostLinksItsAuthorToAStatusPageThatFollowsTheDecision() throws Exception {
    DemoHttp reader = reader();
    DemoHttp moderator = moderator();
    String text = ABUSE + " <img src=x onerror=alert(1)> Follow me.";
    HttpResponse<String> post = reader.postForm("/articles/" + CONFLICT + "/comments",
        Map.of("author", "Status Reader", "text", text));
    String location = post.headers().firstValue("Location").orElseThrow();
    String token = location.substring(location.indexOf("&status=") + "&status=".length());

    String article = reader.get(location).body();

    assertThat(token).matches("[A-Za-z0-9_-]{32}");
    assertThat(article).contains("Thanks — your comment awaits moderation.",
        "<a href=\"/warden/status/" + token + "\" rel=\"nofollow noreferrer\" id=\"comment-status\">");
    String status = "/warden/status/" + token;
    String page = reader.get(status).body();
    assertThat(page).contains("Your comment is pending").doesNotContain("Follow me", "Status Reader", "<img");
    String id = moderator.queue("pending").stream().filter(item -> item.get("text").asText().equals(text))
        .findFirst().orElseThrow().get("id").asText();

    assertThat(moderator.approve(id).statusCode()).isEqualTo(200);

    DemoHttp.await("the approved comment is published", () -> moderator.published(CONFLICT, text) == 1);
    HttpResponse<String> published = reader.send(reader.request(status).header("Accept", "application/json")
        .GET().build());
    assertThat(DemoHttp.JSON.readTree(published.body()).get("status").asText()).isEqualTo("published");
    assertThat(reader.get(status).body()).contains("Your comment is published");
  }

  @Test
  void aHeldJsonPostGetsAStatusUrlAndAForgedStatusParameterIsNotLinked() throws Exception {
    DemoHttp reader = reader();
    HttpResponse<String> post = reader.postJson("/articles/" + CONFLICT + "/comments",
        DemoHttp.JSON.writeValueAsString(Map.of("author", "Test", "text", ABUSE + " JSON status.")));
    String statusUrl = DemoHttp.JSON.readTree(post.body()).get("statusUrl").asText();

    assertThat(statusUrl).matches("/warden/status/[A-Za-z0-9_-]{32}");
    assertThat(reader.get(statusUrl).statusCode()).isEqualTo(200);
    assertThat(reader.get("/warden/status/" + "A".repeat(32)).statusCode()).isEqualTo(404);
    String forged = reader.get("/articles/" + CONFLICT + "?comment=pending&status=%22%3E%3Cscript%3Ealert(1)"
        + "%3C%2Fscript%3E").body();
    assertThat(forged).contains("awaits moderation").doesNotContain("comment-status", "<script>alert");
  }

  @Test
  void anOversizeCommentIs413() throws Exception {
    String text = "a".repeat(65 * 1024);
    HttpResponse<String> post = reader().postJson("/articles/" + LOCAL + "/comments",
        DemoHttp.JSON.writeValueAsString(Map.of("author", "Test", "text", text)));
    assertThat(post.statusCode()).isEqualTo(413);
  }

  @Test
  void malformedJsonIs400() throws Exception {
    HttpResponse<String> post = reader().postJson("/articles/" + LOCAL + "/comments", "{\"text\": \"unfinished");
    assertThat(post.statusCode()).isEqualTo(400);
  }

  @Test
  void approvingWithoutTheCsrfTokenIs403() throws Exception {
    DemoHttp moderator = moderator();
    String id = hold(reader(), CONFLICT, ABUSE + " Nobody approves me without a token.");
    DemoHttp withoutToken = new DemoHttp(demo.baseUri());
    withoutToken.login(DemoServer.MODERATOR, PASSWORD);

    HttpResponse<String> approve = withoutToken.send(withoutToken.request("/warden/api/comments/" + id + "/approve")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());

    assertThat(approve.statusCode()).isEqualTo(403);
    assertThat(moderator.inQueue("pending", id)).isTrue();
  }

  @Test
  void theApiWithoutLoginIs401() throws Exception {
    assertThat(reader().get("/warden/api/queue?status=pending").statusCode()).isEqualTo(401);
    HttpResponse<String> login = reader().postJson("/warden/api/login",
        "{\"username\":\"moderator\",\"password\":\"wrong password\"}");
    assertThat(login.statusCode()).isEqualTo(401);
  }

  @Test
  void aForgedReleaseHeaderIs403AndNothingIsPosted() throws Exception {
    DemoHttp reader = reader();
    String text = ABUSE + " Smuggled past the filter.";
    String forged = "c123." + "n456." + "00".repeat(32);

    HttpResponse<String> post = reader.send(reader.request("/articles/" + CONFLICT + "/comments")
        .header("Content-Type", "application/json").header("X-Warden-Release", forged)
        .POST(HttpRequest.BodyPublishers.ofString(
            DemoHttp.JSON.writeValueAsString(Map.of("author", "Test", "text", text)))).build());

    assertThat(post.statusCode()).isEqualTo(403);
    assertThat(post.body()).contains("bad_release_signature");
    assertThat(reader.published(CONFLICT, text)).isZero();
  }
}
