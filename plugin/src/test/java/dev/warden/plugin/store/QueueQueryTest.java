package dev.warden.plugin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueueQueryTest {

  @Test
  void theDefaultsAreTheNewestFiftyUnfiltered() {
    QueueQuery query = QueueQuery.builder(CommentStatus.PENDING).build();

    assertThat(query).isEqualTo(new QueueQuery(CommentStatus.PENDING, QueueSort.NEWEST, null, null, null, null,
        null, null, 50, 0));
  }

  @Test
  void everyBadValueIsRefusedNamingIt() {
    assertThatThrownBy(() -> QueueQuery.builder(null).build()).isInstanceOf(NullPointerException.class)
        .hasMessage("status");
    assertThatThrownBy(() -> QueueQuery.builder(CommentStatus.PENDING).sort(null).build())
        .isInstanceOf(NullPointerException.class).hasMessage("sort");
    assertRefused(QueueQuery.builder(CommentStatus.PENDING).reason(" "), "reason");
    assertRefused(QueueQuery.builder(CommentStatus.PENDING).articleId(""), "articleId");
    assertRefused(QueueQuery.builder(CommentStatus.PENDING).section("s".repeat(257)), "section");
    assertRefused(QueueQuery.builder(CommentStatus.PENDING).language("l".repeat(65)), "language");
    assertRefused(QueueQuery.builder(CommentStatus.PENDING).narrative("\t"), "narrative");
    assertRefused(QueueQuery.builder(CommentStatus.PENDING).posterKey("p".repeat(513)), "posterKey");
    assertRefused(QueueQuery.builder(CommentStatus.PENDING).limit(0), "limit");
    assertRefused(QueueQuery.builder(CommentStatus.PENDING).limit(QueueQuery.MAX_LIMIT + 1), "limit");
    assertRefused(QueueQuery.builder(CommentStatus.PENDING).offset(-1), "offset");
  }

  @Test
  void sortsHaveLowerCaseWireNames() {
    assertThat(QueueSort.fromWireName("score")).isEqualTo(QueueSort.SCORE);
    assertThat(QueueSort.OLDEST.wireName()).isEqualTo("oldest");
    assertThatThrownBy(() -> QueueSort.fromWireName("SCORE")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("newest, oldest, score");
  }

  private static void assertRefused(QueueQuery.Builder builder, String name) {
    assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(name);
  }
}
