package dev.warden.plugin.internal.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.plugin.throttle.Surge;
import dev.warden.plugin.throttle.ThrottleDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An article whose comment rate jumps far above its baseline goes into pre-moderation for a while. */
class SurgeTest {
  private final ThrottleFixture t = new ThrottleFixture(
      "surge: {enabled: true, factor: 5, floor: 20, window: 2m, baseline: 30m, min-duration: 10m}");
  private int posters;

  @Test
  void aBurstAfterAQuietBaselineIsHeldFromTheCommentThatReachesTheFloor() {
    quietBaseline();

    List<ThrottleDecision> burst = comments("a1", 25, Duration.ofSeconds(1));

    assertThat(burst.subList(0, 19)).containsOnly(ThrottleDecision.PROCEED);
    assertThat(burst.subList(19, 25)).containsOnly(ThrottleDecision.hold(ThrottleDecision.SURGE, null));
    assertThat(t.post("ip:198.51.100.9", "a2", "elsewhere")).isEqualTo(ThrottleDecision.PROCEED);
  }

  @Test
  void theSurgeIsListedWithItsRates() {
    quietBaseline();
    comments("a1", 19, Duration.ofSeconds(1));
    Instant trigger = t.clock.instant();
    comments("a1", 1, Duration.ofSeconds(1));

    assertThat(t.throttle.surges()).singleElement().satisfies(s -> {
      assertThat(s.articleId()).isEqualTo("a1");
      assertThat(s.since()).isEqualTo(trigger);
      assertThat(s.recentRate()).isEqualTo(10.0);
      assertThat(s.baselineRate()).isEqualTo(1.0);
    });
  }

  @Test
  void theSurgeLastsAtLeastTheMinimumDurationThenLiftsOnceTheRateHasFallen() {
    quietBaseline();
    comments("a1", 20, Duration.ofSeconds(1));
    t.advance(Duration.ofMinutes(5));

    ThrottleDecision quietButEarly = comments("a1", 1, Duration.ZERO).get(0);
    t.advance(Duration.ofMinutes(5));
    List<Surge> afterMinimum = t.throttle.surges();
    ThrottleDecision afterLift = comments("a1", 1, Duration.ZERO).get(0);

    assertThat(quietButEarly.reason()).isEqualTo(ThrottleDecision.SURGE);
    assertThat(afterMinimum).isEmpty();
    assertThat(afterLift).isEqualTo(ThrottleDecision.PROCEED);
  }

  @Test
  void aSurgeIsLiftedOnTheNextCommentWithoutAnyoneListingIt() {
    quietBaseline();
    comments("a1", 20, Duration.ofSeconds(1));
    t.advance(Duration.ofMinutes(10));

    assertThat(comments("a1", 1, Duration.ZERO)).containsExactly(ThrottleDecision.PROCEED);
  }

  @Test
  void anArticleBusierThanUsualButNotByTheFactorIsNotHeld() {
    ThrottleFixture lowFloor = new ThrottleFixture(
        "surge: {enabled: true, factor: 5, floor: 5, window: 2m, baseline: 30m, min-duration: 10m}");
    List<ThrottleDecision> decisions = new ArrayList<>();
    for (int i = 0; i < 60; i++) { // 2 a minute for half an hour: never 5 in 2 minutes
      decisions.add(lowFloor.post("ip:192.0.2." + i, "a1", "steady " + i));
      lowFloor.advance(Duration.ofSeconds(30));
    }
    for (int i = 0; i < 8; i++) { // then 4 a minute: over the floor, but not 5 times the baseline
      decisions.add(lowFloor.post("ip:198.51.100." + i, "a1", "busier " + i));
      lowFloor.advance(Duration.ofSeconds(15));
    }

    assertThat(decisions).containsOnly(ThrottleDecision.PROCEED);
    assertThat(lowFloor.throttle.surges()).isEmpty();
  }

  @Test
  void aDisabledSurgeDetectorHoldsNothing() {
    ThrottleFixture off = new ThrottleFixture("surge: {enabled: false}");
    for (int i = 0; i < 50; i++) {
      assertThat(off.post("ip:192.0.2." + i, "a1", "comment " + i)).isEqualTo(ThrottleDecision.PROCEED);
    }
    assertThat(off.throttle.surges()).isEmpty();
  }

  @Test
  void surgeHoldsAreCountedInTheReport() {
    quietBaseline();
    comments("a1", 22, Duration.ofSeconds(1));

    assertThat(t.throttle.report(10).heldByReason()).containsEntry(ThrottleDecision.SURGE, 3L);
  }

  /** One comment a minute on a1 for half an hour (minutes 0 to 29), then quiet until minute 31. */
  private void quietBaseline() {
    assertThat(comments("a1", 30, Duration.ofMinutes(1))).containsOnly(ThrottleDecision.PROCEED);
    t.advance(Duration.ofMinutes(2));
  }

  /** {@code n} comments on {@code article} from new posters, {@code every} apart (the first one now). */
  private List<ThrottleDecision> comments(String article, int n, Duration every) {
    List<ThrottleDecision> decisions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        t.advance(every);
      }
      posters++;
      decisions.add(t.post("ip:2001:db8:" + posters + "::/64", article, "comment " + posters));
    }
    return decisions;
  }
}
