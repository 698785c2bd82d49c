package dev.warden.plugin.internal.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.plugin.throttle.ThrottleDecision;
import dev.warden.plugin.throttle.ThrottleReport;
import dev.warden.plugin.throttle.ThrottleReport.ThrottledPoster;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the throttle reports: counts by reason and the most refused posters. */
class ThrottleReportTest {
  private final ThrottleFixture t = new ThrottleFixture("limits: {default: {min-interval: 10s}}");

  @Test
  void refusalsAreCountedByReasonEveryReasonListed() {
    t.post("user:a", "a1", "Stop the shelling of Kharkiv now.");
    t.advance(Duration.ofSeconds(1));
    t.post("user:a", "a1", "Stop the shelling of Kharkiv now.");
    t.post("user:a", "a1", "something else");
    t.post("user:a", "a1", "and again");

    Map<String, Long> refused = t.throttle.report(10).refusedByReason();

    assertThat(refused).containsEntry(ThrottleDecision.DUPLICATE, 1L).containsEntry(ThrottleDecision.TOO_FAST, 2L)
        .containsEntry(ThrottleDecision.SUSPENDED, 0L).containsEntry(ThrottleDecision.TOO_MANY, 0L)
        .containsEntry(ThrottleDecision.ARTICLE_LIMIT, 0L).containsEntry(ThrottleDecision.ADDRESS_LIMIT, 0L)
        .hasSize(6);
    assertThat(t.throttle.report(10).heldByReason())
        .containsOnly(Map.entry(ThrottleDecision.COORDINATED, 0L), Map.entry(ThrottleDecision.SURGE, 0L));
  }

  @Test
  void topPostersAreTheMostRefusedFirstWithTheirLatestRefusal() {
    refuse("user:once", 1);
    refuse("user:thrice", 3);
    t.advance(Duration.ofMinutes(1));
    refuse("user:twice", 2);
    Instant lastRefusal = t.clock.instant();

    ThrottleReport report = t.throttle.report(2);

    assertThat(report.topPosters()).containsExactly(
        new ThrottledPoster("user:thrice", 3, ThrottleDecision.TOO_FAST, ThrottleFixture.START),
        new ThrottledPoster("user:twice", 2, ThrottleDecision.TOO_FAST, lastRefusal));
    assertThat(report.trackedPosters()).isEqualTo(3);
    assertThat(report.evictions()).isZero();
  }

  @Test
  void postersNeverRefusedAreNotInTheTopList() {
    t.post("user:polite");

    assertThat(t.throttle.report(10).topPosters()).isEmpty();
  }

  /** Posts once, then gets refused {@code times} as too fast. */
  private void refuse(String posterKey, int times) {
    t.post(posterKey);
    for (int i = 0; i < times; i++) {
      assertThat(t.post(posterKey).reason()).isEqualTo(ThrottleDecision.TOO_FAST);
    }
  }
}
