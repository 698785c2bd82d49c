package dev.warden.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same demo with and without Warden ({@code --no-warden}): requests that are not comment posts are answered
 * byte for byte the same, and without Warden nothing is held.
 */
class DemoTransparencyTest {
  @TempDir static Path withDir;
  @TempDir static Path withoutDir;
  static DemoServer with;
  static DemoServer without;

  @BeforeAll
  static void start() throws Exception {
    with = DemoServer.start(DemoEndToEndTest.options(withDir));
    without = DemoServer.start(DemoEndToEndTest.options(withoutDir).withWarden(false));
  }

  @AfterAll
  static void stop() throws Exception {
    if (with != null) {
      with.stop();
    }
    if (without != null) {
      without.stop();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/articles/city-marathon", "/articles/belarus-troops-border?comment=pending",
      "/site.css", "/articles/city-marathon/comments", "/no-such-page"})
  void nonCommentRequestsAreIdenticalWithAndWithoutWarden(String path) throws Exception {
    HttpResponse<String> a = new DemoHttp(with.baseUri()).get(path);
    HttpResponse<String> b = new DemoHttp(without.baseUri()).get(path);

    assertThat(a.statusCode()).isEqualTo(b.statusCode());
    assertThat(a.body()).isEqualTo(b.body());
    assertThat(headersWithoutDate(a.headers())).isEqualTo(headersWithoutDate(b.headers()));
  }

  @Test
  void withoutWardenNoConfigIsWrittenAndAnAbusiveCommentIsPublished() throws Exception {
    assertThat(with.wardenEnabled()).isTrue();
    assertThat(without.wardenEnabled()).isFalse();
    assertThat(withoutDir.resolve("warden.yaml")).doesNotExist();
    DemoHttp reader = new DemoHttp(without.baseUri());
    String text = DemoEndToEndTest.ABUSE + " Nobody is watching.";

    // kerch-bridge-strike is not among the pages compared above, so this post cannot skew them
    HttpResponse<String> post = reader.postForm("/articles/kerch-bridge-strike/comments",
        Map.of("author", "Troll", "text", text));

    assertThat(post.statusCode()).isEqualTo(303);
    assertThat(reader.published("kerch-bridge-strike", text)).isEqualTo(1);
    assertThat(reader.get("/warden/api/queue?status=pending").statusCode()).isEqualTo(404);
  }

  private static Map<String, List<String>> headersWithoutDate(HttpHeaders headers) {
    Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    map.putAll(headers.map());
    map.remove("date");
    return map;
  }
}
