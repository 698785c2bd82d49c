package dev.warden.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.plugin.internal.store.MutableClock;
import dev.warden.plugin.store.Actor;
import dev.warden.plugin.store.PosterErasure;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasing a poster through {@link Warden#posterData()} over real HTTP: a suspension in force ends on this node at
 * once, as the erasure deleted it. Time is a {@link MutableClock}.
 */
class PosterErasureTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ARTICLE = "/articles/peace-talks/comments";
  static final String POSTER = "ip:127.0.0.1";

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
  Warden warden;
  TestSite site;

  @AfterEach
  void stop() throws Exception {
    Closing.all(site, warden);
  }

  HttpResponse<String> post(String text) throws Exception {
    return site.postJson(ARTICLE, JSON.writeValueAsString(Map.of("text", text)));
  }

  @Test
  void anErasedPostersSuspensionEndsAtOnce() throws Exception {
    warden = Warden.start(TestConfigs.config(dataDir, ThrottleTest.THROTTLE), clock);
    site = TestSite.withFilter(warden);
    warden.suspensions().suspend(POSTER, clock.instant().plus(Duration.ofDays(1)), "spam", "mod");
    assertThat(post("A first comment on the negotiations, thank you.").statusCode()).isEqualTo(429);

    PosterErasure erasure = warden.posterData().erase(POSTER, Actor.named("chief"));

    assertThat(erasure.suspensions()).isEqualTo(1);
    assertThat(post("A second comment on the negotiations, thank you.").statusCode()).isEqualTo(201);
    assertThat(warden.posterData().export(POSTER).suspensions()).isEmpty();
  }
}
