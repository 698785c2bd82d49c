package dev.warden.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code retention:} in warden.yaml: defaults, days as a duration, and bad values failing start-up by key. */
class RetentionConfigTest {
  private static WardenConfig config(String extra) {
    return WardenConfig.parse(PolicySettingsTest.BASE_YAML + extra, n -> null);
  }

  @Test
  void decidedCommentsAreKeptNinetyDaysByDefault() {
    RetentionConfig retention = config("").retention();

    assertThat(retention).isEqualTo(new RetentionConfig(true, Duration.ofDays(90), Duration.ofHours(1), 500));
  }

  @Test
  void aSiteSetsItsOwnNumberOfDays() {
    RetentionConfig retention = config("retention: {decided-after: 30d, sweep-interval: 15m, batch: 100}")
        .retention();

    assertThat(retention.decidedAfter()).isEqualTo(Duration.ofDays(30));
    assertThat(retention.sweepInterval()).isEqualTo(Duration.ofMinutes(15));
    assertThat(retention.batch()).isEqualTo(100);
  }

  @Test
  void theSweepCanBeTurnedOff() {
    assertThat(config("retention: {enabled: false}").retention().enabled()).isFalse();
  }

  @Test
  void aBadValueFailsStartUpNamingItsKey() {
    assertConfigKey("retention: {decided-after: 12h}", "retention.decided-after");
    assertConfigKey("retention: {decided-after: 3651d}", "retention.decided-after");
    assertConfigKey("retention: {decided-after: ninety}", "retention.decided-after");
    assertConfigKey("retention: {sweep-interval: 10s}", "retention.sweep-interval");
    assertConfigKey("retention: {sweep-interval: 2d}", "retention.sweep-interval");
    assertConfigKey("retention: {batch: 5}", "retention.batch");
    assertConfigKey("retention: {batch: 20000}", "retention.batch");
    assertConfigKey("retention: {enabled: perhaps}", "retention.enabled");
    assertConfigKey("retention: {decided-afer: 30d}", "retention.decided-afer");
  }

  private static void assertConfigKey(String yaml, String key) {
    assertThatThrownBy(() -> config(yaml))
        .isInstanceOf(WardenConfigException.class)
        .satisfies(e -> assertThat(((WardenConfigException) e).key()).isEqualTo(key));
  }
}
