package dev.warden.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Poster keys behind trusted proxies: forwarded addresses are believed up to the first untrusted hop. */
class TrustedProxyTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;
  static Warden warden;
  static TestSite site;

  @BeforeAll
  static void start() throws Exception {
    warden = Warden.start(TestConfigs.config(dataDir, "network: {trusted-proxies: [127.0.0.0/8, 10.0.0.0/8]}\n"));
    site = TestSite.withFilter(warden);
  }

  @AfterAll
  static void stop() throws Exception {
    site.close();
    warden.close();
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      X-Forwarded-For | 203.0.113.9                          | ip:203.0.113.9
      X-Forwarded-For | 198.51.100.7, 10.1.2.3               | ip:198.51.100.7
      X-Forwarded-For | 203.0.113.50, 198.51.100.8, 10.0.0.1 | ip:198.51.100.8
      X-Forwarded-For | unknown                              | ip:127.0.0.1
      Forwarded       | for=192.0.2.60;proto=http            | ip:192.0.2.60
      Forwarded       | for="[2001:db8:cafe:1::17]:4711"     | ip:2001:db8:cafe:1:0:0:0:0/64
      """)
  void forwardedClientAddressFromATrustedPeerIsTheKey(String header, String value, String key) throws Exception {
    HttpResponse<String> response = site.postJson("/articles/peace-talks/comments",
        JSON.writeValueAsString(Map.of("text", TestConfigs.ABUSIVE)), header, value);

    String id = JSON.readTree(response.body()).get("id").asText();
    assertThat(warden.comments().find(id).orElseThrow().posterKey()).isEqualTo(key);
  }
}
