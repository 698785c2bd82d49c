package dev.warden.demo.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommentLogTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-12T10:15:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void aTornLastLineIsDroppedAndLaterAppendsStayReadable() throws IOException {
    Path file = dir.resolve("comments.jsonl");
    try (CommentLog log = CommentLog.open(file, CLOCK)) {
      log.append("city-marathon", "Ana", "first");
    }
    Files.writeString(file, "{\"id\":\"c2\",\"article\":\"city-", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    try (CommentLog log = CommentLog.open(file, CLOCK)) {
      assertThat(log.forArticle("city-marathon")).extracting(Comment::text).containsExactly("first");
      log.append("city-marathon", "Ben", "second");
    }
    try (CommentLog log = CommentLog.open(file, CLOCK)) {
      assertThat(log.forArticle("city-marathon")).extracting(Comment::id, Comment::text)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("c1", "first"),
              org.assertj.core.groups.Tuple.tuple("c2", "second"));
    }
  }

  @Test
  void aCorruptCompleteLineStopsTheStart() throws IOException {
    Path file = dir.resolve("comments.jsonl");
    Files.writeString(file, "not json\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> CommentLog.open(file, CLOCK)).isInstanceOf(IOException.class).hasMessageContaining("line 1");
  }
}
