package dev.warden.admin;

import static dev.warden.admin.AdminServer.PASSWORD;
import static dev.warden.admin.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.plugin.store.HeldComment;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /stats} and the saved views ({@code GET/POST /views}, {@code DELETE /views/{name}}) over real HTTP:
 * roles, CSRF, validation, and numbers that follow the moderators' decisions.
 */
class StatsAndViewsApiTest {
  @TempDir static Path dataDir;
  static AdminServer server;

  @BeforeAll
  static void start() throws Exception {
    server = AdminServer.start(dataDir);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static Http login(String user) throws Exception {
    Http http = new Http(server.base);
    assertThat(http.login(user, PASSWORD).statusCode()).isEqualTo(200);
    return http;
  }

  private static JsonNode ok(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json(response);
  }

  @Test
  void statsCountEachModeratorsDecisionsTodayAndTheOverturnsPerReason() throws Exception {
    HeldComment approved = server.hold("stats-article", "approve me");
    HeldComment rejected = server.hold("stats-article", "reject me");
    server.hold("stats-article", "still pending");
    Http moderator = login("moderator");
    ok(moderator.postWithCsrf("/warden/api/comments/" + approved.id() + "/approve", null), 200);
    ok(moderator.postWithCsrf("/warden/api/comments/" + rejected.id() + "/reject", "{\"reason\":\"spam\"}"), 200);

    JsonNode stats = ok(login("publisher").get("/warden/api/stats?days=1"), 200);

    assertThat(stats.get("days").asInt()).isEqualTo(1);
    assertThat(stats.get("since").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC) + "T00:00:00Z");
    JsonNode day = stats.get("decisions").get(0);
    assertThat(day.get("moderator").asText()).isEqualTo("moderator");
    assertThat(day.get("day").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
    assertThat(day.get("approved").asLong()).isEqualTo(1);
    assertThat(day.get("rejected").asLong()).isEqualTo(1);
    JsonNode abuse = stats.get("reasons").get(0);
    assertThat(abuse.get("reason").asText()).isEqualTo("abuse");
    assertThat(abuse.get("held").asLong()).isEqualTo(3);
    assertThat(abuse.get("decided").asLong()).isEqualTo(2);
    assertThat(abuse.get("overturned").asLong()).isEqualTo(1);
    assertThat(abuse.get("overturnRate").asDouble()).isEqualTo(0.5);
    // Held through the store, not the filter: nothing was classified, so there is no hold rate.
    assertThat(stats.get("classified").asLong()).isZero();
    assertThat(abuse.get("holdRate").isNull()).isTrue();
  }

  @Test
  void statsAreForEveryAdminRoleAndNeedASession() throws Exception {
    for (String user : new String[] {"moderator", "publisher", "chief"}) {
      ok(login(user).get("/warden/api/stats"), 200);
    }
    assertThat(new Http(server.base).get("/warden/api/stats").statusCode()).isEqualTo(401);
    assertThat(login("moderator").postWithCsrf("/warden/api/stats", null).statusCode()).isEqualTo(405);
  }

  @Test
  void daysOutsideOneToNinetyAreRejected() throws Exception {
    Http publisher = login("publisher");
    for (String days : new String[] {"0", "91", "-1", "seven", "1.5"}) {
      JsonNode error = ok(publisher.get("/warden/api/stats?days=" + days), 400);
      assertThat(error.get("message").asText()).contains("'days'");
    }
    assertThat(ok(publisher.get("/warden/api/stats?days=90"), 200).get("days").asInt()).isEqualTo(90);
  }

  @Test
  void aModeratorSavesListsReplacesAndDeletesTheirOwnViews() throws Exception {
    Http moderator = login("moderator");
    ok(moderator.postWithCsrf("/warden/api/views", "{\"name\":\"Kyiv watch\",\"query\":\"#article=kyiv-live\"}"),
        201);
    ok(moderator.postWithCsrf("/warden/api/views", "{\"name\":\"World\",\"query\":\"reason=abuse&sort=score\"}"),
        201);
    JsonNode replaced = ok(moderator.postWithCsrf("/warden/api/views",
        "{\"name\":\"Kyiv watch\",\"query\":\"status=approved&article=kyiv-live\"}"), 201);
    assertThat(replaced.get("query").asText()).isEqualTo("status=approved&article=kyiv-live");

    JsonNode items = ok(moderator.get("/warden/api/views"), 200).get("items");
    assertThat(items).extracting(n -> n.get("name").asText()).containsExactly("Kyiv watch", "World");
    assertThat(ok(login("chief").get("/warden/api/views"), 200).get("items")).isEmpty();

    ok(moderator.deleteWithCsrf("/warden/api/views/Kyiv%20watch"), 200);
    assertThat(ok(moderator.deleteWithCsrf("/warden/api/views/Kyiv%20watch"), 404).get("error").asText())
        .isEqualTo("not_found");
    assertThat(ok(moderator.get("/warden/api/views"), 200).get("items"))
        .extracting(n -> n.get("name").asText()).containsExactly("World");
    ok(moderator.deleteWithCsrf("/warden/api/views/World"), 200);
  }

  @Test
  void changesNeedTheCsrfTokenAndTheModeratorRole() throws Exception {
    Http moderator = login("moderator");
    String body = "{\"name\":\"x\",\"query\":\"\"}";
    assertThat(moderator.post("/warden/api/views", body, "Content-Type", "application/json").statusCode())
        .isEqualTo(403);
    ok(moderator.postWithCsrf("/warden/api/views", body), 201);
    assertThat(moderator.post("/warden/api/views/x", null).statusCode()).isEqualTo(405);
    Http noToken = new Http(server.base);
    noToken.sessionCookie = moderator.sessionCookie;
    noToken.csrf = "not-the-token";
    assertThat(noToken.deleteWithCsrf("/warden/api/views/x").statusCode()).isEqualTo(403);
    ok(moderator.deleteWithCsrf("/warden/api/views/x"), 200);

    Http publisher = login("publisher");
    assertThat(publisher.get("/warden/api/views").statusCode()).isEqualTo(403);
    assertThat(publisher.postWithCsrf("/warden/api/views", body).statusCode()).isEqualTo(403);
    assertThat(new Http(server.base).get("/warden/api/views").statusCode()).isEqualTo(401);
  }

  @Test
  void badNamesAndQueriesGet400() throws Exception {
    Http moderator = login("moderator");
    String[] bodies = {
        "{\"query\":\"a=b\"}",
        "{\"name\":\"\",\"query\":\"a=b\"}",
        "{\"name\":\"" + "n".repeat(81) + "\",\"query\":\"a=b\"}",
        "{\"name\":\"a/b\",\"query\":\"a=b\"}",
        "{\"name\":\"ok\"}",
        "{\"name\":\"ok\",\"query\":7}",
        "{\"name\":\"ok\",\"query\":\"" + "q".repeat(2001) + "\"}",
        "{\"name\":\"tab\\there\",\"query\":\"a=b\"}",
        "[]",
        "not json"};
    for (String body : bodies) {
      assertThat(moderator.postWithCsrf("/warden/api/views", body).statusCode()).as(body).isEqualTo(400);
    }
    assertThat(ok(moderator.get("/warden/api/views"), 200).get("items"))
        .extracting(n -> n.get("name").asText()).doesNotContain("ok", "", "a/b");
  }
}
