package dev.warden.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  /** A clock the test moves by hand. */
  static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-03-01T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MovableClock clock = new MovableClock();
  private final LoginThrottle throttle = new LoginThrottle(clock);
  private final String key = LoginThrottle.key("Moderator", "203.0.113.7");

  @Test
  void fiveFailuresWithinTheWindowBlockUntilItEnds() {
    for (int i = 0; i < 4; i++) {
      throttle.recordFailure(key);
    }
    assertThat(throttle.retryAfter(key)).isEmpty();
    clock.advance(Duration.ofMinutes(5));
    throttle.recordFailure(key);

    assertThat(throttle.retryAfter(key)).hasValue(Duration.ofMinutes(10));
    clock.advance(Duration.ofMinutes(10));
    assertThat(throttle.retryAfter(key)).isEmpty();
  }

  @Test
  void failuresSpreadBeyondTheWindowDoNotBlock() {
    for (int i = 0; i < 10; i++) {
      throttle.recordFailure(key);
      clock.advance(Duration.ofMinutes(4));
    }
    assertThat(throttle.retryAfter(key)).isEmpty();
  }

  @Test
  void aSuccessfulLoginForgetsTheFailures() {
    for (int i = 0; i < 4; i++) {
      throttle.recordFailure(key);
    }
    throttle.recordSuccess(key);
    throttle.recordFailure(key);
    assertThat(throttle.retryAfter(key)).isEmpty();
  }

  @Test
  void theKeyIsPerUsernameCaseInsensitiveAndPerAddress() {
    for (int i = 0; i < 5; i++) {
      throttle.recordFailure(key);
    }
    assertThat(throttle.retryAfter(LoginThrottle.key("moderator", "203.0.113.7"))).isPresent();
    assertThat(throttle.retryAfter(LoginThrottle.key("moderator", "198.51.100.1"))).isEmpty();
    assertThat(throttle.retryAfter(LoginThrottle.key("publisher", "203.0.113.7"))).isEmpty();
  }
}
