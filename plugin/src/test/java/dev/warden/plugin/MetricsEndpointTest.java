package dev.warden.plugin;

import static dev.warden.plugin.TestConfigs.ABUSIVE;
import static dev.warden.plugin.TestConfigs.BENIGN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.plugin.internal.store.MutableClock;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /warden/metrics} over real HTTP: who may scrape, and that the meters follow what the filter did. */
class MetricsEndpointTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ARTICLE = "/articles/peace-talks/comments";
  static final String TOKEN = "prometheus-scrape-token-0123456789";
  static final String WITH_TOKEN = """
      metrics: {scrape-token: %s}
      throttle:
        limits:
          default: {min-interval: 10s, max: 10, window: 10m, per-article: {max: 20, window: 24h}}
      """.formatted(TOKEN);

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

  HttpResponse<String> scrape(String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(site.base.resolve("/warden/metrics"));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return TestSite.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  String metrics() throws Exception {
    HttpResponse<String> response = scrape("Authorization", "Bearer " + TOKEN);
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  HttpResponse<String> post(String text) throws Exception {
    return site.postJson(ARTICLE, JSON.writeValueAsString(Map.of("text", text)), "Accept", "application/json");
  }

  @Test
  void refusesAScrapeWithoutOrWithAWrongTokenWith401AndNoDetails() throws Exception {
    start(WITH_TOKEN);

    for (HttpResponse<String> refused : java.util.List.of(scrape(),
        scrape("Authorization", "Bearer " + TOKEN + "x"),
        scrape("Authorization", "Bearer " + TOKEN.substring(1)),
        scrape("Authorization", "Basic " + TOKEN))) {
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.body()).isEmpty();
      assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"warden-metrics\"");
    }
    HttpResponse<String> allowed = scrape("Authorization", "Bearer " + TOKEN);
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/plain"));
    assertThat(allowed.body()).contains("jvm_memory_used_bytes");
  }

  @Test
  void refusesEveryScrapeWhenNoTokenIsConfiguredAndNobodyIsLoggedIn() throws Exception {
    start("");
    assertThat(scrape().statusCode()).isEqualTo(401);
    assertThat(scrape("Authorization", "Bearer ").statusCode()).isEqualTo(401);
    assertThat(scrape("Authorization", "Bearer anything-at-all-0123456789").statusCode()).isEqualTo(401);
  }

  @Test
  void countsAllowedHeldAndThrottledCommentsAndTimesEveryClassification() throws Exception {
    start(WITH_TOKEN);
    String before = metrics();
    assertThat(PrometheusText.value(before, "warden_classification_seconds_count")).isZero();

    assertThat(post(BENIGN).statusCode()).isEqualTo(201);
    clock.advance(Duration.ofSeconds(11));
    assertThat(post(ABUSIVE).statusCode()).isEqualTo(202);
    assertThat(post(BENIGN + " Again.").statusCode()).isEqualTo(429); // within min-interval

    String after = metrics();
    assertThat(PrometheusText.value(after, "warden_decisions_total", "outcome", "allow", "label", "none"))
        .isEqualTo(1);
    assertThat(PrometheusText.value(after, "warden_decisions_total", "outcome", "hold", "label", "abuse"))
        .isEqualTo(1);
    assertThat(PrometheusText.value(after, "warden_decisions_total", "outcome", "throttle", "label", "too_fast"))
        .isEqualTo(1);
    assertThat(PrometheusText.value(after, "warden_throttle_events_total", "action", "refuse", "reason",
        "too_fast")).isEqualTo(1);
    // Two comments were classified; the throttled one cost no classification.
    assertThat(PrometheusText.value(after, "warden_classification_seconds_count")).isEqualTo(2);
    assertThat(PrometheusText.value(after, "warden_classification_seconds_sum")).isPositive();
    assertThat(after).contains("warden_classification_seconds_bucket{le=");
    assertThat(PrometheusText.value(after, "warden_queue_comments", "status", "pending")).isEqualTo(1);
    // What Warden added to each request: the allowed comment went on to the site, the other two were answered.
    assertThat(PrometheusText.value(after, "warden_moderation_seconds_count", "result", "passed")).isEqualTo(1);
    assertThat(PrometheusText.value(after, "warden_moderation_seconds_count", "result", "answered")).isEqualTo(2);
    // A bucket at the 2 ms budget, so the share of requests within it is exact.
    assertThat(after).contains("warden_moderation_seconds_bucket{result=\"passed\",le=\"0.002\"}");
  }

  @Test
  void theTimeWardenAddsLeavesOutTheSitesOwnHandling() throws Exception {
    warden = Warden.start(TestConfigs.config(dataDir, WITH_TOKEN), clock);
    // A slow site: 1.5 s in its own code after Warden passed the comment on.
    site = TestSite.custom(0, c -> {
      c.addFilter(new org.eclipse.jetty.ee10.servlet.FilterHolder(new ModerationFilter(warden)), "/*",
          java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
      c.addFilter(new org.eclipse.jetty.ee10.servlet.FilterHolder((request, response, chain) -> {
        try {
          Thread.sleep(1_500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        chain.doFilter(request, response);
      }), "/*", java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
    });

    long start = System.nanoTime();
    assertThat(post(BENIGN).statusCode()).isEqualTo(201);
    double seenByReader = (System.nanoTime() - start) / 1e9;

    String after = metrics();
    double added = PrometheusText.value(after, "warden_moderation_seconds_sum", "result", "passed");
    assertThat(seenByReader).isGreaterThanOrEqualTo(1.5);
    assertThat(added).as("Warden's own time, without the site's 1.5 s").isPositive().isLessThan(1.5);
  }

  @Test
  void queueDepthIsRecountedAtMostOncePerQueueRefresh() throws Exception {
    start(WITH_TOKEN); // queue-refresh: 10s by default
    assertThat(PrometheusText.value(metrics(), "warden_queue_comments", "status", "pending")).isZero();
    assertThat(post(ABUSIVE).statusCode()).isEqualTo(202);

    clock.advance(Duration.ofSeconds(9));
    assertThat(PrometheusText.value(metrics(), "warden_queue_comments", "status", "pending")).isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(PrometheusText.value(metrics(), "warden_queue_comments", "status", "pending")).isEqualTo(1);
  }

  @Test
  void countsAFailedDeliveryThatWillBeRetried() throws Exception {
    start(WITH_TOKEN); // the release target, 127.0.0.1:9, refuses connections
    String id = JSON.readTree(post(ABUSIVE).body()).get("id").asText();
    warden.comments().approve(id, "moderator");
    warden.wakeReleaser();

    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    double retries = 0;
    while (retries == 0 && System.nanoTime() < deadline) {
      retries = PrometheusText.value(metrics(), "warden_delivery_attempts_total", "result", "retry");
      if (retries == 0) {
        Thread.sleep(100); // the outbox works on its own thread
      }
    }
    assertThat(retries).isEqualTo(1);
    assertThat(PrometheusText.value(metrics(), "warden_delivery_attempts_total", "result", "delivered")).isZero();
  }

  @Test
  void passesTheMetricsPathOnToTheSiteWhenMetricsAreOff() throws Exception {
    start("metrics: {enabled: false, scrape-token: " + TOKEN + "}\n");
    HttpResponse<String> response = scrape("Authorization", "Bearer " + TOKEN);
    assertThat(response.statusCode()).isEqualTo(404); // the test site has nothing there
    assertThat(response.body()).doesNotContain("warden_");
  }
}
