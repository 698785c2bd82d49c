package dev.warden.plugin.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.plugin.StoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedded H2 file store written one commit at a time ({@code WRITE_DELAY=0}, so nothing acknowledged is lost
 * on a crash) grows by a whole chunk per commit; the compaction Warden schedules gives that space back.
 */
class H2FileCompactionTest {
  @TempDir Path dir;

  @Test
  void compactionShrinksAFileGrownByOneCommitPerCommentAndKeepsEveryRow() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("warden");
    Path file = dir.resolve("warden.mv.db");
    String text = "A reader's comment on the strike, long enough to be realistic. ".repeat(40);
    try (Database db = Database.open(new StoreConfig(url, "", "", 2), Ticker.systemTicker())) {
      db.inTransaction("create", c -> {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE grow_test (id INT PRIMARY KEY, body VARCHAR(10000))");
        }
        return null;
      });
      for (int i = 0; i < 2_000; i++) {
        int id = i;
        db.inTransaction("insert", c -> { // one commit each, as held comments arrive
          try (PreparedStatement ps = c.prepareStatement("INSERT INTO grow_test VALUES (?, ?)")) {
            ps.setInt(1, id);
            ps.setString(2, text + id);
            return ps.executeUpdate();
          }
        });
      }
      long grown = Files.size(file);

      Long compacted = db.compactH2FileNow();
      Long again = db.compactH2FileNow();

      System.out.printf("H2 file after 2,000 single-row commits: %,d bytes; compacted: %,d, then %,d%n", grown,
          compacted, again);
      assertThat(compacted).isNotNull();
      assertThat(Math.min(compacted, again)).isLessThan(grown / 2);
      String rows = db.inTransaction("count", c -> {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
            "SELECT COUNT(*), SUM(LENGTH(body)) FROM grow_test")) {
          rs.next();
          return rs.getLong(1) + ":" + rs.getLong(2);
        }
      });
      assertThat(rows).isEqualTo(2_000 + ":" + (2_000L * text.length() + 6_890));
    }
  }

  @Test
  void onlyEmbeddedH2FilesAreCompacted() throws Exception {
    assertThat(Database.isEmbeddedH2File("jdbc:h2:file:/srv/warden")).isTrue();
    assertThat(Database.isEmbeddedH2File("jdbc:h2:/srv/warden;MODE=PostgreSQL")).isTrue();
    assertThat(Database.isEmbeddedH2File("jdbc:h2:mem:test")).isFalse();
    assertThat(Database.isEmbeddedH2File("jdbc:h2:tcp://db/warden")).isFalse();
    assertThat(Database.isEmbeddedH2File("jdbc:postgresql://db/warden")).isFalse();
    try (Database db = Database.open(new StoreConfig("jdbc:h2:mem:compaction-" + System.nanoTime(), "", "", 2),
        Ticker.systemTicker())) {
      assertThat(db.compactH2FileNow()).isNull();
    }
  }
}
