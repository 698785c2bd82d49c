package dev.warden.plugin.internal.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.plugin.store.Suspension;
import dev.warden.plugin.throttle.PostAttempt;
import dev.warden.plugin.throttle.ThrottleDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Suspended posters and addresses are refused until the suspension ends or is lifted. */
class SuspensionTest {
  private final ThrottleFixture t = new ThrottleFixture("");

  @Test
  void aSuspendedPosterIsRefusedUntilTheEnd() {
    t.throttle.suspensionChanged(suspension("user:troll", Duration.ofHours(2)));

    ThrottleDecision atOnce = t.post("user:troll");
    t.advance(Duration.ofMinutes(90));
    ThrottleDecision later = t.post("user:troll");
    t.advance(Duration.ofMinutes(30));
    ThrottleDecision atTheEnd = t.post("user:troll");

    assertThat(atOnce).isEqualTo(ThrottleDecision.refuse(ThrottleDecision.SUSPENDED, Duration.ofHours(2)));
    assertThat(later).isEqualTo(ThrottleDecision.refuse(ThrottleDecision.SUSPENDED, Duration.ofMinutes(30)));
    assertThat(atTheEnd).isEqualTo(ThrottleDecision.PROCEED);
  }

  @Test
  void aLiftedSuspensionStopsAtOnce() {
    t.throttle.suspensionChanged(suspension("user:troll", Duration.ofDays(7)));
    t.throttle.suspensionLifted("user:troll");

    assertThat(t.post("user:troll")).isEqualTo(ThrottleDecision.PROCEED);
  }

  @Test
  void aSuspendedAddressRefusesEveryPosterKeyFromIt() {
    t.throttle.suspensionChanged(suspension("ip:203.0.113.7", Duration.ofHours(1)));

    ThrottleDecision decision =
        t.throttle.check(new PostAttempt("user:sock", "ip:203.0.113.7", "a1", false, "hello"));

    assertThat(decision.reason()).isEqualTo(ThrottleDecision.SUSPENDED);
    assertThat(t.throttle.check(new PostAttempt("user:sock", "ip:198.51.100.1", "a1", false, "hello")))
        .isEqualTo(ThrottleDecision.PROCEED);
  }

  @Test
  void aRefreshReplacesTheWholeSet() {
    t.throttle.suspensionChanged(suspension("user:old", Duration.ofHours(1)));

    t.throttle.replaceSuspensions(List.of(suspension("user:new", Duration.ofHours(1)),
        suspension("user:other", Duration.ofHours(3))));

    assertThat(t.post("user:old")).isEqualTo(ThrottleDecision.PROCEED);
    assertThat(t.post("user:new").reason()).isEqualTo(ThrottleDecision.SUSPENDED);
    assertThat(t.post("user:other").retryAfter()).isEqualTo(Duration.ofHours(3));
  }

  @Test
  void suspendedAttemptsUseUpNoAllowance() {
    t.throttle.suspensionChanged(suspension("user:troll", Duration.ofMinutes(1)));
    t.post("user:troll");
    t.advance(Duration.ofMinutes(1));

    assertThat(t.post("user:troll")).isEqualTo(ThrottleDecision.PROCEED);
  }

  private Suspension suspension(String posterKey, Duration length) {
    Instant now = t.clock.instant();
    return new Suspension(posterKey, now, now.plus(length), "flooding", "mod:anna");
  }
}
