package dev.warden.plugin.internal.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.plugin.store.Suspension;
import dev.warden.plugin.throttle.ThrottleDecision;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code throttle.enabled: false} lets everything through, suspensions included. */
class DisabledThrottleTest {

  @Test
  void everyAttemptProceeds() {
    ThrottleFixture t = new ThrottleFixture("enabled: false");
    t.throttle.suspensionChanged(new Suspension("user:troll", ThrottleFixture.START,
        ThrottleFixture.START.plus(Duration.ofDays(1)), "", "mod:anna"));

    for (int i = 0; i < 100; i++) {
      assertThat(t.post("user:troll", "a1", "the same text every time")).isEqualTo(ThrottleDecision.PROCEED);
    }
    assertThat(t.throttle.report(10).refusedByReason().values()).containsOnly(0L);
  }
}
