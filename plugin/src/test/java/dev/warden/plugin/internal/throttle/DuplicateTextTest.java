package dev.warden.plugin.internal.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.plugin.throttle.ThrottleDecision;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The same text from the same poster within the duplicate window is refused, however it is dressed up. */
class DuplicateTextTest {
  private final ThrottleFixture t = new ThrottleFixture("""
      limits: {default: {min-interval: 0s, max: 100}}
      duplicates: {window: 24h}
      """);

  @Test
  void theSameTextAgainIsRefusedForTheRestOfTheWindow() {
    t.post("user:alice", "a1", "Stop the shelling of Kharkiv now.");
    t.advance(Duration.ofHours(3));

    ThrottleDecision again = t.post("user:alice", "a2", "Stop the shelling of Kharkiv now.");

    assertThat(again).isEqualTo(ThrottleDecision.refuse(ThrottleDecision.DUPLICATE, Duration.ofHours(21)));
  }

  @Test
  void caseSpacingPunctuationAndWidthDoNotMakeATextNew() {
    t.post("user:alice", "a1", "Stop the shelling of Kharkiv now.");

    assertThat(t.post("user:alice", "a1", "STOP the shelling of kharkiv NOW!!!").reason())
        .isEqualTo(ThrottleDecision.DUPLICATE);
    assertThat(t.post("user:alice", "a1", "stop-the-shelling  of\tKharkiv, now").reason())
        .isEqualTo(ThrottleDecision.DUPLICATE);
    assertThat(t.post("user:alice", "a1", "Ｓｔｏｐ ｔｈｅ ｓｈｅｌｌｉｎｇ ｏｆ Ｋｈａｒｋｉｖ ｎｏｗ").reason())
        .isEqualTo(ThrottleDecision.DUPLICATE);
  }

  @Test
  void nonLatinTextsAreComparedAfterTheSameNormalisation() {
    t.post("user:alice", "a1", "Зупиніть обстріли Харкова!");

    assertThat(t.post("user:alice", "a1", "ЗУПИНІТЬ   обстріли харкова").reason())
        .isEqualTo(ThrottleDecision.DUPLICATE);
    assertThat(t.post("user:alice", "a1", "Зупиніть обстріли Києва")).isEqualTo(ThrottleDecision.PROCEED);
  }

  @Test
  void theSameTextIsAllowedAgainOnceTheWindowHasPassed() {
    t.post("user:alice", "a1", "Stop the shelling of Kharkiv now.");
    t.advance(Duration.ofHours(24));

    assertThat(t.post("user:alice", "a1", "Stop the shelling of Kharkiv now.")).isEqualTo(ThrottleDecision.PROCEED);
  }

  @Test
  void anotherPosterMaySayTheSameThing() {
    t.post("user:alice", "a1", "Stop the shelling of Kharkiv now.");

    assertThat(t.post("user:bob", "a1", "Stop the shelling of Kharkiv now.")).isEqualTo(ThrottleDecision.PROCEED);
  }

  @Test
  void textsWithoutLettersOrDigitsAreNeverDuplicates() {
    t.post("user:alice", "a1", "!!!");

    assertThat(t.post("user:alice", "a1", "!!!")).isEqualTo(ThrottleDecision.PROCEED);
    assertThat(t.post("user:alice", "a1", "")).isEqualTo(ThrottleDecision.PROCEED);
    assertThat(t.post("user:alice", "a1", "...")).isEqualTo(ThrottleDecision.PROCEED);
  }

  @Test
  void aDuplicateIsReportedBeforeAnyOtherLimit() {
    ThrottleFixture strict = new ThrottleFixture("limits: {default: {min-interval: 10s}}");
    strict.post("user:alice", "a1", "Stop the shelling of Kharkiv now.");
    strict.advance(Duration.ofSeconds(1));

    assertThat(strict.post("user:alice", "a1", "stop the shelling of kharkiv now").reason())
        .isEqualTo(ThrottleDecision.DUPLICATE);
  }
}
