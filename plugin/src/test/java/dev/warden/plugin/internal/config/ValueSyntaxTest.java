package dev.warden.plugin.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueSyntaxTest {
  @Test
  void durationsInShortAndIsoForm() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(Durations.parse("10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(Durations.parse("PT2S")).isEqualTo(Duration.ofSeconds(2));
    assertThatThrownBy(() -> Durations.parse("2 weeks")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sizesWithBinarySuffixes() {
    assertThat(ByteSizes.parse("100")).isEqualTo(100);
    assertThat(ByteSizes.parse("100B")).isEqualTo(100);
    assertThat(ByteSizes.parse("64KiB")).isEqualTo(65536);
    assertThat(ByteSizes.parse("2MiB")).isEqualTo(2 * 1024 * 1024);
    assertThatThrownBy(() -> ByteSizes.parse("64KB")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void referencesResolveWithDefaultsAndKeepTheKeptName() {
    Interpolator interpolator = new Interpolator(Map.of("A", "1")::get, "data-dir");

    assertThat(interpolator.resolve("x${A}y${B:-2}z")).isEqualTo("x1y2z");
    assertThat(interpolator.resolve("${data-dir}/w")).isEqualTo("${data-dir}/w");
    assertThat(interpolator.resolve("${B:-}")).isEmpty();
    assertThatThrownBy(() -> interpolator.resolve("${B}")).hasMessageContaining("${B}");
    assertThatThrownBy(() -> interpolator.resolve("${A")).hasMessageContaining("unclosed");
  }

  @Test
  void locatorPrefersFilterThenContextThenPropertyThenEnvironment() {
    WardenConfigLocator both = new WardenConfigLocator(n -> "/prop.yaml", n -> "/env.yaml");
    WardenConfigLocator envOnly = new WardenConfigLocator(n -> null, n -> "/env.yaml");
    WardenConfigLocator none = new WardenConfigLocator(n -> null, n -> null);

    assertThat(both.locate("/filter.yaml", null)).contains(Path.of("/filter.yaml"));
    assertThat(both.locate(null, null)).contains(Path.of("/prop.yaml"));
    assertThat(envOnly.locate(" ", null)).contains(Path.of("/env.yaml"));
    assertThat(none.locate(null, null)).isEmpty();
  }
}
