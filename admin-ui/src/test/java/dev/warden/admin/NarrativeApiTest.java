package dev.warden.admin;

import static dev.warden.admin.AdminServer.PASSWORD;
import static dev.warden.admin.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The narrative catalogue of the publishers' console over real HTTP, with the moderation filter in front of a test
 * site: roles, CSRF, validation naming the field, audit, and changes that the next comment through the filter meets.
 */
class NarrativeApiTest {
  /** Conflict articles hold every comment for disinformation, so each one is stored with its explanation. */
  static final String CONSOLE = PolicyApiTest.CONSOLE + """
      policies:
        conflict:
          labels:
            disinformation: {hold: 0.0001, reject: null}
      """;
  static final String ZEBRA = """
      {"title": "The zebra parliament takes orders from the moon", "description": "A made-up claim.",
       "phrasings": ["the lighthouse on the moon broadcasts secret orders to the zebra parliament"],
       "keywords": ["zebra parliament"], "debunk": "https://example.org/debunk"}""";
  static final String COMMENT = "the lighthouse on the moon is broadcasting secret orders to the zebra parliament";

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

  static HttpResponse<String> put(Http http, String id, String body) throws Exception {
    return http.put("/warden/api/narratives/" + id, body, "Content-Type", "application/json", "X-CSRF-Token",
        http.csrf);
  }

  private int readers;

  /** Posts a comment on a conflict article and returns the narrative ids of its stored explanation. */
  List<String> narrativesOfHeldComment(String text) throws Exception {
    String body = Http.JSON.createObjectNode().put("text", text).toString();
    new Http(server.base).post("/articles/war-1/comments", body, "Content-Type", "application/json", "Cookie",
        "site_user=reader-" + ++readers);
    JsonNode newest = json(login("moderator").get("/warden/api/queue?status=pending&limit=1")).at("/items/0");
    assertThat(newest.get("text").asText()).isEqualTo(text);
    List<String> ids = new ArrayList<>();
    newest.get("narratives").forEach(n -> ids.add(n.get("id").asText()));
    return ids;
  }

  @Test
  void moderatorsGet403AndStrangers401() throws Exception {
    Http moderator = login("moderator");
    Http stranger = new Http(server.base);
    stranger.csrf = "none";
    for (Http http : List.of(moderator, stranger)) {
      int expected = http == moderator ? 403 : 401;
      assertThat(http.get("/warden/api/narratives").statusCode()).isEqualTo(expected);
      assertThat(put(http, "zebra", ZEBRA).statusCode()).isEqualTo(expected);
      assertThat(http.postWithCsrf("/warden/api/narratives/bucha_staged/retire", "{}").statusCode())
          .isEqualTo(expected);
    }
  }

  @Test
  void changesWithoutTheCsrfTokenAreRefused() throws Exception {
    Http publisher = login("publisher");
    HttpResponse<String> response = publisher.put("/warden/api/narratives/zebra", ZEBRA, "Content-Type",
        "application/json");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(publisher.post("/warden/api/narratives/bucha_staged/retire", "{}", "Content-Type",
        "application/json").statusCode()).isEqualTo(403);
    assertThat(server.warden.narratives().find("zebra")).isEmpty();
  }

  @Test
  void listsTheBundledNarrativesActive() throws Exception {
    JsonNode list = json(login("publisher").get("/warden/api/narratives")).get("narratives");
    JsonNode bucha = null;
    for (JsonNode n : list) {
      if (n.get("id").asText().equals("bucha_staged")) {
        bucha = n;
      }
    }
    assertThat(bucha).isNotNull();
    assertThat(bucha.get("source").asText()).isEqualTo("bundled");
    assertThat(bucha.get("status").asText()).isEqualTo("active");
    assertThat(bucha.get("phrasings").size()).isGreaterThan(0);
    assertThat(bucha.get("version").asInt()).isZero();
  }

