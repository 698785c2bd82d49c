package dev.warden.admin;

import static dev.warden.admin.AdminServer.PASSWORD;
import static dev.warden.admin.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.plugin.store.Article;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /whatif} over real HTTP after real comments went through the filter and moderators decided the held
 * ones: the histogram of recent scores, the comments per day each threshold would hold, and the precision of holds
 * from the moderators' decisions.
 */
class WhatIfApiTest {
  static final List<String> BENIGN = List.of(
      "Thanks for the careful reporting on the evacuation of Kharkiv.",
      "Good summary of the negotiations, thank you.",
      "The photos from the border are heartbreaking.",
      "I read this twice; the map of the front line helps a lot.",
      "My grandmother lived in that town, thank you for writing about it.",
      "Clear and calm reporting, which is rare these days.");
  static final List<String> ABUSIVE = List.of(
      "You are a worthless idiot and a disgusting liar, shut up.",
      "You are a pathetic idiot, shut up.",
      "Shut up you stupid moron, nobody cares.");

  @TempDir static Path dataDir;
  static AdminServer server;
  static Http publisher;
  static int readers;

  @BeforeAll
  static void start() throws Exception {
    server = AdminServer.startWithSite(AdminServer.yaml(dataDir) + PolicyApiTest.CONSOLE);
    server.articles.put(new Article("allotments", "Allotments", "Gardening", List.of(), null));
    for (String text : BENIGN) {
      assertThat(comment("war-diary", text).statusCode()).isEqualTo(201);
    }
    assertThat(comment("war-diary", PolicyApiTest.MILD).statusCode()).isEqualTo(201);
    List<String> held = new ArrayList<>();
    for (String text : ABUSIVE) {
      HttpResponse<String> response = comment("war-diary", text);
      assertThat(response.statusCode()).isEqualTo(202);
      held.add(json(response).get("id").asText());
    }
    assertThat(comment("city-marathon", BENIGN.get(0)).statusCode()).isEqualTo(201);
    assertThat(comment("allotments", BENIGN.get(1)).statusCode()).isEqualTo(201);
    Http moderator = new Http(server.base);
    assertThat(moderator.login("moderator", PASSWORD).statusCode()).isEqualTo(200);
    assertThat(moderator.postWithCsrf("/warden/api/comments/" + held.get(0) + "/reject", "{\"reason\":\"abuse\"}")
        .statusCode()).isEqualTo(200);
    assertThat(moderator.postWithCsrf("/warden/api/comments/" + held.get(1) + "/reject", "{}").statusCode())
        .isEqualTo(200);
    assertThat(moderator.postWithCsrf("/warden/api/comments/" + held.get(2) + "/approve", "{}").statusCode())
        .isEqualTo(200);
    publisher = new Http(server.base);
    assertThat(publisher.login("publisher", PASSWORD).statusCode()).isEqualTo(200);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static HttpResponse<String> comment(String article, String text) throws Exception {
    String body = Http.JSON.createObjectNode().put("text", text).toString();
    return new Http(server.base).post("/articles/" + article + "/comments", body, "Content-Type",
        "application/json", "Cookie", "site_user=reader-" + ++readers);
  }

  static JsonNode whatIf(String query) throws Exception {
    HttpResponse<String> response = publisher.get("/warden/api/whatif?" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  @Test
  void theHistogramCountsThePolicysRecentScores() throws Exception {
    JsonNode whatIf = whatIf("policy=conflict&label=abuse&days=7");

    assertThat(whatIf.get("samples").asLong()).isEqualTo(10);
    assertThat(whatIf.get("bins")).hasSize(50);
    long sum = 0;
    for (JsonNode bin : whatIf.get("bins")) {
      sum += bin.asLong();
    }
    assertThat(sum).isEqualTo(10);
    assertThat(whatIf.get("bins").get(49).asLong()).isEqualTo(3);
    assertThat(whatIf.get("binWidth").asDouble()).isEqualTo(0.02);
    assertThat(whatIf.at("/current/hold").asDouble()).isEqualTo(0.5);
    assertThat(whatIf.at("/current/reject").isNull()).isTrue();
    assertThat(whatIf.get("coveredDays").asDouble()).isEqualTo(1.0);
  }

  @Test
  void everyThresholdSaysHowManyCommentsPerDayItWouldHoldAndHowPreciseHoldsWere() throws Exception {
    JsonNode thresholds = whatIf("policy=conflict&label=abuse&days=7").get("thresholds");

    assertThat(thresholds).hasSize(101);
    assertThat(thresholds.get(0).get("held").asLong()).isEqualTo(10);
    assertThat(thresholds.get(20).get("held").asLong()).as("the mild comment scores about 0.23").isEqualTo(4);
    JsonNode atHalf = thresholds.get(50);
    assertThat(atHalf.get("threshold").asDouble()).isEqualTo(0.5);
    assertThat(atHalf.get("held").asLong()).isEqualTo(3);
    assertThat(atHalf.get("heldPerDay").asDouble()).isEqualTo(3.0);
    assertThat(atHalf.get("decided").asLong()).isEqualTo(3);
    assertThat(atHalf.get("rejected").asLong()).isEqualTo(2);
    assertThat(atHalf.get("precision").asDouble()).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(thresholds.get(100).get("held").asLong()).isZero();
    assertThat(thresholds.get(100).get("precision").isNull()).isTrue();
    for (int i = 1; i < thresholds.size(); i++) {
      assertThat(thresholds.get(i).get("held").asLong()).isLessThanOrEqualTo(thresholds.get(i - 1).get("held")
          .asLong());
    }
  }

  @Test
  void theDefaultPolicyAndSectionsHaveTheirOwnSamples() throws Exception {
    JsonNode defaults = whatIf("policy=default&label=abuse&days=1");
    JsonNode section = whatIf("policy=section:Gardening&label=abuse&days=30");

    // city-marathon, and allotments: its section has no policy of its own
    assertThat(defaults.get("samples").asLong()).isEqualTo(2);
    assertThat(defaults.at("/thresholds/50/decided").asLong()).isZero();
    assertThat(section.get("samples").asLong()).isEqualTo(1);
    assertThat(section.at("/current/exists").asBoolean()).isFalse();
    // Kinds are scored only for comments with some abuse: the mild one and the three abusive ones.
    assertThat(whatIf("policy=conflict&label=threat&days=7").get("samples").asLong()).isEqualTo(4);
  }

  @Test
  void badParametersAre400NamingTheField() throws Exception {
    HttpResponse<String> label = publisher.get("/warden/api/whatif?policy=conflict&label=sarcasm");
    HttpResponse<String> policy = publisher.get("/warden/api/whatif?policy=everything&label=abuse");
    HttpResponse<String> days = publisher.get("/warden/api/whatif?policy=conflict&label=abuse&days=0");

    assertThat(label.statusCode()).isEqualTo(400);
    assertThat(json(label).get("field").asText()).isEqualTo("label");
    assertThat(json(policy).get("field").asText()).isEqualTo("policy");
    assertThat(days.statusCode()).isEqualTo(400);
    assertThat(publisher.get("/warden/api/whatif?days=366").statusCode()).isEqualTo(400);
  }
}
