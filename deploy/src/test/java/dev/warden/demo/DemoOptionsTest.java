package dev.warden.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {
  @Test
  void defaultsServeAllInterfacesOnPort8080WithWarden() {
    DemoOptions options = DemoOptions.parse();
    assertThat(options.host()).isEqualTo("0.0.0.0");
    assertThat(options.port()).isEqualTo(8080);
    assertThat(options.dataDir()).isEqualTo(Path.of("warden-data").toAbsolutePath());
    assertThat(options.warden()).isTrue();
  }

  @Test
  void everyFlagIsParsed() {
    DemoOptions options = DemoOptions.parse("--port", "0", "--data-dir", "/tmp/x", "--no-warden", "--host", "127.0.0.1");
    assertThat(options.port()).isZero();
    assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/x"));
    assertThat(options.warden()).isFalse();
    assertThat(options.host()).isEqualTo("127.0.0.1");
  }

  @Test
  void nodeFlagsNameASharedStoreAReleaseTargetAndALease() {
    DemoOptions options = DemoOptions.parse("--store-url", "jdbc:postgresql://db:5432/news?user=warden&password=s3cret",
        "--release-target", "http://10.0.0.5:8080", "--release-lease", "3s");

    assertThat(options.storeUrl()).isEqualTo("jdbc:postgresql://db:5432/news?user=warden&password=s3cret");
    assertThat(options.releaseTarget()).isEqualTo(URI.create("http://10.0.0.5:8080"));
    assertThat(options.releaseLeaseOrDefault()).isEqualTo(Duration.ofSeconds(3));
    assertThat(options.toString()).as("the URL may carry a password").doesNotContain("s3cret");
    assertThat(DemoOptions.parse("--release-lease", "PT1M").releaseLease()).isEqualTo(Duration.ofMinutes(1));
    assertThat(DemoOptions.defaults().releaseLeaseOrDefault()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void badNodeFlagsAreNamed() {
    assertThatThrownBy(() -> DemoOptions.parse("--store-url", "postgres://db")).hasMessageContaining("--store-url");
    assertThatThrownBy(() -> DemoOptions.parse("--release-target", "ftp://x")).hasMessageContaining("--release-target");
    assertThatThrownBy(() -> DemoOptions.parse("--release-lease", "soon")).hasMessageContaining("--release-lease");
    assertThatThrownBy(() -> DemoOptions.parse("--release-lease", "1s")).hasMessageContaining("at least 2s");
  }

  @Test
  void badArgumentsAreNamed() {
    assertThatThrownBy(() -> DemoOptions.parse("--port", "eighty")).hasMessageContaining("--port");
    assertThatThrownBy(() -> DemoOptions.parse("--port", "70000")).hasMessageContaining("--port");
    assertThatThrownBy(() -> DemoOptions.parse("--data-dir")).hasMessageContaining("--data-dir needs a value");
    assertThatThrownBy(() -> DemoOptions.parse("--verbose")).hasMessageContaining("unknown argument: --verbose");
  }

  @Test
  void wardenOverridesMustNameAnExistingFile() throws Exception {
    Path file = java.nio.file.Files.createTempFile("overrides", ".yaml");
    try {
      assertThat(DemoOptions.parse("--warden-overrides", file.toString()).wardenOverrides()).isEqualTo(file);
      assertThat(DemoOptions.parse().wardenOverrides()).isNull();
      assertThatThrownBy(() -> DemoOptions.parse("--warden-overrides", file + ".missing"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--warden-overrides");
    } finally {
      java.nio.file.Files.delete(file);
    }
  }
}
