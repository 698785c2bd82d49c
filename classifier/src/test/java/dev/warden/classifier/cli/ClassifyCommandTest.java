package dev.warden.classifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.classifier.NarrativeMatch;
import dev.warden.classifier.Term;
import dev.warden.classifier.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassifyCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(Verdict verdict) throws Exception {
    return JSON.readTree(JSON.writeValueAsString(ClassifyCommand.toJson(verdict)));
  }

  @Test
  void printsScoresFirstWithLabelsThenTheKindsPresentInDisplayOrder() throws Exception {
    Verdict verdict = new Verdict(
        Map.of("profanity", 0.7, "abuse", 0.9, "disinformation", 0.1, "insult", 0.8),
        Map.of("abuse", List.of(new Term("idiot", 1.5, 4, 9))),
        "eng", List.of(), Set.of(), "seed-1");
    String line = JSON.writeValueAsString(ClassifyCommand.toJson(verdict));
    assertThat(line).startsWith("{\"scores\":{\"abuse\":0.9,\"disinformation\":0.1,\"insult\":0.8,\"profanity\":0.7}");
    List<String> keys = new ArrayList<>();
    json(verdict).fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("scores", "terms", "language", "flags", "narratives", "model");
  }

  @Test
  void printsTermSpansOnlyWhenKnown() throws Exception {
    Verdict verdict = new Verdict(
        Map.of("abuse", 0.9, "disinformation", 0.1),
        Map.of("abuse", List.of(new Term("idiot", 1.5, 4, 9), new Term("moron", 1.0))),
        "eng", "seed-1");
    JsonNode terms = json(verdict).at("/terms/abuse");
    assertThat(terms.get(0).get("start").asInt()).isEqualTo(4);
    assertThat(terms.get(0).get("end").asInt()).isEqualTo(9);
    assertThat(terms.get(1).has("start")).isFalse();
    assertThat(json(verdict).at("/terms/disinformation").isArray()).isTrue();
  }

  @Test
  void printsLanguageFlagsAndNarratives() throws Exception {
    Verdict verdict = new Verdict(
        Map.of("abuse", 0.1, "disinformation", 0.8),
        Map.of(),
        "rus",
        List.of(new NarrativeMatch("bucha-staged", "Bucha killings were staged", "", 0.4321234, "https://x.test/d")),
        Set.of(Verdict.UNSUPPORTED_LANGUAGE),
        "seed-1");
    JsonNode json = json(verdict);
    assertThat(json.get("language").asText()).isEqualTo("rus");
    assertThat(json.get("flags").get(0).asText()).isEqualTo("unsupported_language");
    JsonNode narrative = json.get("narratives").get(0);
    assertThat(narrative.get("id").asText()).isEqualTo("bucha-staged");
    assertThat(narrative.get("title").asText()).isEqualTo("Bucha killings were staged");
    assertThat(narrative.get("similarity").asDouble()).isEqualTo(0.432123);
    assertThat(narrative.get("debunk").asText()).isEqualTo("https://x.test/d");
  }
}
