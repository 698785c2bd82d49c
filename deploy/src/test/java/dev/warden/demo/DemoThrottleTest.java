package dev.warden.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's throttle end to end: a reader who posts again at once on a conflict article gets 429 with
 * {@code Retry-After} (JSON, or a small page for a form), a moderator can suspend and lift a reader through the
 * admin API, and the report names who was throttled. Readers are told apart by {@code X-Forwarded-For}, which the
 * demo believes from loopback only.
 */
class DemoThrottleTest {
  static final String CONFLICT = DemoEndToEndTest.CONFLICT;

  @TempDir static Path dataDir;
  static DemoServer demo;

  @BeforeAll
  static void start() throws Exception {
    demo = DemoServer.start(DemoEndToEndTest.options(dataDir));
  }

  @AfterAll
  static void stop() throws Exception {
    if (demo != null) {
      demo.stop();
    }
  }

  private static HttpResponse<String> comment(DemoHttp reader, String text) throws Exception {
    return reader.postJson("/articles/" + CONFLICT + "/comments",
        DemoHttp.JSON.writeValueAsString(Map.of("author", "Ivan", "text", text)));
  }

  private static DemoHttp moderator() throws Exception {
    DemoHttp http = new DemoHttp(demo.baseUri());
    http.login(DemoServer.MODERATOR, DemoEndToEndTest.PASSWORD);
    return http;
  }

  @Test
  void aReaderPostingAgainAtOnceIsToldToWaitAndTheCommentIsNotPublished() throws Exception {
    DemoHttp reader = new DemoHttp(demo.baseUri()).asReaderAt("198.51.100.10");
    assertThat(comment(reader, "First thought: the border villages need shelters now.").statusCode())
        .isEqualTo(201);

    HttpResponse<String> again = comment(reader, "Second thought: and the schools need generators.");
    HttpResponse<String> form = reader.postForm("/articles/" + CONFLICT + "/comments",
        Map.of("author", "Ivan", "text", "Third thought, sent from the form."));

    assertThat(again.statusCode()).isEqualTo(429);
    assertThat(again.headers().firstValue("Retry-After")).hasValue("15");
    assertThat(DemoHttp.JSON.readTree(again.body()).get("reason").asText()).isEqualTo("too_fast");
    assertThat(form.statusCode()).isEqualTo(429);
    assertThat(form.body()).contains("Please wait").contains("/articles/" + CONFLICT);
    assertThat(reader.published(CONFLICT, "Second thought: and the schools need generators.")).isZero();
    JsonNode report = DemoHttp.JSON.readTree(moderator().get("/warden/api/throttle").body());
    assertThat(report.get("topPosters")).anySatisfy(p ->
        assertThat(p.get("key").asText()).isEqualTo("ip:198.51.100.10"));
  }

  @Test
  void aReaderSuspendedByAModeratorIsRefusedUntilLifted() throws Exception {
    DemoHttp reader = new DemoHttp(demo.baseUri()).asReaderAt("198.51.100.20");
    DemoHttp moderator = moderator();
    HttpResponse<String> suspend = moderator.apiWithCsrf("POST", "/warden/api/posters/ip:198.51.100.20/suspend",
        "{\"for\": \"1h\", \"reason\": \"flooding\"}");
    assertThat(suspend.statusCode()).as(suspend.body()).isEqualTo(200);

    HttpResponse<String> refused = comment(reader, "A comment from a suspended reader about the troops.");

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(DemoHttp.JSON.readTree(refused.body()).get("reason").asText()).isEqualTo("suspended");
    assertThat(moderator.apiWithCsrf("DELETE", "/warden/api/posters/ip:198.51.100.20/suspend", null).statusCode())
        .isEqualTo(200);
    assertThat(comment(reader, "A comment after the suspension was lifted, about the troops.").statusCode())
        .isEqualTo(201);
  }
}
