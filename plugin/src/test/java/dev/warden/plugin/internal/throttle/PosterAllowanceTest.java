package dev.warden.plugin.internal.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.plugin.throttle.PostAttempt;
import dev.warden.plugin.throttle.ThrottleDecision;
import dev.warden.plugin.throttle.ThrottleDecision.Action;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A poster's allowances: minimum interval, sliding window, per-article cap and per-address cap. */
class PosterAllowanceTest {

  @Test
  void floodFromOnePosterIsRefusedAfterTheLimitUntilTheOldestCommentLeavesTheWindow() {
    ThrottleFixture t = new ThrottleFixture("limits: {default: {min-interval: 0s, max: 5, window: 10m}}");
    for (int i = 0; i < 5; i++) {
      assertThat(t.post("ip:203.0.113.7")).isEqualTo(ThrottleDecision.PROCEED);
      t.advance(Duration.ofSeconds(1));
    }

    ThrottleDecision sixth = t.post("ip:203.0.113.7");

    assertThat(sixth.action()).isEqualTo(Action.REFUSE);
    assertThat(sixth.reason()).isEqualTo(ThrottleDecision.TOO_MANY);
    assertThat(sixth.retryAfter()).isEqualTo(Duration.ofMinutes(10).minusSeconds(5));
  }

  @Test
  void anotherPosterIsUnaffectedByAFlood() {
    ThrottleFixture t = new ThrottleFixture("limits: {default: {min-interval: 0s, max: 3, window: 10m}}");
    for (int i = 0; i < 10; i++) {
      t.post("ip:203.0.113.7");
    }

    assertThat(t.post("ip:198.51.100.1")).isEqualTo(ThrottleDecision.PROCEED);
  }

  @Test
  void commentsCloserThanTheMinimumIntervalAreRefusedForExactlyTheRest() {
    ThrottleFixture t = new ThrottleFixture("limits: {default: {min-interval: 10s}}");
    t.post("user:alice");
    t.advance(Duration.ofMillis(3_250));

    ThrottleDecision early = t.post("user:alice");
    t.advance(Duration.ofMillis(6_750));
    ThrottleDecision onTime = t.post("user:alice");

    assertThat(early).isEqualTo(ThrottleDecision.refuse(ThrottleDecision.TOO_FAST, Duration.ofMillis(6_750)));
    assertThat(onTime).isEqualTo(ThrottleDecision.PROCEED);
  }

  @Test
  void refusedAttemptsDoNotUseUpAllowance() {
    ThrottleFixture t = new ThrottleFixture("limits: {default: {min-interval: 10s}}");
    t.post("user:alice");
    for (int i = 0; i < 9; i++) {
      t.advance(Duration.ofSeconds(1));
      assertThat(t.post("user:alice").reason()).isEqualTo(ThrottleDecision.TOO_FAST);
    }
    t.advance(Duration.ofSeconds(1));

    assertThat(t.post("user:alice")).isEqualTo(ThrottleDecision.PROCEED);
  }

  @Test
  void theWindowSlidesSoAPosterMayPostAgainOnceItsOldestCommentLeaves() {
    ThrottleFixture t = new ThrottleFixture("limits: {default: {min-interval: 0s, max: 3, window: 1m}}");
    t.post("user:alice");
    t.advance(Duration.ofSeconds(10));
    t.post("user:alice");
    t.advance(Duration.ofSeconds(10));
    t.post("user:alice");
    t.advance(Duration.ofMillis(39_999));

    ThrottleDecision justBefore = t.post("user:alice");
    t.advance(Duration.ofMillis(1));
    ThrottleDecision whenTheFirstLeaves = t.post("user:alice");
    ThrottleDecision rightAfter = t.post("user:alice");

    assertThat(justBefore).isEqualTo(ThrottleDecision.refuse(ThrottleDecision.TOO_MANY, Duration.ofMillis(1)));
    assertThat(whenTheFirstLeaves).isEqualTo(ThrottleDecision.PROCEED);
    assertThat(rightAfter).isEqualTo(ThrottleDecision.refuse(ThrottleDecision.TOO_MANY, Duration.ofSeconds(10)));
  }

