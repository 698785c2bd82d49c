package dev.warden.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code metrics:} and {@code health:} in warden.yaml: defaults, the token from the environment, bad values. */
class OpsConfigTest {
  @TempDir Path dataDir;

  @Test
  void defaultsKeepMetricsOnWithoutATokenAndCacheHealthForOneSecond() {
    OpsConfig ops = TestConfigs.config(dataDir, "").ops();

    assertThat(ops.metricsEnabled()).isTrue();
    assertThat(ops.scrapeToken()).isNull();
    assertThat(ops.queueRefresh()).isEqualTo(Duration.ofSeconds(10));
    assertThat(ops.healthCache()).isEqualTo(Duration.ofSeconds(1));
    assertThat(ops.databaseTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(ops.backlogAge()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void theScrapeTokenComesFromWardenMetricsTokenAndIsNeverPrinted() {
    String token = "from-the-environment-0123456789";
    OpsConfig ops = WardenConfig.parse(TestConfigs.yaml(dataDir, ""),
        name -> "WARDEN_METRICS_TOKEN".equals(name) ? token : null).ops();

    assertThat(ops.scrapeToken()).isEqualTo(token);
    assertThat(ops.toString()).doesNotContain(token).contains("scrapeToken=set");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      metrics.scrape-token     | 'metrics: {scrape-token: short}'
      metrics.enabled          | 'metrics: {enabled: maybe}'
      metrics.queue-refresh    | 'metrics: {queue-refresh: 0s}'
      metrics.colour           | 'metrics: {colour: red}'
      health.cache             | 'health: {cache: 2m}'
      health.database-timeout  | 'health: {database-timeout: 10ms}'
      health.backlog-age       | 'health: {backlog-age: soon}'
      """)
  void aBadValueFailsStartUpNamingItsKey(String key, String yaml) {
    WardenConfigException e = catchThrowableOfType(WardenConfigException.class,
        () -> TestConfigs.config(dataDir, yaml + "\n"));

    assertThat(e).isNotNull();
    assertThat(e.key()).isEqualTo(key);
    assertThat(e.getMessage()).doesNotContain("short");
  }
}
