package dev.warden.plugin.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.plugin.ArticlesConfig;
import dev.warden.plugin.StoreConfig;
import dev.warden.plugin.internal.store.JdbcCommentStore;
import dev.warden.plugin.store.Article;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conflict rules from the config and from the article registry (a real H2 store). */
class ArticlePoliciesTest {
  @TempDir Path dir;
  JdbcCommentStore store;
  final AtomicLong nanos = new AtomicLong();
  ArticlePolicies policies;

  @BeforeEach
  void open() {
    store = JdbcCommentStore.open(new StoreConfig("jdbc:h2:file:" + dir.resolve("db"), "", "", 2), Clock.systemUTC());
    ArticlesConfig config = new ArticlesConfig(Set.of("frontline"), List.of("/articles/war-*/comments",
        "/live/**"), Set.of("world"), Set.of("ukraine"));
    policies = new ArticlePolicies(config, store.articles(), (Ticker) nanos::get);
  }

  @AfterEach
  void close() {
    store.close();
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
  void unreachableRegistryFallsBackToTheStricterPolicy() {
    store.close();

    assertThat(policies.isConflict("unknown", "/articles/unknown/comments")).isTrue();
  }
}
