package dev.warden.plugin.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.plugin.ArticlesConfig;
import dev.warden.plugin.PolicyConfig;
import dev.warden.plugin.PolicySettings;
import dev.warden.plugin.StoreConfig;
import dev.warden.plugin.WardenConfig;
import dev.warden.plugin.internal.store.JdbcCommentStore;
import dev.warden.plugin.store.Article;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conflict rules and section policies from the live settings, and the article registry (a real H2 store).
 */
class ArticlePoliciesTest {
  static final PolicySettings BASE = PolicySettings.of(WardenConfig.parse(
      "release: {secret: " + ModeratorTest.SECRET + "}\nadmin: {auth: container}\n", n -> null));
  static final ArticlesConfig RULES = new ArticlesConfig(Set.of("frontline"), List.of("/articles/war-*/comments",
      "/live/**"), Set.of("world"), Set.of("ukraine"));

  @TempDir Path dir;
  JdbcCommentStore store;
  final AtomicLong nanos = new AtomicLong();
  final AtomicReference<PolicySettings> settings = new AtomicReference<>(with(Map.of(), RULES));
  ArticlePolicies policies;

  @BeforeEach
  void open() {
    store = JdbcCommentStore.open(new StoreConfig("jdbc:h2:file:" + dir.resolve("db"), "", "", 2), Clock.systemUTC());
    policies = new ArticlePolicies(settings::get, store.articles(), (Ticker) nanos::get);
  }

  static PolicySettings with(Map<String, PolicyConfig> sections, ArticlesConfig rules) {
    return new PolicySettings(BASE.defaultPolicy(), BASE.conflictPolicy(), sections, BASE.throttleLimits(), rules);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aKeywordInTheArticleIdOrRegisteredTitleMakesItConflictCoverage() {
    settings.set(with(Map.of(), new ArticlesConfig(Set.of(), List.of(), Set.of(), Set.of(),
        Set.of("Belarus", "kerch"))));
    store.articles().put(new Article("troops-1", "Minsk masses troops: what BELARUS wants", "", List.of(), null));

    assertThat(policies.isConflict("belarus-troops-border", "/articles/x/comments")).isTrue();
    assertThat(policies.isConflict("troops-1", "/articles/troops-1/comments")).isTrue();
    assertThat(policies.isConflict("kerchief-fashion", "/articles/kerchief-fashion/comments")).isFalse();
    assertThat(policies.isConflict("city-marathon", "/articles/city-marathon/comments")).isFalse();
  }

  @Test
  void configuredIdsAndPathGlobsAreConflict() {
    assertThat(policies.isConflict("frontline", "/articles/frontline/comments")).isTrue();
    assertThat(policies.isConflict("war-diary", "/articles/war-diary/comments")).isTrue();
    assertThat(policies.isConflict("x", "/live/2024/kyiv/comments")).isTrue();
    assertThat(policies.isConflict("war-diary", "/articles/war-diary/x/comments")).isFalse();
    assertThat(policies.isConflict("gardening", "/articles/gardening/comments")).isFalse();
  }

  @Test
  void registrySectionTagsAndFlagDecide() {
    store.articles().put(new Article("a1", "t", "world", List.of(), null));
    store.articles().put(new Article("a2", "t", "culture", List.of("ukraine"), null));
    store.articles().put(new Article("a3", "t", "world", List.of("ukraine"), false));
    store.articles().put(new Article("a4", "t", "sport", List.of(), true));

    assertThat(policies.isConflict("a1", "/articles/a1/comments")).isTrue();
    assertThat(policies.isConflict("a2", "/articles/a2/comments")).isTrue();
    assertThat(policies.isConflict("a3", "/articles/a3/comments")).isFalse();
    assertThat(policies.isConflict("a4", "/articles/a4/comments")).isTrue();
  }

  @Test
  void registryAnswersAreCachedForAFewSeconds() {
    assertThat(policies.isConflict("late", "/articles/late/comments")).isFalse();
    store.articles().put(new Article("late", "t", "world", List.of(), null));

    assertThat(policies.isConflict("late", "/articles/late/comments")).isFalse();
    nanos.addAndGet(ArticlePolicies.REGISTRY_TTL.toNanos() + 1);
    assertThat(policies.isConflict("late", "/articles/late/comments")).isTrue();
  }

  @Test
  void aSectionPolicyAppliesToItsSectionsArticlesAndKeepsTheirConflictStatus() {
    PolicyConfig strict = new PolicyConfig(Map.of("abuse", new PolicyConfig.LabelThresholds(0.2, null)),
        PolicyConfig.OnError.HOLD);
    settings.set(with(Map.of("world", strict, "culture", strict), RULES));
    store.articles().put(new Article("a1", "t", "world", List.of(), null));
    store.articles().put(new Article("a2", "t", "sport", List.of(), null));
    store.articles().put(new Article("a3", "t", "culture", List.of(), false));

    ArticlePolicies.Choice world = policies.choose("a1", "/articles/a1/comments");
    assertThat(world.name()).isEqualTo("section:world");
    assertThat(world.policy().thresholds("abuse").hold()).isEqualTo(0.2);
    assertThat(world.conflict()).isTrue();
    assertThat(world.section()).isEqualTo("world");
    assertThat(policies.choose("a2", "/articles/a2/comments"))
        .extracting(ArticlePolicies.Choice::name, ArticlePolicies.Choice::conflict, ArticlePolicies.Choice::section)
        .containsExactly("default", false, "sport");
    assertThat(policies.choose("a3", "/articles/a3/comments"))
        .extracting(ArticlePolicies.Choice::name, ArticlePolicies.Choice::conflict)
        .containsExactly("section:culture", false);
    assertThat(policies.choose("unregistered", "/articles/war-x/comments"))
        .extracting(ArticlePolicies.Choice::name, ArticlePolicies.Choice::section)
        .containsExactly("conflict", null);
  }

  @Test
  void changedRulesApplyToTheNextComment() {
    assertThat(policies.isConflict("gardening", "/articles/gardening/comments")).isFalse();

    settings.set(with(Map.of(), new ArticlesConfig(Set.of(), List.of("/articles/garden*/comments"), Set.of(),
        Set.of())));

    assertThat(policies.isConflict("gardening", "/articles/gardening/comments")).isTrue();
    assertThat(policies.isConflict("frontline", "/articles/frontline/comments")).isFalse();
  }

  @Test
  void unreachableRegistryFallsBackToTheStricterPolicy() {
    store.close();

    assertThat(policies.isConflict("unknown", "/articles/unknown/comments")).isTrue();
  }
}
