package dev.warden.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.classifier.Verdict;
import dev.warden.plugin.internal.store.MutableClock;
import dev.warden.plugin.policy.PolicyVersion;
import dev.warden.plugin.policy.ScoreHistogram;
import dev.warden.plugin.policy.VersionConflictException;
import dev.warden.plugin.store.Actor;
import dev.warden.plugin.store.Article;
import dev.warden.plugin.store.HeldComment;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishers' changes through {@link Warden#policies()} take effect on the next comment through the real filter
 * (thresholds, throttle limits, conflict rules, section policies), survive a restart, reach other nodes at their
 * refresh, and can be rolled back; every classified comment leaves a score sample.
 */
class LivePoliciesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  /** Abuse about 0.23 with the bundled model: allowed by every bundled policy, held at a lower threshold. */
  static final String MILD = "What a silly and careless article.";
  static final String ARTICLE = "/articles/war-diary/comments";

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

  HttpResponse<String> post(String path, String text) throws Exception {
    return site.postJson(path, JSON.writeValueAsString(Map.of("text", text)));
  }

  /** Saves the current settings with {@code edit} applied to their JSON form, as the admin API does. */
  PolicyVersion change(Consumer<ObjectNode> edit) {
    PolicyVersion current = warden.policies().current();
    ObjectNode json = current.settings().toJson();
    edit.accept(json);
    return warden.policies().update(PolicySettings.fromJson(json), Actor.named("pat"), "test", current.version());
  }

  static Consumer<ObjectNode> threshold(String policyPointer, String label, Double hold) {
    return json -> ((ObjectNode) json.at(policyPointer + "/labels/" + label)).put("hold", hold);
  }

  double abuse(String text) {
    Verdict verdict = warden.classifier().classify(text);
    return verdict.scores().get("abuse");
  }

  @Test
  void loweringTheConflictAbuseHoldThresholdHoldsTheNextComment() throws Exception {
    start("");
    double score = abuse(MILD);
    assertThat(score).as("the test text must pass the bundled conflict policy").isBetween(0.05, 0.45);
    assertThat(post(ARTICLE, MILD).statusCode()).isEqualTo(201);

    PolicyVersion saved = change(threshold("/policies/conflict", "abuse", Math.floor(score * 100 - 1) / 100));
    HttpResponse<String> after = post(ARTICLE, MILD);

    assertThat(saved.version()).isEqualTo(1);
    assertThat(after.statusCode()).isEqualTo(202);
    HeldComment held = warden.comments().find(JSON.readTree(after.body()).get("id").asText()).orElseThrow();
    assertThat(held.reason()).isEqualTo("abuse");
    assertThat(held.explanation()).containsEntry("policy", "conflict");
    assertThat(post("/articles/gardening/comments", MILD).statusCode()).as("default policy unchanged")
        .isEqualTo(201);
  }

  @Test
  void raisingTheMinimumIntervalRefusesTheNextComment() throws Exception {
    start("""
        throttle:
          limits:
            conflict: {min-interval: 1s, max: 100, window: 10m, per-article: {max: 100, window: 24h}}
        """);
    assertThat(post(ARTICLE, "First comment on the diary, thanks.").statusCode()).isEqualTo(201);
    clock.advance(Duration.ofSeconds(2));
    assertThat(post(ARTICLE, "Second comment on the diary, thanks.").statusCode()).isEqualTo(201);
    clock.advance(Duration.ofSeconds(2));

    change(json -> ((ObjectNode) json.at("/throttle/limits/conflict")).put("min-interval", "1h"));
    HttpResponse<String> refused = post(ARTICLE, "Third comment on the diary, thanks.");

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(JSON.readTree(refused.body()).get("reason").asText()).isEqualTo("too_fast");
    assertThat(refused.headers().firstValue("Retry-After")).hasValue(String.valueOf(3600 - 2));
  }

  @Test
  void aRaisedWindowAllowanceCountsFurtherBackThanTheHistoryItStartedWith() throws Exception {
    // One comment per article, so only the window counts; no surge detection, so nothing is held.
    start("""
        throttle:
          limits:
            default: {min-interval: 0s, max: 100, window: 1h, per-article: {max: 100, window: 1h}}
          surge: {enabled: false}
        """);
    for (int i = 0; i < 100; i++) {
      assertThat(post("/articles/garden-" + i + "/comments", "Garden note " + i).statusCode()).isEqualTo(201);
    }
    assertThat(post("/articles/garden-100/comments", "Garden note 100").statusCode()).isEqualTo(429);

    change(json -> ((ObjectNode) json.at("/throttle/limits/default")).put("max", 120));
    for (int i = 100; i < 120; i++) {
      assertThat(post("/articles/garden-" + i + "/comments", "Garden note " + i).statusCode()).isEqualTo(201);
    }

    HttpResponse<String> full = post("/articles/garden-120/comments", "Garden note 120");
    assertThat(full.statusCode()).isEqualTo(429);
    assertThat(JSON.readTree(full.body()).get("reason").asText()).isEqualTo("too_many");
  }

  @Test
  void aChangedConflictRuleAppliesToTheNextComment() throws Exception {
    start("");
    double score = abuse(MILD);
    change(threshold("/policies/conflict", "abuse", Math.floor(score * 100 - 1) / 100));
    assertThat(post("/articles/gardening/comments", MILD).statusCode()).isEqualTo(201);

    change(json -> ((ObjectNode) json.at("/articles/conflict")).putArray("ids").add("gardening"));

    assertThat(post("/articles/gardening/comments", MILD).statusCode()).isEqualTo(202);
  }

  @Test
  void aSectionPolicyAppliesToTheRegisteredArticlesOfItsSection() throws Exception {
    start("");
    warden.articles().put(new Article("allotments", "Allotments", "Gardening", List.of(), null));
    double score = abuse(MILD);
    assertThat(post("/articles/allotments/comments", MILD).statusCode()).isEqualTo(201);

    change(json -> {
      ObjectNode section = ((ObjectNode) json.at("/policies/sections")).set("Gardening",
          json.at("/policies/default").deepCopy());
      ((ObjectNode) section.at("/Gardening/labels/abuse")).put("hold", Math.floor(score * 100 - 1) / 100);
    });
    HttpResponse<String> held = post("/articles/allotments/comments", MILD);

    assertThat(held.statusCode()).isEqualTo(202);
    HeldComment comment = warden.comments().find(JSON.readTree(held.body()).get("id").asText()).orElseThrow();
    assertThat(comment.explanation()).containsEntry("policy", "section:Gardening")
        .containsEntry("section", "Gardening");
    assertThat(post("/articles/other/comments", MILD).statusCode()).as("no section").isEqualTo(201);
  }

  @Test
  void aSectionsOwnLimitsThrottleItsArticlesWhileOtherSectionsKeepTheirKindsLimits() throws Exception {
    start("""
        throttle:
          limits:
            default: {min-interval: 0s, max: 100, window: 10m, per-article: {max: 100, window: 24h}}
          surge: {enabled: false}
        """);
    warden.articles().put(new Article("live-blog", "Live blog", "live", List.of(), null));
    warden.articles().put(new Article("allotments", "Allotments", "Gardening", List.of(), null));

    change(json -> {
      ((ObjectNode) json.at("/policies/sections")).set("live", json.at("/policies/default").deepCopy());
      ObjectNode own = ((ObjectNode) json.at("/throttle/limits/sections")).set("live",
          json.at("/throttle/limits/default").deepCopy());
      ((ObjectNode) own.get("live")).put("min-interval", "60s");
    });
    assertThat(post("/articles/live-blog/comments", "First from the live blog.").statusCode()).isEqualTo(201);
    HttpResponse<String> refused = post("/articles/live-blog/comments", "Second from the live blog.");

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(JSON.readTree(refused.body()).get("reason").asText()).isEqualTo("too_fast");
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
    assertThat(post("/articles/allotments/comments", "First about the allotments.").statusCode())
        .as("another section keeps the default limits").isEqualTo(201);
    assertThat(post("/articles/allotments/comments", "Second about the allotments.").statusCode())
        .isEqualTo(201);
  }

  @Test
  void aRollbackIsANewVersionWithTheOlderSettingsAndAppliesAtOnce() throws Exception {
    start("");
    double score = abuse(MILD);
    change(threshold("/policies/conflict", "abuse", Math.floor(score * 100 - 1) / 100));
    assertThat(post(ARTICLE, MILD).statusCode()).isEqualTo(202);

    PolicyVersion rollback = warden.policies().rollback(0, Actor.named("sam"), "too strict", 1);

    assertThat(rollback.version()).isEqualTo(2);
    assertThat(rollback.restoredFrom()).isZero();
    assertThat(rollback.replaces()).isEqualTo(1);
    assertThat(rollback.settings()).isEqualTo(warden.policies().version(0).orElseThrow().settings());
    assertThat(post(ARTICLE, MILD).statusCode()).isEqualTo(201);
    assertThat(warden.policies().history(10)).extracting(PolicyVersion::version).containsExactly(2L, 1L, 0L);
    assertThatThrownBy(() -> warden.policies().rollback(7, Actor.named("sam"), "", 2))
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void aChangeOnAStaleVersionIsRefused() throws Exception {
    start("");
    change(threshold("/policies/conflict", "abuse", 0.4));

    assertThatThrownBy(() -> warden.policies().update(warden.policies().settings(), Actor.named("sam"), "", 0))
        .isInstanceOf(VersionConflictException.class);
    assertThatThrownBy(() -> warden.policies().update(warden.policies().settings(), Actor.named("x".repeat(101)),
        "", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("author");
    assertThatThrownBy(() -> warden.policies().update(warden.policies().settings(), Actor.named("sam"),
        "x".repeat(501), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("comment");
    assertThat(warden.policies().current().version()).isEqualTo(1);
  }

  @Test
  void theLatestVersionIsInForceAfterARestart() throws Exception {
    start("");
    PolicyVersion saved = change(threshold("/policies/conflict", "abuse", 0.33));
    stop();

    start("");

    assertThat(warden.policies().current()).isEqualTo(saved);
    assertThat(warden.policies().settings().conflictPolicy().thresholds("abuse").hold()).isEqualTo(0.33);
  }

  @Test
  void anotherNodesChangeArrivesAtItsNextRefresh() throws Exception {
    start("console: {refresh: 1s}\n");
    try (Warden other = Warden.start(TestConfigs.config(dataDir, ""), clock)) {
      assertThat(other.policies().current().version()).isZero();

      change(threshold("/policies/conflict", "abuse", 0.33));
      other.policies().refresh();

      assertThat(other.policies().current().version()).isEqualTo(1);
      assertThat(other.policies().settings().conflictPolicy().thresholds("abuse").hold()).isEqualTo(0.33);
      // and the other way, by the schedule alone (console.refresh: 1s on this node)
      PolicySettings fromOther = warden.policies().version(0).orElseThrow().settings();
      other.policies().update(fromOther, Actor.named("sam"), "", 1);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (warden.policies().current().version() != 2 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(warden.policies().current().version()).isEqualTo(2);
    }
  }

  @Test
  void everyClassifiedCommentLeavesAScoreSampleButAThrottledOneDoesNot() throws Exception {
    start("""
        throttle:
          limits:
            conflict: {min-interval: 1h, max: 100, window: 10m, per-article: {max: 100, window: 24h}}
        """);
    assertThat(post(ARTICLE, TestConfigs.BENIGN).statusCode()).isEqualTo(201);
    assertThat(post(ARTICLE, TestConfigs.ABUSIVE).statusCode()).isEqualTo(429);
    clock.advance(Duration.ofHours(2));
    assertThat(post(ARTICLE, TestConfigs.ABUSIVE).statusCode()).isIn(202, 422);
    clock.advance(Duration.ofHours(2));
    assertThat(post("/articles/gardening/comments", "Lovely photos of the allotments.").statusCode())
        .isEqualTo(201);

    warden.scoreSamples().flush();
    ScoreHistogram conflict = warden.scoreSamples().histogram("conflict", "abuse", clock.instant().minus(
        Duration.ofDays(1)));

    assertThat(conflict.total()).isEqualTo(2);
    assertThat(conflict.atOrAbove(50)).isEqualTo(1);
    assertThat(warden.scoreSamples().histogram("default", "abuse", Instant.EPOCH).total()).isEqualTo(1);
    assertThat(warden.scoreSamples().dropped()).isZero();
  }
}
