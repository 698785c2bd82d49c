package dev.warden.admin.internal;

import static dev.warden.admin.internal.ThrottleHeldComments.held;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comment view carries the coordinated group, so the page can open it. */
class CommentViewTest {
  @Test
  void aCoordinatedCommentCarriesItsGroup() {
    Map<String, Object> view = CommentView.of(held("coordinated", "9f2c0a", "none"));

    assertThat(view).containsEntry("group", "9f2c0a").containsEntry("reason", "coordinated")
        .containsEntry("posterKey", "cookie:bot-3");
  }

  @Test
  void aCommentOutsideAGroupHasANullGroup() {
    Map<String, Object> view = CommentView.of(held("surge", null, "none"));

    assertThat(view).containsKey("group").containsEntry("group", null);
  }
}