  @Test
  void aBadValueIsA400NamingTheField() throws Exception {
    Http publisher = login("publisher");
    assertField(put(publisher, "Bad%20Id", ZEBRA), "id");
    assertField(put(publisher, "zebra", ZEBRA.replace("\"title\": \"The zebra", "\"title\": \" \", \"x\": \"")),
        "x");
    assertField(put(publisher, "zebra", ZEBRA.replace("The zebra parliament takes orders from the moon", "")),
        "title");
    assertField(put(publisher, "zebra", ZEBRA.replace(
        "\"the lighthouse on the moon broadcasts secret orders to the zebra parliament\"", "")), "phrasings");
    assertField(put(publisher, "zebra", ZEBRA.replace("https://example.org/debunk", "javascript:alert(1)")),
        "debunk");
    assertField(put(publisher, "zebra", "{\"id\": \"other\"," + ZEBRA.substring(1)), "id");
    assertThat(server.warden.narratives().find("zebra")).isEmpty();
  }

  static void assertField(HttpResponse<String> response, String field) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json(response).get("field").asText()).isEqualTo(field);
  }

  @Test
  void anAddedNarrativeIsMatchedAtOnceAndARetiredOneNoLonger() throws Exception {
    Http publisher = login("publisher");
    assertThat(narrativesOfHeldComment(COMMENT)).doesNotContain("zebra");

    HttpResponse<String> added = put(publisher, "zebra", ZEBRA);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
    assertThat(json(added).get("source").asText()).isEqualTo("publisher");
    assertThat(json(added).get("version").asInt()).isEqualTo(1);
    assertThat(narrativesOfHeldComment(COMMENT)).contains("zebra");

    HttpResponse<String> retired = publisher.postWithCsrf("/warden/api/narratives/zebra/retire", "{}");
    assertThat(json(retired).get("status").asText()).isEqualTo("retired");
    assertThat(narrativesOfHeldComment(COMMENT)).doesNotContain("zebra");

    publisher.postWithCsrf("/warden/api/narratives/zebra/restore", "{}");
    assertThat(narrativesOfHeldComment(COMMENT)).contains("zebra");

    JsonNode audit = json(publisher.get("/warden/api/audit?target=zebra")).get("items");
    List<String> actions = new ArrayList<>();
    audit.forEach(e -> actions.add(e.get("action").asText() + " " + e.get("targetType").asText()));
    assertThat(actions).containsExactly("narrative_restore narrative", "narrative_retire narrative",
        "narrative_add narrative");
  }

  @Test
  void editingABundledNarrativeKeepsItsSourceAndRetiringItStopsItsMatches() throws Exception {
    Http publisher = login("publisher");
    String bucha = "Bucha was staged, the bodies were moving in the video";
    assertThat(narrativesOfHeldComment(bucha)).contains("bucha_staged");

    assertThat(publisher.postWithCsrf("/warden/api/narratives/bucha_staged/retire", "{}").statusCode())
        .isEqualTo(200);
    assertThat(narrativesOfHeldComment(bucha)).doesNotContain("bucha_staged");

    HttpResponse<String> edited = put(publisher, "bucha_staged", ZEBRA);
    assertThat(json(edited).get("source").asText()).isEqualTo("bundled");
    assertThat(json(edited).get("status").asText()).isEqualTo("active");
    assertThat(json(edited).get("version").asInt()).isEqualTo(2);
    assertThat(narrativesOfHeldComment(COMMENT)).contains("bucha_staged");
  }

  @Test
  void anUnknownNarrativeIs404() throws Exception {
    Http publisher = login("publisher");
    assertThat(publisher.postWithCsrf("/warden/api/narratives/nope/retire", "{}").statusCode()).isEqualTo(404);
    assertThat(publisher.postWithCsrf("/warden/api/narratives/nope/restore", "{}").statusCode()).isEqualTo(404);
  }
}
