package dev.warden.plugin.store;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NewCommentTest {
  private static NewComment comment(String articleId, String contentType) {
    return new NewComment(articleId, "ip:203.0.113.7", "Olena", "text",
        new Submission("POST", "/articles/a/comments", contentType, "text=x".getBytes(StandardCharsets.UTF_8)),
        Map.of(), Map.of(), Decision.HOLD, "abuse_hold", Instant.EPOCH);
  }

  @Test
  void anArticleIdLongerThanTheStoreKeepsIsRefusedBeforeAnyStoreSeesIt() {
    assertThatCode(() -> comment("a".repeat(NewComment.MAX_ARTICLE_ID), null)).doesNotThrowAnyException();
    assertThatThrownBy(() -> comment("a".repeat(NewComment.MAX_ARTICLE_ID + 1), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("articleId");
  }

  @Test
  void aContentTypeLongerThanTheStoreKeepsIsRefused() {
    assertThatCode(() -> comment("a", "x".repeat(NewComment.MAX_CONTENT_TYPE))).doesNotThrowAnyException();
    assertThatThrownBy(() -> comment("a", "x".repeat(NewComment.MAX_CONTENT_TYPE + 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("content type");
  }
}
