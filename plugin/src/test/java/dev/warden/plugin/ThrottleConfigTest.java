package dev.warden.plugin;

import static dev.warden.plugin.WardenConfigTest.MINIMAL;
import static dev.warden.plugin.WardenConfigTest.failure;
import static dev.warden.plugin.WardenConfigTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.plugin.ThrottleConfig.KeySource;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code throttle:} section: documented defaults, and every bad value fails start-up naming its key. */
class ThrottleConfigTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    ThrottleConfig throttle = parse(MINIMAL).throttle();

    assertThat(throttle.enabled()).isTrue();
    assertThat(throttle.posterKey().order()).containsExactly(KeySource.USER, KeySource.IP);
    assertThat(throttle.posterKey().ipv6Prefix()).isEqualTo(64);
    assertThat(throttle.limits(false).minInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(throttle.limits(true).minInterval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(throttle.limits(true).window().max()).isEqualTo(5);
    assertThat(throttle.limits(true).perArticle().window()).isEqualTo(Duration.ofHours(24));
    assertThat(throttle.perAddress().max()).isEqualTo(30);
    assertThat(throttle.duplicateWindow()).isEqualTo(Duration.ofHours(24));
    assertThat(throttle.coordinated().posters()).isEqualTo(3);
    assertThat(throttle.surge().factor()).isEqualTo(5.0);
    assertThat(throttle.escalation().maxMultiplier()).isEqualTo(16.0);
    assertThat(throttle.cache().maxPosters()).isEqualTo(200_000);
  }

  @Test
  void anEmptySectionKeepsTheDefaults() {
    assertThat(parse(MINIMAL + "throttle:\n").throttle()).isEqualTo(parse(MINIMAL).throttle());
  }

  @Test
  void aSiteUserHeaderAndCookieCanComeFirst() {
    ThrottleConfig throttle = parse(MINIMAL + """
        throttle:
          poster-key: {order: [header, cookie, ip], header: X-Site-User, cookie: site_user, ipv4-prefix: 24}
        """).throttle();

    assertThat(throttle.posterKey().order()).containsExactly(KeySource.HEADER, KeySource.COOKIE, KeySource.IP);
    assertThat(throttle.posterKey().header()).isEqualTo("X-Site-User");
    assertThat(throttle.posterKey().ipv4Prefix()).isEqualTo(24);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      {enabled: maybe}                                              | throttle.enabled
      {poster-key: {order: [user]}}                                 | throttle.poster-key.order
      {poster-key: {order: [ip, user]}}                             | throttle.poster-key.order
      {poster-key: {order: [user, user, ip]}}                       | throttle.poster-key.order
      {poster-key: {order: [session, ip]}}                          | throttle.poster-key.order[0]
      {poster-key: {order: [header, ip]}}                           | throttle.poster-key.header
      {poster-key: {order: [cookie, ip]}}                           | throttle.poster-key.cookie
      {poster-key: {ipv6-prefix: 8}}                                | throttle.poster-key.ipv6-prefix
      {limits: {conflict: {max: 0}}}                                | throttle.limits.conflict.max
      {limits: {default: {max: 5000}}}                              | throttle.limits.default.max
      {limits: {default: {min-interval: soon}}}                     | throttle.limits.default.min-interval
      {limits: {conflict: {per-article: {window: 0s}}}}             | throttle.limits.conflict.per-article.window
      {limits: {strict: {max: 1}}}                                  | throttle.limits.strict
      {per-address: {max: -1}}                                      | throttle.per-address.max
      {duplicates: {window: 0s}}                                    | throttle.duplicates.window
      {coordinated: {posters: 1}}                                   | throttle.coordinated.posters
      {surge: {factor: 1}}                                          | throttle.surge.factor
      {surge: {window: 1h}}                                         | throttle.surge.baseline
      {escalation: {factor: 0.5}}                                   | throttle.escalation.factor
      {cache: {max-posters: 10}}                                    | throttle.cache.max-posters
      {cache: {max-texts: lots}}                                    | throttle.cache.max-texts
      {speed: fast}                                                 | throttle.speed
      """)
  void aBadValueFailsNamingItsKey(String section, String key) {
    WardenConfigException e = failure(MINIMAL + "throttle: " + section + "\n");

    assertThat(e.key()).isEqualTo(key);
  }
}
