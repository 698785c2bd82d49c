package dev.warden.plugin;

import static dev.warden.plugin.TestConfigs.ABUSIVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.plugin.internal.store.MutableClock;
import dev.warden.plugin.store.HeldComment;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The throttle over real HTTP: refusals get 429 with {@code Retry-After} before any classification, poster keys
 * come from trusted proxies only, and suspensions are stored. Time is a {@link MutableClock}: nothing sleeps.
 */
class ThrottleTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ARTICLE = "/articles/peace-talks/comments";
  static final String THROTTLE = """
      throttle:
        limits:
          default: {min-interval: 10s, max: 3, window: 10m, per-article: {max: 20, window: 24h}}
          conflict: {min-interval: 10s, max: 3, window: 10m, per-article: {max: 20, window: 24h}}
        coordinated: {posters: 3, window: 30m, min-length: 20}
        surge: {enabled: true, factor: 5, floor: 6, window: 1m, baseline: 30m, min-duration: 10m}
      """;

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
  Warden warden;
  TestSite site;

  void start(String extra) throws Exception {
    warden = Warden.start(TestConfigs.config(dataDir, extra), clock);
    site = TestSite.withFilter(warden);
  }

  @AfterEach
  void stop() throws Exception {
    Closing.all(site, warden);
  }

  HttpResponse<String> post(String text, String... headers) throws Exception {
    return site.postJson(ARTICLE, JSON.writeValueAsString(Map.of("text", text)), headers);
  }

  static String text(int i) {
    return "Comment number " + i + " on the negotiations, thanks for the reporting.";
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  @Test
  void floodFromOnePosterGets429WithRetryAfterAndNeverReachesTheSite() throws Exception {
    start(THROTTLE);
    assertThat(post(text(1)).statusCode()).isEqualTo(201);

    HttpResponse<String> tooFast = post(text(2));

    assertThat(tooFast.statusCode()).isEqualTo(429);
    assertThat(tooFast.headers().firstValue("Retry-After")).hasValue("10");
    assertThat(json(tooFast).get("reason").asText()).isEqualTo("too_fast");
    assertThat(json(tooFast).get("message").asText()).contains("10 seconds");
    assertThat(site.received()).hasSize(1);

    clock.advance(Duration.ofSeconds(10));
    assertThat(post(text(3)).statusCode()).isEqualTo(201);
    clock.advance(Duration.ofSeconds(10));
    assertThat(post(text(4)).statusCode()).isEqualTo(201);
    clock.advance(Duration.ofSeconds(10));
    HttpResponse<String> tooMany = post(text(5));

    assertThat(tooMany.statusCode()).isEqualTo(429);
    assertThat(json(tooMany).get("reason").asText()).isEqualTo("too_many");
    // The first of the three left the 10-minute window 30 s after it was posted: 570 s from now.
    assertThat(tooMany.headers().firstValue("Retry-After")).hasValue("570");
    clock.advance(Duration.ofSeconds(570));
    assertThat(post(text(6)).statusCode()).isEqualTo(201);
  }

  @Test
  void aSecondPosterBehindTheTrustedProxyIsUnaffected() throws Exception {
    start(THROTTLE + "network: {trusted-proxies: [127.0.0.0/8]}\n");
    assertThat(post(text(1), "X-Forwarded-For", "203.0.113.1").statusCode()).isEqualTo(201);
    assertThat(post(text(2), "X-Forwarded-For", "203.0.113.1").statusCode()).isEqualTo(429);

    assertThat(post(text(3), "X-Forwarded-For", "203.0.113.2").statusCode()).isEqualTo(201);
  }

  @Test
  void spoofedForwardedForFromAnUntrustedPeerDoesNotChangeTheKey() throws Exception {
    start(THROTTLE);
    assertThat(post(text(1), "X-Forwarded-For", "203.0.113.1").statusCode()).isEqualTo(201);

    HttpResponse<String> spoofed = post(text(2), "X-Forwarded-For", "203.0.113.2");

    assertThat(spoofed.statusCode()).isEqualTo(429);
    assertThat(warden.throttle().report(5).topPosters()).extracting(p -> p.posterKey()).containsExactly(
        "ip:127.0.0.1");
  }

  @Test
  void rotatingAddressesInsideOneIpv6Slash64IsStillThrottled() throws Exception {
    start(THROTTLE + "network: {trusted-proxies: [127.0.0.0/8]}\n");
    assertThat(post(text(1), "X-Forwarded-For", "2001:db8:7:1::1").statusCode()).isEqualTo(201);

    HttpResponse<String> rotated = post(text(2), "X-Forwarded-For", "2001:db8:7:1:ffff:1234:5:6");

    assertThat(rotated.statusCode()).isEqualTo(429);
    assertThat(post(text(3), "X-Forwarded-For", "2001:db8:7:2::1").statusCode()).as("another /64").isEqualTo(201);
  }

  @Test
  void theSameTextTwiceFromOnePosterIsRefusedAsDuplicate() throws Exception {
    start(THROTTLE);
    assertThat(post("I was in Kharkiv last week and the metro is working again.").statusCode()).isEqualTo(201);
    clock.advance(Duration.ofMinutes(1));

    HttpResponse<String> again = post("I was in KHARKIV last week, and the metro is working again!!");

    assertThat(again.statusCode()).isEqualTo(429);
    assertThat(json(again).get("reason").asText()).isEqualTo("duplicate");
  }

  @Test
  void theSameTextFromSeveralPostersIsHeldAsCoordinatedWithItsGroup() throws Exception {
    start(THROTTLE + "network: {trusted-proxies: [127.0.0.0/8]}\n");
    String line = "Everyone should know the bridge attack was staged by the government itself.";
    post(line, "X-Forwarded-For", "198.51.100.1");
    post(line, "X-Forwarded-For", "198.51.100.2");

    HttpResponse<String> third = post(line, "X-Forwarded-For", "198.51.100.3");

    assertThat(third.statusCode()).isEqualTo(202);
    HeldComment held = warden.comments().find(json(third).get("id").asText()).orElseThrow();
    assertThat(held.reason()).isEqualTo("coordinated");
    @SuppressWarnings("unchecked")
    Map<String, Object> throttle = (Map<String, Object>) held.explanation().get("throttle");
    assertThat(throttle.get("group")).asString().hasSize(16);
    assertThat(warden.throttle().coordinatedGroups(10)).singleElement()
        .satisfies(g -> assertThat(g.group()).isEqualTo(throttle.get("group")))
        .satisfies(g -> assertThat(g.posters()).isEqualTo(3));
  }

  @Test
  void aSurgeOnOneArticlePutsItIntoPreModeration() throws Exception {
    start(THROTTLE + "network: {trusted-proxies: [127.0.0.0/8]}\n");
    for (int i = 1; i <= 5; i++) {
      assertThat(post(text(i), "X-Forwarded-For", "192.0.2." + i).statusCode()).isEqualTo(201);
    }

    HttpResponse<String> sixth = post(text(6), "X-Forwarded-For", "192.0.2.6");

    assertThat(sixth.statusCode()).isEqualTo(202);
    assertThat(warden.comments().find(json(sixth).get("id").asText()).orElseThrow().reason()).isEqualTo("surge");
    assertThat(warden.throttle().surges()).singleElement()
        .satisfies(s -> assertThat(s.articleId()).isEqualTo("peace-talks"));
  }

  @Test
  void aPosterWhoseCommentWasHeldMustWaitLonger() throws Exception {
    start(THROTTLE);
    assertThat(post(ABUSIVE).statusCode()).isEqualTo(202);
    clock.advance(Duration.ofSeconds(10));

    HttpResponse<String> next = post(text(1));

    assertThat(next.statusCode()).isEqualTo(429);
    assertThat(next.headers().firstValue("Retry-After")).hasValue("10");
  }

  @Test
  void aSuspendedPosterIsRefusedUntilTheEndAlsoAfterARestart() throws Exception {
    start(THROTTLE);
    warden.suspensions().suspend("ip:127.0.0.1", clock.instant().plus(Duration.ofHours(2)), "spam", "mod");

    HttpResponse<String> refused = post(text(1));

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(json(refused).get("reason").asText()).isEqualTo("suspended");
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("7200");

    stop();
    start(THROTTLE);
    clock.advance(Duration.ofHours(1));
    HttpResponse<String> afterRestart = post(text(2));
    assertThat(afterRestart.statusCode()).isEqualTo(429);
    assertThat(afterRestart.headers().firstValue("Retry-After")).hasValue("3600");

    clock.advance(Duration.ofHours(1));
    assertThat(post(text(3)).statusCode()).isEqualTo(201);
  }

  @Test
  void aLiftedSuspensionEndsAtOnce() throws Exception {
    start(THROTTLE);
    warden.suspensions().suspend("ip:127.0.0.1", clock.instant().plus(Duration.ofDays(1)), "", "mod");
    assertThat(post(text(1)).statusCode()).isEqualTo(429);

    assertThat(warden.suspensions().lift("ip:127.0.0.1", "mod")).isTrue();

    assertThat(post(text(2)).statusCode()).isEqualTo(201);
  }

  @Test
  void aThrottledFormPostGetsA429PageWithALinkBack() throws Exception {
    start(THROTTLE);
    assertThat(site.postForm(ARTICLE, "text=first+comment+here").statusCode()).isEqualTo(303);

    HttpResponse<String> page = site.postForm(ARTICLE, "text=second+comment+here");

    assertThat(page.statusCode()).isEqualTo(429);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(
        "text/html"));
    assertThat(page.headers().firstValue("Retry-After")).hasValue("10");
    assertThat(page.body()).contains("10 seconds").contains("href=\"/articles/peace-talks\"");
  }

  @Test
  void refusalsAreCountedByReason() throws Exception {
    start(THROTTLE);
    post(text(1));
    post(text(2));
    post(text(3));

    assertThat(warden.throttle().report(10).refusedByReason()).containsEntry("too_fast", 2L);
  }

  @Test
  void aDisabledThrottleLetsEveryCommentThrough() throws Exception {
    start("throttle: {enabled: false}\n");
    for (int i = 0; i < 5; i++) {
      assertThat(post(text(i)).statusCode()).isEqualTo(201);
    }
  }
}
