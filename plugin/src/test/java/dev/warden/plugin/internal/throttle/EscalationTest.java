package dev.warden.plugin.internal.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.plugin.store.Decision;
import dev.warden.plugin.throttle.ThrottleDecision;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Held and rejected comments tighten a poster's allowance, and the tightening decays. */
class EscalationTest {
  private final ThrottleFixture t = new ThrottleFixture("""
      limits: {default: {min-interval: 10s, max: 8, window: 10m}}
      escalation: {factor: 2, max-multiplier: 16, decay: 1h}
      """);

  @Test
  void eachStrikeMultipliesTheMinimumInterval() {
    t.throttle.recordModeration("user:troll", Decision.HOLD);
    t.throttle.recordModeration("user:troll", Decision.REJECT);
    t.post("user:troll");
    t.advance(Duration.ofSeconds(15));

    assertThat(t.post("user:troll"))
        .isEqualTo(ThrottleDecision.refuse(ThrottleDecision.TOO_FAST, Duration.ofSeconds(25)));
  }

  @Test
  void strikesDivideTheWindowAllowance() {
    ThrottleFixture windowOnly = new ThrottleFixture("""
        limits: {default: {min-interval: 0s, max: 8, window: 10m}}
        escalation: {factor: 2, max-multiplier: 16, decay: 1h}
        """);
    windowOnly.throttle.recordModeration("user:troll", Decision.HOLD);
    windowOnly.throttle.recordModeration("user:troll", Decision.HOLD);

    assertThat(windowOnly.post("user:troll")).isEqualTo(ThrottleDecision.PROCEED);
    assertThat(windowOnly.post("user:troll")).isEqualTo(ThrottleDecision.PROCEED);
    assertThat(windowOnly.post("user:troll").reason()).isEqualTo(ThrottleDecision.TOO_MANY);
  }

  @Test
  void theMultiplierIsCappedAndTheAllowanceNeverFallsBelowOne() {
    for (int i = 0; i < 10; i++) {
      t.throttle.recordModeration("user:troll", Decision.REJECT);
    }
    t.post("user:troll");
    t.advance(Duration.ofSeconds(159));

    ThrottleDecision beforeTheCappedInterval = t.post("user:troll"); // 10s x 16, not x 1024
    t.advance(Duration.ofSeconds(1));
    ThrottleDecision afterIt = t.post("user:troll"); // 8 / 16 rounds to 0: still 1 per window

    assertThat(beforeTheCappedInterval)
        .isEqualTo(ThrottleDecision.refuse(ThrottleDecision.TOO_FAST, Duration.ofSeconds(1)));
    assertThat(afterIt).isEqualTo(ThrottleDecision.refuse(ThrottleDecision.TOO_MANY, Duration.ofSeconds(440)));
  }

  @Test
  void oneStrikeDecaysPerDecayPeriod() {
    t.throttle.recordModeration("user:troll", Decision.HOLD);
    t.throttle.recordModeration("user:troll", Decision.HOLD);
    t.advance(Duration.ofHours(1));
    t.post("user:troll");
    t.advance(Duration.ofSeconds(19));

    ThrottleDecision oneStrikeLeft = t.post("user:troll");
    t.advance(Duration.ofHours(1));
    t.post("user:troll");
    t.advance(Duration.ofSeconds(10));
    ThrottleDecision noStrikesLeft = t.post("user:troll");

    assertThat(oneStrikeLeft).isEqualTo(ThrottleDecision.refuse(ThrottleDecision.TOO_FAST, Duration.ofSeconds(1)));
    assertThat(noStrikesLeft).isEqualTo(ThrottleDecision.PROCEED);
  }

  @Test
  void allowedCommentsAndOtherPostersAreNotStruck() {
    t.throttle.recordModeration("user:alice", Decision.ALLOW);
    t.throttle.recordModeration("user:troll", Decision.REJECT);
    t.post("user:alice");
    t.advance(Duration.ofSeconds(10));

    assertThat(t.post("user:alice")).isEqualTo(ThrottleDecision.PROCEED);
  }
}
