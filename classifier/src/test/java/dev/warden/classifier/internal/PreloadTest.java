package dev.warden.classifier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PreloadTest {
  @Test
  void buildsOnceWhetherStartedInTheBackgroundOrAskedFirst() {
    AtomicInteger builds = new AtomicInteger();
    Preload<String> value = new Preload<>("test value", () -> "built " + builds.incrementAndGet());
    value.start();
    assertThat(value.get()).isEqualTo("built 1");
    value.start();
    assertThat(value.get()).isEqualTo("built 1");
    assertThat(builds).hasValue(1);
  }

  @Test
  void buildsOnFirstUseWhenNeverStarted() {
    Preload<String> value = new Preload<>("test value", () -> "here");
    assertThat(value.get()).isEqualTo("here");
  }

  @Test
  void aFailedBuildFailsEveryUseWithItsOwnException() {
    AtomicInteger builds = new AtomicInteger();
    Preload<String> value = new Preload<>("test value", () -> {
      builds.incrementAndGet();
      throw new IllegalStateException("no model on the classpath");
    });
    value.start();
    assertThatThrownBy(value::get).isInstanceOf(IllegalStateException.class).hasMessage("no model on the classpath");
    assertThatThrownBy(value::get).isInstanceOf(IllegalStateException.class).hasMessage("no model on the classpath");
    assertThat(builds).hasValue(1);
  }
}
