package dev.warden.plugin.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModerationResponsesTest {
  @Test
  void commentStateIsAppendedKeepingAnExistingQueryAndFragment() {
    assertThat(ModerationResponses.withCommentState("/articles/a", "pending")).isEqualTo("/articles/a?comment=pending");
    assertThat(ModerationResponses.withCommentState("/articles/a?tab=2", "pending"))
        .isEqualTo("/articles/a?tab=2&comment=pending");
    assertThat(ModerationResponses.withCommentState("/articles/a?tab=2#comments", "rejected"))
        .isEqualTo("/articles/a?tab=2&comment=rejected#comments");
  }

  @Test
  void aStatusTokenFollowsTheCommentStateBeforeTheFragment() {
    assertThat(ModerationResponses.withCommentState("/articles/a", "pending", "Ab-_9"))
        .isEqualTo("/articles/a?comment=pending&status=Ab-_9");
    assertThat(ModerationResponses.withCommentState("/articles/a?tab=2#comments", "rejected", "Ab-_9"))
        .isEqualTo("/articles/a?tab=2&comment=rejected&status=Ab-_9#comments");
  }

  @Test
  void returnToVariablesAreEncodedAsOnePathSegment() {
    assertThat(PathSegments.encode("war diary/1?x")).isEqualTo("war%20diary%2F1%3Fx");
    assertThat(PathSegments.encode("київ")).isEqualTo("%D0%BA%D0%B8%D1%97%D0%B2");
  }
}
