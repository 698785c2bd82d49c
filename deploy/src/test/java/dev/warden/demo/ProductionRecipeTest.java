package dev.warden.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.plugin.ThrottleConfig;
import dev.warden.plugin.WardenConfig;
import dev.warden.plugin.WardenConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The production example in {@code deploy/recipes/warden.yaml} is a valid config as documented (every key known,
 * every value in range), and its secrets come from the environment.
 */
class ProductionRecipeTest {
  static final Path RECIPE = Path.of("recipes", "warden.yaml");
  static final String SECRET = "a-release-secret-of-at-least-32-characters";
  static final String SCRAPE_TOKEN = "a-scrape-token-for-prometheus";

  static String recipe() throws Exception {
    return Files.readString(RECIPE, StandardCharsets.UTF_8);
  }

  @Test
  void theProductionExampleParsesWithItsSecretsFromTheEnvironment() throws Exception {
    Map<String, String> environment = Map.of("WARDEN_DB_PASSWORD", "db-password", "WARDEN_RELEASE_SECRET", SECRET,
        "WARDEN_REDIS_URL", "redis://:redis-password@10.0.0.5:6379/0", "WARDEN_METRICS_TOKEN", SCRAPE_TOKEN);

    WardenConfig config = WardenConfig.parse(recipe(), environment::get);

    assertThat(config.store().url()).startsWith("jdbc:postgresql://");
    assertThat(config.store().password()).isEqualTo("db-password");
    assertThat(config.release().secret()).isEqualTo(SECRET);
    assertThat(config.release().target().getHost()).isEqualTo("127.0.0.1");
    assertThat(config.network().trustedProxies()).containsExactly("127.0.0.1/32");
    assertThat(config.throttle().shared().mode()).isEqualTo(ThrottleConfig.SharedMode.REDIS);
    assertThat(config.throttle().shared().redisUrl()).isEqualTo("redis://:redis-password@10.0.0.5:6379/0");
    assertThat(config.ops().scrapeToken()).isEqualTo(SCRAPE_TOKEN);
    assertThat(config.retention().decidedAfter()).isEqualTo(Duration.ofDays(90));
  }

  @Test
  void withoutTheReleaseSecretInTheEnvironmentTheConfigIsRefusedNamingTheKey() throws Exception {
    Map<String, String> environment = Map.of("WARDEN_DB_PASSWORD", "db-password",
        "WARDEN_REDIS_URL", "redis://10.0.0.5:6379", "WARDEN_METRICS_TOKEN", SCRAPE_TOKEN);

    assertThatThrownBy(() -> WardenConfig.parse(recipe(), environment::get))
        .isInstanceOf(WardenConfigException.class).hasMessageContaining("release.secret");
  }
}
