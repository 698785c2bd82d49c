package dev.warden.plugin;

import static dev.warden.plugin.TestConfigs.ABUSIVE;
import static dev.warden.plugin.TestConfigs.BENIGN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.plugin.internal.store.JdbcCommentStore;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the store is gone, nothing is acknowledged and readers get a clean 503, never an error page. */
class FailSafeTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  @Test
  void heldCommentGets503WithRetryAfterAndNothingIsStoredWhenTheStoreIsDown() throws Exception {
    // Retry-After says when the store is tried again: store.outage-retry after a failure.
    WardenConfig config = TestConfigs.config(dataDir, "store: {outage-retry: 7s}\n");
    try (Warden warden = Warden.start(config); TestSite site = TestSite.withFilter(warden)) {
      ((JdbcCommentStore) warden.comments()).close(); // the database goes away under a running site

      HttpResponse<String> json = site.postJson("/articles/peace-talks/comments",
          JSON.writeValueAsString(Map.of("text", ABUSIVE)));
      HttpResponse<String> form = site.postForm("/articles/peace-talks/comments", "text=" + ABUSIVE.replace(' ', '+'));

      for (HttpResponse<String> response : java.util.List.of(json, form)) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("store_unavailable");
      }
      assertThat(site.received()).isEmpty();
    }
    try (JdbcCommentStore reopened = JdbcCommentStore.open(config.store(), Clock.systemUTC())) {
      assertThat(reopened.counts().values()).allMatch(n -> n == 0);
    }
  }

  @Test
  void benignCommentStillReachesTheSiteWhileTheStoreIsDown() throws Exception {
    try (Warden warden = Warden.start(TestConfigs.config(dataDir, ""));
        TestSite site = TestSite.withFilter(warden)) {
      ((JdbcCommentStore) warden.comments()).close();

      HttpResponse<String> response = site.postJson("/articles/peace-talks/comments",
          JSON.writeValueAsString(Map.of("text", BENIGN)));

      assertThat(response.statusCode()).isEqualTo(201);
      assertThat(site.received()).hasSize(1);
    }
  }

  @Test
  void releaseReplayGets503WhenTheStoreIsDown() throws Exception {
    try (Warden warden = Warden.start(TestConfigs.config(dataDir, ""));
        TestSite site = TestSite.withFilter(warden)) {
      ((JdbcCommentStore) warden.comments()).close();
      String body = "{\"text\":\"hello\"}";
      String header = new dev.warden.plugin.internal.release.ReleaseSignature(TestConfigs.SECRET)
          .sign("some-id", "some-nonce", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));

      HttpResponse<String> response = site.postJson("/articles/peace-talks/comments", body,
          "X-Warden-Release", header);

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(site.received()).isEmpty();
    }
  }

  @Test
  void startFailsFastOnAnUnreachableDatabase() {
    WardenConfig config = TestConfigs.config(dataDir, "store: {url: \"jdbc:postgresql://127.0.0.1:9/none\"}\n");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Warden.start(config))
        .isInstanceOf(dev.warden.plugin.store.StoreException.class);
  }
}
