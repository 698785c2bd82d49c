package dev.warden.plugin.internal.throttle;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.plugin.ThrottleConfig;
import dev.warden.plugin.WardenConfig;
import dev.warden.plugin.internal.store.MutableClock;
import dev.warden.plugin.throttle.PostAttempt;
import dev.warden.plugin.throttle.ThrottleDecision;
import java.time.Duration;
import java.time.Instant;

/**
 * A throttle under test with its own time: a clock moved by hand and a ticker that reads it, so the windows and the
 * report dates move together. Never sleeps.
 */
final class ThrottleFixture {
  static final Instant START = Instant.parse("2025-03-01T12:00:00Z");
  static final String LONG_TEXT = "The convoy left the city at dawn and reached the border by noon.";

  final MutableClock clock = new MutableClock(START);
  final Ticker ticker = ClockTicker.of(clock);
  final CaffeineThrottle throttle;
  private int texts;

  /** A throttle with the bundled defaults overridden by {@code throttleYaml} (the body of {@code throttle:}). */
  ThrottleFixture(String throttleYaml) {
    this.throttle = new CaffeineThrottle(config(throttleYaml), ticker, clock);
  }

  /** The throttle config of a minimal warden.yaml with {@code throttleYaml} (if any) under {@code throttle:}. */
  static ThrottleConfig config(String throttleYaml) {
    String yaml = """
        release: {secret: 0123456789abcdef0123456789abcdef, target: http://127.0.0.1:9}
        admin: {auth: container}
        """ + (throttleYaml.isBlank() ? "" : "throttle:\n" + throttleYaml.indent(2));
    return WardenConfig.parse(yaml, name -> null).throttle();
  }

  /** Moves time forward. */
  void advance(Duration duration) {
    clock.advance(duration);
  }

  /** An anonymous poster (its key is its address) posting {@code text} on {@code article}. */
  ThrottleDecision post(String posterKey, String article, String text) {
    return throttle.check(new PostAttempt(posterKey, posterKey, article, false, text));
  }

  /** A poster posting a text nobody else posts, on article {@code a1}. */
  ThrottleDecision post(String posterKey) {
    return post(posterKey, "a1", "comment " + ++texts);
  }
}
