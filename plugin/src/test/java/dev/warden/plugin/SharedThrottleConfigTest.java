package dev.warden.plugin;

import static dev.warden.plugin.WardenConfigTest.MINIMAL;
import static dev.warden.plugin.WardenConfigTest.failure;
import static dev.warden.plugin.WardenConfigTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.plugin.ThrottleConfig.SharedMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code throttle.shared}: local by default, every bad value names its key, and a password is never shown. */
class SharedThrottleConfigTest {

  @Test
  void countingIsPerNodeByDefault() {
    ThrottleConfig.Shared shared = parse(MINIMAL).throttle().shared();

    assertThat(shared.mode()).isEqualTo(SharedMode.LOCAL);
    assertThat(shared.redisUrl()).isNull();
    assertThat(shared.keyPrefix()).isEqualTo("warden:");
    assertThat(shared.timeout()).isEqualTo(Duration.ofMillis(50));
    assertThat(shared.retry()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void redisModeReadsItsSettings() {
    ThrottleConfig.Shared shared = parse(MINIMAL + """
        throttle:
          shared: {mode: Redis, redis-url: "rediss://cache.internal:6380/2", key-prefix: "site-a:", timeout: 20ms,
                   retry: 30s}
        """).throttle().shared();

    assertThat(shared.mode()).isEqualTo(SharedMode.REDIS);
    assertThat(shared.redisUrl()).isEqualTo("rediss://cache.internal:6380/2");
    assertThat(shared.keyPrefix()).isEqualTo("site-a:");
    assertThat(shared.timeout()).isEqualTo(Duration.ofMillis(20));
    assertThat(shared.retry()).isEqualTo(Duration.ofSeconds(30));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      {mode: cluster}                                          | throttle.shared.mode
      {mode: redis}                                            | throttle.shared.redis-url
      {mode: redis, redis-url: ""}                             | throttle.shared.redis-url
      {mode: redis, redis-url: "http://127.0.0.1:6379"}        | throttle.shared.redis-url
      {mode: redis, redis-url: "127.0.0.1:6379"}               | throttle.shared.redis-url
      {mode: redis, redis-url: "redis://"}                     | throttle.shared.redis-url
      {mode: redis, redis-url: "redis://h:6379/db"}            | throttle.shared.redis-url
      {key-prefix: ""}                                         | throttle.shared.key-prefix
      {key-prefix: "has space"}                                | throttle.shared.key-prefix
      {timeout: 0s}                                            | throttle.shared.timeout
      {timeout: 11s}                                           | throttle.shared.timeout
      {retry: 500ms}                                           | throttle.shared.retry
      {retry: 2h}                                              | throttle.shared.retry
      {mode: redis, redis-url: "redis://h:6379", password: x}  | throttle.shared.password
      """)
  void badValuesFailStartUpNamingTheKey(String shared, String key) {
    WardenConfigException e = failure(MINIMAL + "throttle: {shared: " + shared + "}\n");

    assertThat(e.key()).isEqualTo(key);
    assertThat(e.getMessage()).contains(key);
  }

  @Test
  void aBadUrlIsReportedWithoutItsPassword() {
    WardenConfigException e = failure(MINIMAL
        + "throttle: {shared: {mode: redis, redis-url: \"http://warden:s3cret-pw@cache:6379\"}}\n");

    assertThat(e.key()).isEqualTo("throttle.shared.redis-url");
    assertThat(e.getMessage()).doesNotContain("s3cret-pw").contains("http://***@cache:6379");
  }

  @Test
  void theConfigNeverPrintsThePassword() {
    ThrottleConfig.Shared shared = parse(MINIMAL
        + "throttle: {shared: {mode: redis, redis-url: \"redis://warden:s3cret-pw@cache:6379/0\"}}\n")
        .throttle().shared();

    assertThat(shared.redisUrl()).contains("s3cret-pw");
    assertThat(shared.toString()).doesNotContain("s3cret-pw").contains("redis://***@cache:6379/0");
    assertThat(parse(MINIMAL + "throttle: {shared: {mode: redis, redis-url: \"redis://warden:s3cret-pw@cache\"}}\n")
        .throttle().toString()).doesNotContain("s3cret-pw");
  }
}
