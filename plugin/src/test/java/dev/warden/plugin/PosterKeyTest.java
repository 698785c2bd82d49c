package dev.warden.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Poster keys from the configured sources: the site's user-id header only from a trusted proxy, its cookie, and
 * addresses grouped by the configured prefixes. Read back from held comments over real HTTP.
 */
class PosterKeyTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String KEYS = """
      throttle:
        enabled: false
        poster-key: {order: [header, cookie, ip], header: X-Site-User, cookie: site_user, ipv4-prefix: 24}
      """;

  @TempDir Path dataDir;

  private static String keyOfHeldComment(Warden warden, TestSite site, String... headers) throws Exception {
    HttpResponse<String> response = site.postJson("/articles/peace-talks/comments",
        JSON.writeValueAsString(Map.of("text", TestConfigs.ABUSIVE)), headers);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return warden.comments().find(JSON.readTree(response.body()).get("id").asText()).orElseThrow().posterKey();
  }

  @Test
  void theSitesUserHeaderIsTheKeyFromATrustedProxyOnly() throws Exception {
    try (Warden trusting = Warden.start(TestConfigs.config(dataDir.resolve("a"),
            KEYS + "network: {trusted-proxies: [127.0.0.0/8]}\n"));
        TestSite site = TestSite.withFilter(trusting)) {
      assertThat(keyOfHeldComment(trusting, site, "X-Site-User", "4711")).isEqualTo("header:4711");
    }
    try (Warden untrusting = Warden.start(TestConfigs.config(dataDir.resolve("b"), KEYS));
        TestSite site = TestSite.withFilter(untrusting)) {
      assertThat(keyOfHeldComment(untrusting, site, "X-Site-User", "4711")).isEqualTo("ip:127.0.0.0/24");
    }
  }

  @Test
  void theSitesUserCookieIsTheKeyAndControlCharactersAreDropped() throws Exception {
    try (Warden warden = Warden.start(TestConfigs.config(dataDir, KEYS));
        TestSite site = TestSite.withFilter(warden)) {
      assertThat(keyOfHeldComment(warden, site, "Cookie", "theme=dark; site_user=olena")).isEqualTo("cookie:olena");
      assertThat(keyOfHeldComment(warden, site, "Cookie", "site_user=")).isEqualTo("ip:127.0.0.0/24");
    }
  }
}
