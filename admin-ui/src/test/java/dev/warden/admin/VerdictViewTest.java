package dev.warden.admin;

import static dev.warden.admin.AdminServer.PASSWORD;
import static dev.warden.admin.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.plugin.store.HeldComment;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What moderators get of the richer verdict through the API: kind scores, terms with spans, language, flags,
 * narratives (debunk links only when http/https) and reason sentences. One test posts real comments through the
 * moderation filter, so the explanation comes from the real classifier and its narrative catalogue.
 */
class VerdictViewTest {
  static final String BUCHA = "The massacre in Bucha was staged by crisis actors, it was a false flag.";
  static final String RUSSIAN = "Это всё постановка, в Буче никого не убивали, это провокация.";

  @TempDir static Path dataDir;
  static AdminServer server;

  /** The site's own comment servlet: stores nothing, answers 201. */

  @BeforeAll
  static void start() throws Exception {
    // Posts many comments from one address: the throttle has its own tests (AdminThrottleApiTest).
    String yaml = AdminServer.yaml(dataDir) + "articles: {conflict: {paths: [\"/articles/war-*/comments\"]}}\n"
        + "throttle: {enabled: false}\n";
    server = AdminServer.startWithSite(yaml);
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

  private static JsonNode item(Http http, String id) throws Exception {
    HttpResponse<String> response = http.get("/warden/api/comments/" + id);
    assertThat(response.statusCode()).isEqualTo(200);
    return json(response);
  }

  @Test
  void queueItemCarriesKindScoresTermSpansLanguageFlagsAndSafeNarratives() throws Exception {
    String text = "I will find you, traitor. Bucha was staged.";
    HeldComment held = server.holdWithVerdict("war-1", text, "threat",
        Map.of("abuse", 0.9, "disinformation", 0.6, "threat", 0.81, "insult", 0.2),
        Map.of("language", "eng", "flags", List.of("some_flag"),
            "terms", Map.of("threat", List.of(Map.of("text", "find you", "weight", 2.0, "start", 7, "end", 15),
                Map.of("text", "bad span", "weight", 1.0, "start", 40, "end", 400))),
            "narratives", List.of(
                Map.of("id", "bucha_staged", "title", "Bucha killings were staged", "description", "False.",
                    "similarity", 0.72, "debunkUrl", "https://example.org/bucha"),
                Map.of("id", "evil", "title", "<img src=x onerror=alert(1)>", "description", "",
                    "similarity", 0.3, "debunkUrl", "javascript:alert(1)"))));

    JsonNode item = item(moderator(), held.id());

    assertThat(item.get("scores").get("threat").asDouble()).isEqualTo(0.81);
    assertThat(item.get("scores").get("insult").asDouble()).isEqualTo(0.2);
    assertThat(item.get("language").asText()).isEqualTo("eng");
    assertThat(item.get("languageName").asText()).isEqualTo("English");
    assertThat(item.get("flags").toString()).isEqualTo("[\"some_flag\"]");
    JsonNode threatTerms = item.get("terms").get("threat");
    assertThat(threatTerms.get(0).get("start").asInt()).isEqualTo(7);
    assertThat(threatTerms.get(0).get("end").asInt()).isEqualTo(15);
    assertThat(threatTerms.get(1).has("start")).as("a span outside the text is dropped").isFalse();
    JsonNode narratives = item.get("narratives");
    assertThat(narratives).hasSize(2);
    assertThat(narratives.get(0).get("debunkUrl").asText()).isEqualTo("https://example.org/bucha");
    assertThat(narratives.get(0).get("description").asText()).isEqualTo("False.");
    assertThat(narratives.get(1).get("title").asText()).isEqualTo("<img src=x onerror=alert(1)>");
    assertThat(narratives.get(1).has("debunkUrl")).as("a javascript: link is not passed on").isFalse();
    assertThat(item.get("reasonText").asText()).isEqualTo("Held: threat score 0.81 is above the conflict policy's "
        + "hold threshold 0.50; it matches the known narrative 'Bucha killings were staged' (similarity 0.72)");
  }

  @Test
  void unsupportedLanguageReasonNamesTheLanguage() throws Exception {
    HeldComment held = server.holdWithVerdict("war-2", RUSSIAN, "unsupported_language",
        Map.of("abuse", 0.01, "disinformation", 0.02),
        Map.of("language", "rus", "flags", List.of("unsupported_language")));

    assertThat(item(moderator(), held.id()).get("reasonText").asText()).isEqualTo("Held: the comment is in Russian "
        + "(rus), which the models do not cover; a moderator should read it.");
  }

  @Test
  void commentsHeldByTheFilterShowTheRealVerdictToModerators() throws Exception {
    Http reader = new Http(server.base);
    HttpResponse<String> bucha = reader.post("/articles/war-bucha/comments",
        Http.JSON.writeValueAsString(Map.of("text", BUCHA)), "Content-Type", "application/json");
    HttpResponse<String> russian = reader.post("/articles/war-bucha/comments",
        Http.JSON.writeValueAsString(Map.of("text", RUSSIAN)), "Content-Type", "application/json");
    assertThat(bucha.statusCode()).isEqualTo(202);
    assertThat(russian.statusCode()).isEqualTo(202);

    Http http = moderator();
    JsonNode disinfo = item(http, json(bucha).get("id").asText());
    assertThat(disinfo.get("reason").asText()).isEqualTo("disinformation");
    assertThat(disinfo.get("language").asText()).isEqualTo("eng");
    assertThat(disinfo.get("scores").has("abuse")).isTrue();
    JsonNode narrative = disinfo.get("narratives").get(0);
    assertThat(narrative.get("id").asText()).isEqualTo("bucha_staged");
    assertThat(narrative.get("debunkUrl").asText()).startsWith("https://");
    assertThat(disinfo.get("reasonText").asText())
        .startsWith("Held: disinformation score ")
        .contains("; it matches the known narrative 'Bucha killings were staged' (similarity ");
    List<JsonNode> spans = StreamSupport.stream(disinfo.get("terms").get("disinformation").spliterator(), false)
        .filter(t -> t.has("start")).toList();
    assertThat(spans).isNotEmpty().allSatisfy(t -> assertThat(
        BUCHA.substring(t.get("start").asInt(), t.get("end").asInt())).isEqualToIgnoringCase(t.get("text").asText()));

    JsonNode foreign = item(http, json(russian).get("id").asText());
    assertThat(foreign.get("reason").asText()).isEqualTo("unsupported_language");
    assertThat(foreign.get("languageName").asText()).isEqualTo("Russian");
    assertThat(foreign.get("flags").toString()).isEqualTo("[\"unsupported_language\"]");
    assertThat(foreign.get("reasonText").asText()).startsWith("Held: the comment is in Russian (rus)");
  }
}
