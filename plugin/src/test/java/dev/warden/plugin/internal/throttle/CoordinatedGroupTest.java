package dev.warden.plugin.internal.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.plugin.throttle.CoordinatedGroup;
import dev.warden.plugin.throttle.ThrottleDecision;
import dev.warden.plugin.throttle.ThrottleDecision.Action;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same text from several posters in a short window is held as a coordinated group. */
class CoordinatedGroupTest {
  static final String TALKING_POINT = "The so-called refugees are paid actors, share before it is deleted!";

  private final ThrottleFixture t =
      new ThrottleFixture("coordinated: {posters: 3, window: 30m, min-length: 20}");

  @Test
  void theThirdPosterOfTheSameTextIsHeldWithTheGroupAndSoIsEveryLaterOne() {
    ThrottleDecision first = t.post("user:a", "a1", TALKING_POINT);
    t.advance(Duration.ofMinutes(5));
    ThrottleDecision second = t.post("user:b", "a2", TALKING_POINT.toUpperCase());
    t.advance(Duration.ofMinutes(5));
    ThrottleDecision third = t.post("user:c", "a3", TALKING_POINT.replace(",", ""));
    ThrottleDecision fourth = t.post("user:d", "a1", TALKING_POINT);

    assertThat(first).isEqualTo(ThrottleDecision.PROCEED);
    assertThat(second).isEqualTo(ThrottleDecision.PROCEED);
    assertThat(third.action()).isEqualTo(Action.HOLD);
    assertThat(third.reason()).isEqualTo(ThrottleDecision.COORDINATED);
    assertThat(third.group()).matches("[0-9a-f]{16}");
    assertThat(fourth).isEqualTo(third);
  }

  @Test
  void theGroupIsListedWithItsPostersAndComments() {
    t.post("user:a", "a1", TALKING_POINT);
    t.advance(Duration.ofMinutes(1));
    t.post("user:b", "a1", TALKING_POINT);
    t.advance(Duration.ofMinutes(1));
    String group = t.post("user:c", "a1", TALKING_POINT).group();

    List<CoordinatedGroup> groups = t.throttle.coordinatedGroups(10);

    assertThat(groups).singleElement().satisfies(g -> {
      assertThat(g.group()).isEqualTo(group);
      assertThat(g.posters()).isEqualTo(3);
      assertThat(g.comments()).isEqualTo(3);
      assertThat(g.posterKeys()).containsExactly("user:a", "user:b", "user:c");
      assertThat(g.firstSeen()).isEqualTo(ThrottleFixture.START);
      assertThat(g.lastSeen()).isEqualTo(ThrottleFixture.START.plus(Duration.ofMinutes(2)));
    });
  }

  @Test
  void shortTextsNeverGroup() {
    for (String poster : List.of("user:a", "user:b", "user:c", "user:d")) {
      assertThat(t.post(poster, "a1", "+1, agreed!")).isEqualTo(ThrottleDecision.PROCEED);
    }
    assertThat(t.throttle.coordinatedGroups(10)).isEmpty();
  }

  @Test
  void postersSpreadWiderThanTheWindowDoNotGroup() {
    t.post("user:a", "a1", TALKING_POINT);
    t.advance(Duration.ofMinutes(20));
    t.post("user:b", "a1", TALKING_POINT);
    t.advance(Duration.ofMinutes(20)); // user:a was seen 40 minutes ago

    assertThat(t.post("user:c", "a1", TALKING_POINT)).isEqualTo(ThrottleDecision.PROCEED);
  }

  @Test
  void aGroupIsForgottenOnceItsTextHasBeenQuietForAWindow() {
    for (String poster : List.of("user:a", "user:b", "user:c")) {
      t.post(poster, "a1", TALKING_POINT);
    }
    t.advance(Duration.ofMinutes(30));

    assertThat(t.post("user:d", "a1", TALKING_POINT)).isEqualTo(ThrottleDecision.PROCEED);
    assertThat(t.throttle.coordinatedGroups(10)).isEmpty();
  }

  @Test
  void groupsAreCountedAsHoldsInTheReport() {
    for (String poster : List.of("user:a", "user:b", "user:c", "user:d")) {
      t.post(poster, "a1", TALKING_POINT);
    }

    assertThat(t.throttle.report(10).heldByReason()).containsEntry(ThrottleDecision.COORDINATED, 2L);
  }
}
