package dev.warden.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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
  void badArgumentsAreNamed() {
    assertThatThrownBy(() -> DemoOptions.parse("--port", "eighty")).hasMessageContaining("--port");
    assertThatThrownBy(() -> DemoOptions.parse("--port", "70000")).hasMessageContaining("--port");
    assertThatThrownBy(() -> DemoOptions.parse("--data-dir")).hasMessageContaining("--data-dir needs a value");
    assertThatThrownBy(() -> DemoOptions.parse("--verbose")).hasMessageContaining("unknown argument: --verbose");
  }
}
