package dev.warden.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.plugin.store.CommentStatus;
import dev.warden.plugin.store.Decision;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.Submission;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Warden#articlePath}: the article page of a stored comment, from its endpoint's return-to. */
class ArticlePathTest {
  @TempDir static Path dataDir;
  static Warden warden;

  @BeforeAll
  static void start() {
    warden = Warden.start(TestConfigs.config(dataDir, """
        endpoints:
          - name: articles
            path: /articles/{article}/comments
            return-to: "/news/{article}#comments"
          - name: api
            path: /api/comments
            format: json
            article: "field:articleId"
        """));
  }

  @AfterAll
  static void stop() {
    warden.close();
  }

  @Test
  void fillsTheReturnToOfTheMatchingEndpoint() {
    assertThat(warden.articlePath(comment("POST", "/articles/war-1/comments?x=1"), "")).contains("/news/war-1#comments");
  }

  @Test
  void encodesThePathVariableAsOneSegment() {
    assertThat(warden.articlePath(comment("POST", "/articles/a%20b/comments"), "")).contains("/news/a%20b#comments");
  }

  @Test
  void keepsTheContextPath() {
    assertThat(warden.articlePath(comment("POST", "/site/articles/war-1/comments"), "/site"))
        .contains("/site/news/war-1#comments");
  }

  @Test
  void isEmptyOutsideTheContext() {
    assertThat(warden.articlePath(comment("POST", "/articles/war-1/comments"), "/site")).isEmpty();
  }

  @Test
  void isEmptyWhenTheEndpointHasNoReturnTo() {
    assertThat(warden.articlePath(comment("POST", "/api/comments"), "")).isEmpty();
  }

  @Test
  void isEmptyWhenNoEndpointMatches() {
    assertThat(warden.articlePath(comment("POST", "/elsewhere"), "")).isEmpty();
    assertThat(warden.articlePath(comment("PUT", "/articles/war-1/comments"), "")).isEmpty();
  }

  private static HeldComment comment(String method, String path) {
    return new HeldComment("c1", "war-1", "ip:203.0.113.7", "Olena", "text",
        new Submission(method, path, "application/x-www-form-urlencoded", new byte[0]), Map.of(), Map.of(),
        Decision.HOLD, "abuse", CommentStatus.PENDING, Instant.EPOCH, null, null, null, 0, null, 1, null);
  }
}