  @Test
  void conflictArticlesHaveTheirOwnStricterLimits() {
    ThrottleFixture t = new ThrottleFixture("""
        limits:
          default: {min-interval: 10s}
          conflict: {min-interval: 30s}
        """);
    t.throttle.check(new PostAttempt("user:alice", "ip:203.0.113.7", "frontline", true, "first"));
    t.advance(Duration.ofSeconds(20));

    ThrottleDecision onConflict =
        t.throttle.check(new PostAttempt("user:alice", "ip:203.0.113.7", "frontline", true, "second"));
    ThrottleDecision elsewhere =
        t.throttle.check(new PostAttempt("user:alice", "ip:203.0.113.7", "gardening", false, "third"));

    assertThat(onConflict).isEqualTo(ThrottleDecision.refuse(ThrottleDecision.TOO_FAST, Duration.ofSeconds(10)));
    assertThat(elsewhere).isEqualTo(ThrottleDecision.PROCEED);
  }

  @Test
  void aPosterMayPostOnlySoOftenOnOneArticleButGoOnElsewhere() {
    ThrottleFixture t = new ThrottleFixture(
        "limits: {default: {min-interval: 0s, max: 100, per-article: {max: 2, window: 24h}}}");
    t.post("user:alice", "a1", "first thought");
    t.advance(Duration.ofHours(1));
    t.post("user:alice", "a1", "second thought");
    t.advance(Duration.ofHours(1));

    ThrottleDecision third = t.post("user:alice", "a1", "third thought");
    ThrottleDecision otherArticle = t.post("user:alice", "a2", "third thought");
    ThrottleDecision otherPoster = t.post("user:bob", "a1", "third thought");
    t.advance(Duration.ofHours(22));
    ThrottleDecision dayLater = t.post("user:alice", "a1", "fourth thought");

    assertThat(third).isEqualTo(ThrottleDecision.refuse(ThrottleDecision.ARTICLE_LIMIT, Duration.ofHours(22)));
    assertThat(otherArticle).isEqualTo(ThrottleDecision.PROCEED);
    assertThat(otherPoster).isEqualTo(ThrottleDecision.PROCEED);
    assertThat(dayLater).isEqualTo(ThrottleDecision.PROCEED);
  }

  @Test
  void rotatingUserIdsFromOneAddressHitTheAddressCap() {
    ThrottleFixture t = new ThrottleFixture("per-address: {max: 3, window: 10m}");
    for (int i = 1; i <= 3; i++) {
      assertThat(t.throttle.check(attempt("user:sock" + i, "ip:203.0.113.7"))).isEqualTo(ThrottleDecision.PROCEED);
      t.advance(Duration.ofSeconds(30));
    }

    ThrottleDecision fourthId = t.throttle.check(attempt("user:sock4", "ip:203.0.113.7"));
    ThrottleDecision otherAddress = t.throttle.check(attempt("user:sock4", "ip:198.51.100.1"));

    assertThat(fourthId).isEqualTo(ThrottleDecision.refuse(ThrottleDecision.ADDRESS_LIMIT, Duration.ofSeconds(510)));
    assertThat(otherAddress).isEqualTo(ThrottleDecision.PROCEED);
  }

  @Test
  void anonymousCommentsFromAnAddressCountTowardsItsCap() {
    ThrottleFixture t = new ThrottleFixture("""
        limits: {default: {min-interval: 0s}}
        per-address: {max: 3, window: 10m}
        """);
    t.post("ip:203.0.113.7");
    t.post("ip:203.0.113.7");
    t.throttle.check(attempt("user:alice", "ip:203.0.113.7"));

    assertThat(t.throttle.check(attempt("user:bob", "ip:203.0.113.7")).reason())
        .isEqualTo(ThrottleDecision.ADDRESS_LIMIT);
  }

  @Test
  void aPosterRefusedForItsOwnLimitsIsNotCountedAgainstItsAddress() {
    ThrottleFixture t = new ThrottleFixture("per-address: {max: 2, window: 10m}");
    t.throttle.check(attempt("user:alice", "ip:203.0.113.7"));
    t.throttle.check(attempt("user:alice", "ip:203.0.113.7")); // too fast: not counted

    assertThat(t.throttle.check(attempt("user:bob", "ip:203.0.113.7"))).isEqualTo(ThrottleDecision.PROCEED);
  }

  private int texts;

  private PostAttempt attempt(String posterKey, String addressKey) {
    return new PostAttempt(posterKey, addressKey, "a1", false, "text number " + ++texts);
  }
}
