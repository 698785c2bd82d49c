package dev.warden.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The live settings' JSON form: it round-trips, uses warden.yaml's keys, and is validated exactly as warden.yaml is,
 * every bad value naming its key. Also the {@code console} config section.
 */
class PolicySettingsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String BASE_YAML = "release: {secret: " + TestConfigs.SECRET + "}\nadmin: {auth: container}\n";

  static WardenConfig config(String extra) {
    return WardenConfig.parse(BASE_YAML + extra, n -> null);
  }

  static final PolicySettings BASELINE = PolicySettings.of(config("""
      articles:
        conflict: {ids: [b, a], paths: ["/articles/war-*/comments"], sections: [world], tags: [ukraine]}
      """));

  @Test
  void theBaselineRoundTripsThroughJson() {
    ObjectNode json = BASELINE.toJson();

    assertThat(PolicySettings.fromJson(json)).isEqualTo(BASELINE);
    assertThat(PolicySettings.fromJson(json).toJson()).isEqualTo(json);
  }

  @Test
  void theJsonUsesWardenYamlKeysAndShortDurations() {
    ObjectNode json = BASELINE.toJson();

    assertThat(json.at("/policies/conflict/labels/abuse/hold").asDouble()).isEqualTo(0.5);
    assertThat(json.at("/policies/conflict/labels/abuse/reject").isNull()).isTrue();
    assertThat(json.at("/policies/default/on-unsupported-language").asText()).isEqualTo("score");
    assertThat(json.at("/throttle/limits/conflict/min-interval").asText()).isEqualTo("15s");
    assertThat(json.at("/throttle/limits/default/per-article/window").asText()).isEqualTo("1d");
    assertThat(json.at("/articles/conflict/ids").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(json.at("/policies/sections").isObject()).isTrue();
  }

  @Test
  void aPolicyFromWardenYamlWithFewerLabelsEqualsTheSameReadFromJson() {
    PolicyConfig partial = new PolicyConfig(Map.of("abuse", new PolicyConfig.LabelThresholds(0.4, null)),
        PolicyConfig.OnError.HOLD);
    PolicySettings settings = new PolicySettings(partial, partial, Map.of("World", partial),
        BASELINE.throttleLimits(), BASELINE.articles());

    assertThat(PolicySettings.fromJson(settings.toJson())).isEqualTo(settings);
    assertThat(settings.policy("section:World").thresholds("threat")).isEqualTo(PolicyConfig.LabelThresholds.OFF);
  }

  @Test
  void sectionPoliciesAreNamedAndSorted() {
    PolicySettings settings = withSections(Map.of("World", BASELINE.conflictPolicy(), "Culture",
        BASELINE.defaultPolicy()));

    assertThat(settings.policyNames()).containsExactly("default", "conflict", "section:Culture", "section:World");
    assertThat(settings.policy("section:World")).isEqualTo(BASELINE.conflictPolicy());
    assertThat(settings.policy("section:Sport")).isNull();
    assertThat(settings.policy("nonsense")).isNull();
    assertThat(PolicySettings.fromJson(settings.toJson())).isEqualTo(settings);
  }

  @Test
  void sectionLimitsRoundTripAndAreOptional() {
    ObjectNode json = BASELINE.toJson();
    ((ObjectNode) json.at("/policies/sections")).set("live", json.at("/policies/default").deepCopy());
    ObjectNode live = ((ObjectNode) json.at("/throttle/limits/sections")).putObject("live");
    live.setAll((ObjectNode) json.at("/throttle/limits/conflict").deepCopy());
    live.put("min-interval", "1m");

    PolicySettings settings = PolicySettings.fromJson(json);

    assertThat(settings.throttleLimits().sections().get("live").minInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(settings.throttleLimits().of(false, "live").minInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(settings.throttleLimits().of(true, "Sport")).isEqualTo(settings.throttleLimits().conflict());
    assertThat(PolicySettings.fromJson(settings.toJson())).isEqualTo(settings);
    assertThat(settings.toJson()).isEqualTo(json);
    assertThat(settings.changesFrom(BASELINE)).extracting(PolicySettings.Change::toString)
        .contains("throttle.limits.sections.live.min-interval: (none) -> 1m");
    ObjectNode without = BASELINE.toJson();
    ((ObjectNode) without.at("/throttle/limits")).remove("sections");
    assertThat(PolicySettings.fromJson(without)).isEqualTo(BASELINE);
  }

  @Test
  void badSectionLimitsNameTheirKey() {
    assertKey(json -> {
      ((ObjectNode) json.at("/policies/sections")).set("live", json.at("/policies/default").deepCopy());
      ((ObjectNode) json.at("/throttle/limits/sections")).set("live",
          json.at("/throttle/limits/default").deepCopy());
      ((ObjectNode) json.at("/throttle/limits/sections/live")).put("max", 0);
    }, "throttle.limits.sections.live.max");
    assertKey(json -> ((ObjectNode) json.at("/throttle/limits/sections")).set("live",
        json.at("/throttle/limits/default").deepCopy()), "throttle.limits.sections.live");
    assertKey(json -> {
      ((ObjectNode) json.at("/policies/sections")).set("live", json.at("/policies/default").deepCopy());
      ((ObjectNode) json.at("/throttle/limits/sections")).putObject("live").put("max", 5);
    }, "throttle.limits.sections.live.min-interval");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      policies.conflict.labels.abuse.hold                | /policies/conflict/labels/abuse     | hold   | 1.5
      policies.conflict.labels.abuse.hold                | /policies/conflict/labels/abuse     | hold   | lots
      policies.default.labels.threat.reject              | /policies/default/labels/threat     | reject | 0.1
      policies.default.on-error                          | /policies/default                   | on-error | maybe
      throttle.limits.conflict.min-interval              | /throttle/limits/conflict           | min-interval | -5s
      throttle.limits.default.max                        | /throttle/limits/default            | max    | 0
      throttle.limits.conflict.per-article.window        | /throttle/limits/conflict/per-article | window | 0s
      throttle.limits.default.window                     | /throttle/limits/default            | window | soon
      """)
  void aBadValueNamesItsKey(String key, String pointer, String field, String value) {
    ObjectNode json = BASELINE.toJson();
    ((ObjectNode) json.at(pointer)).put(field, value);

    assertThatThrownBy(() -> PolicySettings.fromJson(json))
        .isInstanceOf(WardenConfigException.class)
        .satisfies(e -> assertThat(((WardenConfigException) e).key()).isEqualTo(key));
  }

  @Test
  void structuralMistakesNameTheirKey() {
    assertKey(json -> ((ObjectNode) json.at("/policies/conflict/labels")).putObject("sarcasm").put("hold", 0.5),
        "policies.conflict.labels.sarcasm");
    assertKey(json -> json.putObject("policiez"), "policiez");
    assertKey(json -> ((ObjectNode) json.at("/policies/conflict")).remove("on-error"), "policies.conflict.on-error");
    assertKey(json -> ((ObjectNode) json.at("/articles/conflict")).putArray("paths").add("articles/*"),
        "articles.conflict.paths[0]");
    assertKey(json -> ((ObjectNode) json.at("/policies/sections")).putObject("World").putObject("labels"),
        "policies.sections.World.on-error");
    assertKey(json -> ((ObjectNode) json.at("/policies/sections")).put("World", 0.5), "policies.sections.World");
    assertKey(json -> ((ObjectNode) json.at("/policies/sections")).set(" World",
        json.at("/policies/conflict").deepCopy()), "policies.sections");
    assertKey(json -> ((ObjectNode) json.at("/policies/sections")).set("x".repeat(101),
        json.at("/policies/conflict").deepCopy()), "policies.sections");
  }

  @Test
  void tooManySectionsIsAnError() {
    ObjectNode json = BASELINE.toJson();
    ObjectNode sections = (ObjectNode) json.at("/policies/sections");
    for (int i = 0; i <= PolicySettings.MAX_SECTIONS; i++) {
      sections.set("s" + i, json.at("/policies/default").deepCopy());
    }

    assertThatThrownBy(() -> PolicySettings.fromJson(json)).isInstanceOf(WardenConfigException.class)
        .hasMessageContaining("policies.sections");
  }

  @Test
  void changesListEveryChangedKeyInWardenYamlTerms() {
    ObjectNode json = BASELINE.toJson();
    ((ObjectNode) json.at("/policies/conflict/labels/abuse")).put("hold", 0.4);
    ((ObjectNode) json.at("/throttle/limits/conflict")).put("min-interval", "1m");
    ((ObjectNode) json.at("/articles/conflict")).putArray("tags").add("ukraine").add("sudan");
    ((ObjectNode) json.at("/policies/sections")).set("World", json.at("/policies/default").deepCopy());
    PolicySettings after = PolicySettings.fromJson(json);

    assertThat(after.changesFrom(BASELINE)).extracting(PolicySettings.Change::toString).containsSubsequence(
        "articles.conflict.tags: [\"ukraine\"] -> [\"sudan\",\"ukraine\"]",
        "policies.conflict.labels.abuse.hold: 0.5 -> 0.4",
        "policies.sections.World.labels.abuse.hold: (none) -> 0.7",
        "throttle.limits.conflict.min-interval: 15s -> 1m");
    assertThat(after.changesFrom(BASELINE)).extracting(PolicySettings.Change::key)
        .contains("policies.sections.World.on-error")
        .doesNotContain("policies.default.labels.abuse.hold");
    assertThat(BASELINE.changesFrom(BASELINE)).isEmpty();
  }

  @Test
  void theConsoleSectionHasDefaultsAndNamesBadKeys() {
    ConsoleConfig console = config("").console();
    assertThat(console.refresh()).isEqualTo(Duration.ofSeconds(5));
    assertThat(console.samples().retention()).isEqualTo(Duration.ofDays(30));
    assertThat(console.samples().maxRows()).isEqualTo(1_000_000);
    assertThat(console.samples().enabled()).isTrue();

    assertConfigKey("console: {refresh: 0s}", "console.refresh");
    assertConfigKey("console: {samples: {retention: 400d}}", "console.samples.retention");
    assertConfigKey("console: {samples: {max-rows: 10}}", "console.samples.max-rows");
    assertConfigKey("console: {samples: {queue: 1}}", "console.samples.queue");
    assertConfigKey("console: {samples: {flush-interval: 1h}}", "console.samples.flush-interval");
    assertConfigKey("console: {samples: {enabled: perhaps}}", "console.samples.enabled");
    assertConfigKey("console: {sample: {}}", "console.sample");
  }

  private static PolicySettings withSections(Map<String, PolicyConfig> sections) {
    return new PolicySettings(BASELINE.defaultPolicy(), BASELINE.conflictPolicy(), sections,
        BASELINE.throttleLimits(), BASELINE.articles());
  }

  private static void assertKey(Consumer<ObjectNode> change, String key) {
    ObjectNode json = BASELINE.toJson();
    change.accept(json);
    assertThatThrownBy(() -> PolicySettings.fromJson(json))
        .isInstanceOf(WardenConfigException.class)
        .satisfies(e -> assertThat(((WardenConfigException) e).key()).isEqualTo(key));
  }

  private static void assertConfigKey(String yaml, String key) {
    assertThatThrownBy(() -> config(yaml))
        .isInstanceOf(WardenConfigException.class)
        .satisfies(e -> assertThat(((WardenConfigException) e).key()).isEqualTo(key));
  }
}
