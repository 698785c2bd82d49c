package dev.warden.admin;

import static dev.warden.admin.AdminServer.PASSWORD;
import static dev.warden.admin.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publishers' console API over real HTTP, with the moderation filter in front of a test site: roles, CSRF,
 * validation naming the field, versions and rollback, and changes that the next comment through the filter meets.
 */
class PolicyApiTest {
  /** Abuse about 0.23 with the bundled model: allowed on conflict articles until the threshold drops below it. */
  static final String MILD = "What a silly and careless article.";
  static final String CONSOLE = """
      articles:
        conflict: {paths: ["/articles/war-*/comments"]}
      throttle:
        poster-key: {order: [cookie, ip], cookie: site_user}
        coordinated: {posters: 1000, window: 30m, min-length: 20}
        limits:
          default: {min-interval: 0s, max: 100, window: 10m, per-article: {max: 100, window: 24h}}
          conflict: {min-interval: 0s, max: 100, window: 10m, per-article: {max: 100, window: 24h}}
        surge: {enabled: false}
      """;

  @TempDir Path dataDir;
  AdminServer server;

  @BeforeEach
  void start() throws Exception {
    server = AdminServer.startWithSite(AdminServer.yaml(dataDir) + CONSOLE);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  Http login(String user) throws Exception {
    Http http = new Http(server.base);
    assertThat(http.login(user, PASSWORD).statusCode()).isEqualTo(200);
    return http;
  }

  private int readers;

  /** A comment by a new reader (a site cookie of its own), so that the same text twice is not a duplicate. */
  HttpResponse<String> comment(String article, String text) throws Exception {
    return comment(article, text, "reader-" + ++readers);
  }

  HttpResponse<String> comment(String article, String text, String reader) throws Exception {
    String body = Http.JSON.createObjectNode().put("text", text).toString();
    return new Http(server.base).post("/articles/" + article + "/comments", body, "Content-Type",
        "application/json", "Cookie", "site_user=" + reader);
  }

  /** A PUT body: the settings in force with {@code edit} applied. */
  static String change(Http http, String comment, Consumer<ObjectNode> edit) throws Exception {
    JsonNode policies = json(http.get("/warden/api/policies"));
    ObjectNode settings = (ObjectNode) policies.get("settings").deepCopy();
    edit.accept(settings);
    ObjectNode body = Http.JSON.createObjectNode();
    body.set("settings", settings);
    body.put("comment", comment);
    body.put("baseVersion", policies.at("/current/version").asLong());
    return body.toString();
  }

  static HttpResponse<String> put(Http http, String body) throws Exception {
    return http.put("/warden/api/policies", body, "Content-Type", "application/json", "X-CSRF-Token", http.csrf);
  }

  static Consumer<ObjectNode> conflictAbuseHold(double hold) {
    return s -> ((ObjectNode) s.at("/policies/conflict/labels/abuse")).put("hold", hold);
  }

  @Test
  void moderatorsGet403AndStrangers401OnEveryConsoleEndpoint() throws Exception {
    Http moderator = login("moderator");
    Http stranger = new Http(server.base);
    stranger.csrf = "none";
    String body = change(login("publisher"), "", conflictAbuseHold(0.4));

    for (Http http : List.of(moderator, stranger)) {
      int expected = http == moderator ? 403 : 401;
      assertThat(http.get("/warden/api/policies").statusCode()).isEqualTo(expected);
      assertThat(http.get("/warden/api/policies/versions/0").statusCode()).isEqualTo(expected);
      assertThat(http.get("/warden/api/whatif?policy=conflict&label=abuse&days=7").statusCode()).isEqualTo(expected);
      assertThat(put(http, body).statusCode()).isEqualTo(expected);
      assertThat(http.postWithCsrf("/warden/api/policies/rollback/0", "{}").statusCode()).isEqualTo(expected);
    }
    assertThat(json(moderator.get("/warden/api/policies")).get("error").asText()).isEqualTo("forbidden");
    assertThat(server.warden.policies().current().version()).isZero();
  }

  @Test
  void publishersAndAdminsReadTheVersionInForceWithItsSettingsAndHistory() throws Exception {
    JsonNode policies = json(login("publisher").get("/warden/api/policies"));

    assertThat(policies.at("/current/version").asLong()).isZero();
    assertThat(policies.at("/current/author").asText()).isEqualTo("warden.yaml");
    assertThat(policies.at("/settings/policies/conflict/labels/abuse/hold").asDouble()).isEqualTo(0.5);
    assertThat(policies.at("/settings/throttle/limits/conflict/min-interval").asText()).isEqualTo("0s");
    assertThat(policies.at("/settings/articles/conflict/paths/0").asText()).isEqualTo("/articles/war-*/comments");
    assertThat(policies.get("labels").toString()).contains("abuse", "identity_attack");
    assertThat(policies.get("policies").toString()).isEqualTo("[\"default\",\"conflict\"]");
    assertThat(policies.get("history")).hasSize(1);
    assertThat(login("chief").get("/warden/api/policies").statusCode()).isEqualTo(200);
  }

  @Test
  void changesWithoutTheCsrfTokenAre403() throws Exception {
    Http publisher = login("publisher");
    String body = change(publisher, "", conflictAbuseHold(0.4));

    HttpResponse<String> noToken = publisher.put("/warden/api/policies", body, "Content-Type", "application/json");
    HttpResponse<String> wrongToken = publisher.put("/warden/api/policies", body, "Content-Type",
        "application/json", "X-CSRF-Token", "forged");
    HttpResponse<String> rollback = publisher.post("/warden/api/policies/rollback/0", "{}", "Content-Type",
        "application/json");

    assertThat(List.of(noToken.statusCode(), wrongToken.statusCode(), rollback.statusCode()))
        .containsOnly(403);
    assertThat(json(noToken).get("error").asText()).isEqualTo("csrf");
    assertThat(server.warden.policies().current().version()).isZero();
  }

  @Test
  void aBadValueIs400NamingTheFieldAndStoresNothing() throws Exception {
    Http publisher = login("publisher");

    assertField(publisher, change(publisher, "", conflictAbuseHold(1.5)), "policies.conflict.labels.abuse.hold");
    assertField(publisher, change(publisher, "", s -> ((ObjectNode) s.at("/throttle/limits/conflict"))
        .put("min-interval", "soon")), "throttle.limits.conflict.min-interval");
    assertField(publisher, change(publisher, "", s -> ((ObjectNode) s.at("/policies/default/labels/threat"))
        .put("reject", 0.1)), "policies.default.labels.threat.reject");
    assertField(publisher, change(publisher, "", s -> ((ObjectNode) s.at("/policies/sections")).putObject("World")
        .putObject("labels")), "policies.sections.World.on-error");
    assertField(publisher, change(publisher, "", s -> s.put("sarcasm", true)), "sarcasm");
    assertField(publisher, "{\"comment\":\"x\"}", "settings");
    assertField(publisher, change(publisher, "x".repeat(501), s -> { }), "comment");
    assertField(publisher, change(publisher, "", s -> { }).replace("\"baseVersion\":0", "\"baseVersion\":\"x\""),
        "baseVersion");
    assertThat(server.warden.policies().current().version()).isZero();
  }

  private static void assertField(Http publisher, String body, String field) throws Exception {
    HttpResponse<String> response = put(publisher, body);
    assertThat(response.statusCode()).as(field).isEqualTo(400);
    assertThat(json(response).get("error").asText()).isEqualTo("invalid_setting");
    assertThat(json(response).get("field").asText()).isEqualTo(field);
    assertThat(json(response).get("message").asText()).contains(field);
  }

  @Test
  void aSavedChangeMeetsTheNextCommentThroughTheFilter() throws Exception {
    Http publisher = login("publisher");
    assertThat(comment("war-diary", MILD).statusCode()).isEqualTo(201);

    HttpResponse<String> saved = put(publisher, change(publisher, "stricter on the war", conflictAbuseHold(0.2)));

    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(json(saved).get("version").asLong()).isEqualTo(1);
    assertThat(json(saved).get("author").asText()).isEqualTo("publisher");
    assertThat(json(saved).get("changes").toString())
        .contains("\"key\":\"policies.conflict.labels.abuse.hold\",\"before\":\"0.5\",\"after\":\"0.2\"");
    HttpResponse<String> held = comment("war-diary", MILD);
    assertThat(held.statusCode()).isEqualTo(202);
    assertThat(comment("city-marathon", MILD).statusCode()).as("default policy unchanged").isEqualTo(201);
  }

  @Test
  void aRaisedMinimumIntervalRefusesTheNextCommentWith429() throws Exception {
    Http publisher = login("publisher");
    assertThat(comment("war-diary", "First thoughts on the diary entry.", "olena").statusCode()).isEqualTo(201);

    assertThat(put(publisher, change(publisher, "", s -> ((ObjectNode) s.at("/throttle/limits/conflict"))
        .put("min-interval", "1h"))).statusCode()).isEqualTo(200);
    HttpResponse<String> refused = comment("war-diary", "Second thoughts on the diary entry.", "olena");

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(json(refused).get("reason").asText()).isEqualTo("too_fast");
    assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
        v -> assertThat(Long.parseLong(v)).isBetween(3500L, 3600L));
  }

