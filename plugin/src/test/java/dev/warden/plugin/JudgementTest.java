package dev.warden.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.plugin.store.HeldComment;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the richer verdict does to a comment, over real HTTP with the real bundled classifier: abuse-kind
 * thresholds, the unsupported-language policy, and the explanation moderators see (terms with spans, language,
 * flags, narratives from the bundled catalogue and from a publisher's {@code models.narratives} file).
 */
class JudgementTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String THREAT = "I will find you and kill you, you traitor.";
  static final String RUSSIAN = "Это всё постановка, в Буче никого не убивали, это провокация.";
  static final String BUCHA = "The massacre in Bucha was staged by crisis actors, it was a false flag.";
  static final String DAM = "the city secretly mined the riverside dam to flood the old town";

  @TempDir static Path dataDir;
  static Warden warden;
  static TestSite site;

  @BeforeAll
  static void start() throws Exception {
    Path catalogue = Files.writeString(dataDir.resolve("our-narratives.yaml"), """
        version: 1
        narratives:
          - id: riverside_dam_mined
            title: "The city mined the Riverside dam"
            description: "Claims that the city council mined the Riverside dam to flood the old town. False."
            debunk: https://example.org/fact-check/riverside-dam
            keywords: [riverside dam, mined, flood the old town]
            phrasings:
              - "the city mined the riverside dam to flood the old town"
              - "council secretly put explosives on the riverside dam"
        """);
    warden = Warden.start(WardenConfig.parse("""
        data-dir: %s
        articles:
          conflict:
            paths: ["/articles/war-*/comments"]
        policies:
          conflict:
            labels:
              abuse: {hold: null}
              threat: {hold: 0.4}
        release:
          secret: %s
          target: http://127.0.0.1:9
          poll-interval: 1h
        admin: {auth: container}
        models:
          narratives: ["%s"]
        throttle: {enabled: false}   # many comments from one address; ThrottleTest covers the throttle
        """.formatted(dataDir.toString().replace('\\', '/'), TestConfigs.SECRET,
        catalogue.toString().replace('\\', '/')), name -> null));
    site = TestSite.withFilter(warden);
  }

  @AfterAll
  static void stop() throws Exception {
    site.close();
    warden.close();
  }

  @BeforeEach
  void forgetRequests() {
    site.received().clear();
  }

  static HttpResponse<String> post(String article, String text) throws Exception {
    return site.postJson("/articles/" + article + "/comments", JSON.writeValueAsString(Map.of("text", text)));
  }

  static HeldComment held(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    String id = JSON.readTree(response.body()).get("id").asText();
    return warden.comments().find(id).orElseThrow();
  }

  @SuppressWarnings("unchecked")
  static <T> T part(HeldComment comment, String key) {
    return (T) comment.explanation().get(key);
  }

  @Test
  void threatOverTheKindThresholdIsHeldWithTheKindAsReason() throws Exception {
    HeldComment comment = held(post("war-kharkiv", THREAT));

    assertThat(comment.reason()).isEqualTo("threat");
    assertThat(comment.scores()).containsKeys("abuse", "disinformation", "insult", "threat", "identity_attack",
        "profanity");
    assertThat(comment.scores().get("threat")).isGreaterThanOrEqualTo(0.4);
    Map<String, Map<String, Object>> thresholds = part(comment, "thresholds");
    assertThat(thresholds.get("threat")).containsEntry("hold", 0.4);
    Map<String, List<Map<String, Object>>> terms = part(comment, "terms");
    assertThat(terms).containsKey("threat");
  }

  @Test
  void sameThreatOnADefaultArticleIsHeldForAbuseAtTheDefaultThreshold() throws Exception {
    assertThat(held(post("city-marathon", THREAT)).reason()).isIn("abuse", "threat");
  }

  @Test
  void russianCommentOnAConflictArticleIsHeldForAModeratorToRead() throws Exception {
    HeldComment comment = held(post("war-bucha", RUSSIAN));

    assertThat(comment.reason()).isEqualTo("unsupported_language");
    assertThat(comment.explanation()).containsEntry("language", "rus")
        .containsEntry("flags", List.of("unsupported_language"));
    assertThat(comment.text()).isEqualTo(RUSSIAN);
  }

  @Test
  void russianCommentOnADefaultArticleIsScoredAsUsual() throws Exception {
    HttpResponse<String> response = post("city-marathon", RUSSIAN);

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(site.received()).hasSize(1);
  }

  @Test
  void explanationOfADisinformationCommentCarriesTheNarrativeTermSpansAndLanguage() throws Exception {
    HeldComment comment = held(post("war-bucha", BUCHA));

    assertThat(comment.reason()).isEqualTo("disinformation");
    assertThat(comment.explanation()).containsEntry("language", "eng").containsEntry("flags", List.of())
        .containsKey("model");
    List<Map<String, Object>> narratives = part(comment, "narratives");
    assertThat(narratives).isNotEmpty().hasSizeLessThanOrEqualTo(5);
    assertThat(narratives.get(0)).containsEntry("id", "bucha_staged")
        .containsEntry("title", "Bucha killings were staged")
        .containsKey("description");
    assertThat((String) narratives.get(0).get("debunkUrl")).startsWith("https://");
    assertThat((Double) narratives.get(0).get("similarity")).isBetween(0.25, 1.0);
    Map<String, List<Map<String, Object>>> terms = part(comment, "terms");
    assertThat(terms.get("disinformation")).isNotEmpty().hasSizeLessThanOrEqualTo(10)
        .allSatisfy(term -> {
          int start = (Integer) term.get("start");
          int end = (Integer) term.get("end");
          assertThat(BUCHA.substring(start, end)).isEqualToIgnoringCase((String) term.get("text"));
        });
  }

  @Test
  void publishersNarrativeCatalogueFromTheConfigIsMatched() throws Exception {
    HeldComment comment = held(post("war-river", DAM));

    assertThat(comment.reason()).isEqualTo("disinformation");
    List<Map<String, Object>> narratives = part(comment, "narratives");
    assertThat(narratives).first().satisfies(n -> {
      assertThat(n).containsEntry("id", "riverside_dam_mined").containsEntry("title", "The city mined the Riverside dam")
          .containsEntry("debunkUrl", "https://example.org/fact-check/riverside-dam");
    });
  }

  @Test
  void badNarrativeCatalogueFailsStartUpNamingTheKey(@TempDir Path dir) throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "version: 1\nnarratives: [{id: x, colour: red}]\n");
    WardenConfig config = TestConfigs.config(dir, "models: {narratives: [\"" + bad.toString().replace('\\', '/')
        + "\"]}\n");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Warden.start(config))
        .isInstanceOf(WardenConfigException.class)
        .hasMessageContaining("models.narratives");
  }
}
