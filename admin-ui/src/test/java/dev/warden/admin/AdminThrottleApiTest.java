package dev.warden.admin;

import static dev.warden.admin.AdminServer.PASSWORD;
import static dev.warden.admin.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The throttle through the admin API: suspending and lifting a poster (stored, enforced by the filter at once),
 * the report of refusals and top throttled posters, and coordinated groups with their held comments. Readers are
 * told apart by a site cookie, so that one test address can play several posters.
 */
class AdminThrottleApiTest {
  static final String THROTTLE = throttle("{enabled: false}");

  /**
   * A throttle that tells posters apart by the {@code site_user} cookie, with generous limits (tests post quickly
   * from one address), coordinated groups from 3 posters, and the given surge settings.
   */
  static String throttle(String surge) {
    return """
        throttle:
          poster-key: {order: [cookie, ip], cookie: site_user}
          limits:
            default: {min-interval: 0s, max: 100, window: 10m, per-article: {max: 100, window: 24h}}
            conflict: {min-interval: 0s, max: 100, window: 10m, per-article: {max: 100, window: 24h}}
          per-address: {max: 1000, window: 10m}
          coordinated: {posters: 3, window: 30m, min-length: 20}
          surge: %s
        """.formatted(surge);
  }

  @TempDir static Path dataDir;
  static AdminServer server;


  @BeforeAll
  static void start() throws Exception {
    server = AdminServer.startWithSite(AdminServer.yaml(dataDir) + THROTTLE);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static Http moderator() throws Exception {
    Http http = new Http(server.base);
    assertThat(http.login("moderator", PASSWORD).statusCode()).isEqualTo(200);
    return http;
  }

  private static HttpResponse<String> comment(String user, String article, String text) throws Exception {
    String body = Http.JSON.createObjectNode().put("text", text).toString();
    return new Http(server.base).post("/articles/" + article + "/comments", body, "Content-Type",
        "application/json", "Cookie", "site_user=" + user);
  }

  @Test
  void aSuspendedPosterIsRefusedByTheFilterUntilLifted() throws Exception {
    Http http = moderator();
    assertThat(comment("vasyl", "kyiv-1", "First comment from Vasyl about the report.").statusCode())
        .isEqualTo(201);

    HttpResponse<String> suspended = http.postWithCsrf("/warden/api/posters/cookie:vasyl/suspend",
        "{\"for\": \"24h\", \"reason\": \"spam\"}");

    assertThat(suspended.statusCode()).isEqualTo(200);
    assertThat(json(suspended).get("reason").asText()).isEqualTo("spam");
    assertThat(json(suspended).get("suspendedBy").asText()).isEqualTo("moderator");
    HttpResponse<String> refused = comment("vasyl", "kyiv-1", "Second comment from Vasyl about the report.");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(json(refused).get("reason").asText()).isEqualTo("suspended");
    assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(Duration.ofHours(23).toSeconds(), Duration.ofHours(24).toSeconds());
    assertThat(json(http.get("/warden/api/posters/suspended")).get("items"))
        .anySatisfy(item -> assertThat(item.get("key").asText()).isEqualTo("cookie:vasyl"));

    assertThat(http.deleteWithCsrf("/warden/api/posters/cookie:vasyl/suspend").statusCode()).isEqualTo(200);

    assertThat(comment("vasyl", "kyiv-1", "Third comment from Vasyl about the report.").statusCode())
        .isEqualTo(201);
    assertThat(json(http.get("/warden/api/posters/cookie:vasyl")).get("suspension").isNull()).isTrue();
  }

  @Test
  void anIpv6PrefixKeyWithASlashCanBeSuspended() throws Exception {
    Http http = moderator();
    String key = "ip:2001:db8:1:2:0:0:0:0/64";

    HttpResponse<String> suspended = http.postWithCsrf("/warden/api/posters/" + key + "/suspend",
        "{\"until\": \"" + Instant.now().plus(Duration.ofDays(2)) + "\"}");

    assertThat(suspended.statusCode()).isEqualTo(200);
    assertThat(json(http.get("/warden/api/posters/" + key)).get("suspension").get("key").asText()).isEqualTo(key);
  }

  @Test
  void suspendingNeedsTheCsrfTokenAndAValidPeriod() throws Exception {
    Http http = moderator();
    assertThat(http.post("/warden/api/posters/cookie:olga/suspend", "{\"for\": \"1h\"}", "Content-Type",
        "application/json").statusCode()).isEqualTo(403);
    for (String body : new String[] {"{}", "{\"for\": \"soon\"}", "{\"for\": \"400d\"}",
        "{\"until\": \"2001-01-01T00:00:00Z\"}", "{\"for\": \"1h\", \"until\": \"2030-01-01T00:00:00Z\"}"}) {
      HttpResponse<String> response = http.postWithCsrf("/warden/api/posters/cookie:olga/suspend", body);
      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(json(response).get("message").asText()).as(body).isNotBlank();
    }
    assertThat(http.deleteWithCsrf("/warden/api/posters/cookie:nobody-suspended/suspend").statusCode())
        .isEqualTo(404);
    assertThat(new Http(server.base).get("/warden/api/throttle").statusCode()).isEqualTo(401);
  }

  @Test
  void theReportCountsRefusalsAndNamesTheTopThrottledPosters() throws Exception {
    String text = "Duplicate comment posted twice by Petro about the report.";
    assertThat(comment("petro", "kyiv-2", text).statusCode()).isEqualTo(201);
    for (int i = 0; i < 3; i++) {
      assertThat(comment("petro", "kyiv-2", text).statusCode()).isEqualTo(429);
    }

    JsonNode report = json(moderator().get("/warden/api/throttle?top=5"));

    assertThat(report.get("refusedByReason").get("duplicate").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(report.get("topPosters").get(0).get("key").asText()).isEqualTo("cookie:petro");
    assertThat(report.get("topPosters").get(0).get("lastReason").asText()).isEqualTo("duplicate");
  }

  @Test
  void aCoordinatedGroupListsItsHeldComments() throws Exception {
    String text = "Share this everywhere: the evacuation buses were a staged provocation by Kyiv.";
    comment("bot-1", "kyiv-3", text);
    comment("bot-2", "kyiv-3", text);
    HttpResponse<String> third = comment("bot-3", "kyiv-3", text);
    HttpResponse<String> fourth = comment("bot-4", "kyiv-3", text);
    assertThat(third.statusCode()).isEqualTo(202);
    assertThat(fourth.statusCode()).isEqualTo(202);
    Http http = moderator();
    JsonNode groups = json(http.get("/warden/api/throttle")).get("coordinated");
    String group = groups.get(0).get("group").asText();

    JsonNode shown = json(http.get("/warden/api/coordinated/" + group));

    assertThat(shown.get("seen").get("posters").asInt()).isEqualTo(4);
    assertThat(shown.get("comments")).hasSize(2);
    assertThat(shown.get("comments").get(0).get("reason").asText()).isEqualTo("coordinated");
    assertThat(shown.get("comments").get(0).get("group").asText()).isEqualTo(group);
    assertThat(shown.get("comments").get(0).get("reasonText").asText())
        .isEqualTo("Held: the same text came from several posters within a short time (coordinated).");
    assertThat(http.get("/warden/api/coordinated/0123456789abcdef").statusCode()).isEqualTo(404);
    assertThat(http.get("/warden/api/coordinated/%3Cscript%3E").statusCode()).isEqualTo(404);
  }
}