  @Test
  void aChangeOnAStaleVersionIs409() throws Exception {
    Http first = login("publisher");
    Http second = login("chief");
    String late = change(second, "", conflictAbuseHold(0.3));
    assertThat(put(first, change(first, "", conflictAbuseHold(0.4))).statusCode()).isEqualTo(200);

    HttpResponse<String> conflict = put(second, late);

    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(json(conflict).get("error").asText()).isEqualTo("version_conflict");
    assertThat(json(conflict).get("latestVersion").asLong()).isEqualTo(1);
    assertThat(server.warden.policies().settings().conflictPolicy().thresholds("abuse").hold()).isEqualTo(0.4);
  }

  @Test
  void aRollbackIsANewVersionWithTheOlderSettingsAndAppliesAtOnce() throws Exception {
    Http publisher = login("publisher");
    put(publisher, change(publisher, "stricter", conflictAbuseHold(0.2)));
    assertThat(comment("war-diary", MILD).statusCode()).isEqualTo(202);

    HttpResponse<String> rollback = publisher.postWithCsrf("/warden/api/policies/rollback/0",
        "{\"comment\":\"too strict\",\"baseVersion\":1}");

    assertThat(rollback.statusCode()).isEqualTo(200);
    assertThat(json(rollback).get("version").asLong()).isEqualTo(2);
    assertThat(json(rollback).get("restoredFrom").asLong()).isZero();
    assertThat(json(rollback).get("comment").asText()).isEqualTo("too strict");
    assertThat(comment("war-diary", MILD).statusCode()).isEqualTo(201);
    JsonNode version2 = json(publisher.get("/warden/api/policies/versions/2"));
    assertThat(version2.get("changes").toString()).contains("\"before\":\"0.2\",\"after\":\"0.5\"");
    assertThat(version2.at("/settings/policies/conflict/labels/abuse/hold").asDouble()).isEqualTo(0.5);
    JsonNode history = json(publisher.get("/warden/api/policies")).get("history");
    assertThat(history.findValuesAsText("author")).containsExactly("publisher", "publisher", "warden.yaml");
    assertThat(publisher.postWithCsrf("/warden/api/policies/rollback/9", "{}").statusCode()).isEqualTo(404);
    assertThat(publisher.get("/warden/api/policies/versions/9").statusCode()).isEqualTo(404);
    assertThat(publisher.get("/warden/api/policies/versions/x").statusCode()).isEqualTo(404);
  }

  @Test
  void aSectionPolicyIsSavedAndListed() throws Exception {
    Http publisher = login("publisher");

    HttpResponse<String> saved = put(publisher, change(publisher, "", s -> ((ObjectNode) s.at("/policies/sections"))
        .set("World", s.at("/policies/conflict").deepCopy())));

    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(json(publisher.get("/warden/api/policies")).get("policies").toString())
        .isEqualTo("[\"default\",\"conflict\",\"section:World\"]");
    assertThat(server.warden.policies().settings().policy("section:World")).isNotNull();
  }
}
