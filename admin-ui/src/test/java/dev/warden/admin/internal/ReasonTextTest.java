package dev.warden.admin.internal;

import static dev.warden.admin.internal.ThrottleHeldComments.held;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one-sentence reason for comments the throttle held. */
class ReasonTextTest {
  @Test
  void aCoordinatedHoldSaysTheSameTextCameFromSeveralPosters() {
    assertThat(ReasonText.of(held("coordinated", "9f2c", "none")))
        .isEqualTo("Held: the same text came from several posters within a short time (coordinated).");
  }

  @Test
  void aSurgeHoldSaysTheArticleIsInPreModeration() {
    assertThat(ReasonText.of(held("surge", null, "none")))
        .isEqualTo("Held: the article is in pre-moderation after a surge of comments.");
  }

  @Test
  void aThrottleHoldAlsoNamesTheClassifiersOwnHoldReasonWithItsScore() {
    assertThat(ReasonText.of(held("surge", null, "abuse"))).isEqualTo("Held: the article is in pre-moderation "
        + "after a surge of comments; the classifier would have held it too (abuse score 0.93).");
    assertThat(ReasonText.of(held("coordinated", "9f2c", "unsupported_language"))).isEqualTo("Held: the same "
        + "text came from several posters within a short time (coordinated); the classifier would have held it "
        + "too (unsupported language).");
  }
}
