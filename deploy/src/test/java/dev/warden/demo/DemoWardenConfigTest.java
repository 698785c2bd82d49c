package dev.warden.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.admin.PasswordHasher;
import dev.warden.plugin.WardenConfig;
import dev.warden.plugin.WardenConfigException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's warden.yaml is a valid Warden config, and its release secret outlives restarts. */
class DemoWardenConfigTest {
  @TempDir Path dataDir;
  private final DemoWardenConfig writer = new DemoWardenConfig(new SecureRandom());

  @Test
  void theWrittenConfigLoadsWithTheDemoValues() throws Exception {
    String hash = PasswordHasher.hash("a demo password".toCharArray());

    WardenConfig config = WardenConfig.load(writer.write(dataDir, "127.0.0.1", 18080, hash));

    assertThat(config.release().target()).isEqualTo(URI.create("http://127.0.0.1:18080"));
    assertThat(config.release().secret()).isEqualTo(writer.releaseSecret(dataDir)).hasSizeGreaterThanOrEqualTo(32);
    assertThat(config.store().url()).isEqualTo("jdbc:h2:file:" + dataDir + "/warden");
    assertThat(config.articles().conflictIds()).containsExactlyInAnyOrder("belarus-troops-border", "kerch-bridge-strike");
    assertThat(config.admin().users()).singleElement().satisfies(user -> {
      assertThat(user.name()).isEqualTo("moderator");
      assertThat(user.roles()).containsExactly("moderator", "publisher");
      assertThat(PasswordHasher.verify("a demo password".toCharArray(), user.passwordHash())).isTrue();
    });
  }

  @Test
  void aNodeOnASharedStoreGetsItsUrlTargetAndALeaseLongerThanTheReplayTimeout() throws Exception {
    String hash = PasswordHasher.hash("a demo password".toCharArray());
    String url = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=news";

    WardenConfig config = WardenConfig.load(writer.write(dataDir, url, URI.create("http://127.0.0.1:9"),
        Duration.ofSeconds(3), hash));

    assertThat(config.store().url()).isEqualTo(url);
    assertThat(config.release().target()).isEqualTo(URI.create("http://127.0.0.1:9"));
    assertThat(config.release().lease()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.release().requestTimeout()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void theReleaseSecretIsGeneratedOnceAndKept() throws Exception {
    String first = writer.releaseSecret(dataDir);
    String again = new DemoWardenConfig(new SecureRandom()).releaseSecret(dataDir);

    assertThat(again).isEqualTo(first);
    assertThat(Files.getPosixFilePermissions(dataDir.resolve("release.secret")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void aDataDirWithQuotesStillGivesAValidConfig() throws Exception {
    Path odd = Files.createDirectories(dataDir.resolve("news \"desk\""));
    WardenConfig config = WardenConfig.load(writer.write(odd, "127.0.0.1", 8080,
        PasswordHasher.hash("a demo password".toCharArray())));
    assertThat(config.store().url()).isEqualTo("jdbc:h2:file:" + odd + "/warden");
  }

  @Test
  void overridesMergeKeyByKeyOverTheTemplate() throws Exception {
    Path overrides = Files.writeString(dataDir.resolve("bench.yaml"), """
        throttle:
          surge: {enabled: false}
          limits:
            conflict: {min-interval: 30s, max: 3, window: 10m, per-article: {max: 5, window: 24h}}
        """);
    String hash = PasswordHasher.hash("a demo password".toCharArray());

    WardenConfig config = WardenConfig.load(writer.write(dataDir, null, URI.create("http://127.0.0.1:9"),
        Duration.ofSeconds(30), hash, overrides));

    assertThat(config.throttle().surge().enabled()).isFalse();
    assertThat(config.throttle().conflictLimits().minInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.throttle().defaultLimits().minInterval()).as("untouched keys keep the template's value")
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(config.release().secret()).isEqualTo(writer.releaseSecret(dataDir));
    assertThat(config.articles().conflictIds()).containsExactlyInAnyOrder("belarus-troops-border", "kerch-bridge-strike");
  }

  @Test
  void anEmptyOverridesFileChangesNothing() throws Exception {
    Path overrides = Files.writeString(dataDir.resolve("empty.yaml"), "");
    String hash = PasswordHasher.hash("a demo password".toCharArray());

    WardenConfig config = WardenConfig.load(writer.write(dataDir, null, URI.create("http://127.0.0.1:9"),
        Duration.ofSeconds(30), hash, overrides));

    assertThat(config.throttle().surge().enabled()).isTrue();
  }

  @Test
  void overridesThatAreNotAMappingAreRefusedNamingTheOption() throws Exception {
    Path list = Files.writeString(dataDir.resolve("list.yaml"), "- surge\n- off\n");
    Path broken = Files.writeString(dataDir.resolve("broken.yaml"), "throttle: {surge: [\n");
    String hash = PasswordHasher.hash("a demo password".toCharArray());
    URI target = URI.create("http://127.0.0.1:9");

    assertThatThrownBy(() -> writer.write(dataDir, null, target, Duration.ofSeconds(30), hash, list))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--warden-overrides")
        .hasMessageContaining("mapping");
    assertThatThrownBy(() -> writer.write(dataDir, null, target, Duration.ofSeconds(30), hash, broken))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--warden-overrides")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void aBadValueInTheOverridesFailsStartUpNamingTheKey() throws Exception {
    Path overrides = Files.writeString(dataDir.resolve("bad.yaml"), "throttle: {surge: {factor: -1}}\n");
    String hash = PasswordHasher.hash("a demo password".toCharArray());

    Path written = writer.write(dataDir, null, URI.create("http://127.0.0.1:9"), Duration.ofSeconds(30), hash,
        overrides);

    assertThatThrownBy(() -> WardenConfig.load(written)).isInstanceOf(WardenConfigException.class)
        .hasMessageContaining("throttle.surge.factor");
  }
}
