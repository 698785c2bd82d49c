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
 * on a crash) grows by a whole chunk per commit; the slices of compaction Warden schedules give that space back,
 * both to a file that grew while nothing compacted it and while comments keep arriving.
 */
class H2FileCompactionTest {
  private static final String TEXT = "A reader's comment on the strike, long enough to be realistic. ".repeat(40);

  @TempDir Path dir;

  @Test
  void slicesShrinkAFileGrownByOneCommitPerCommentAndKeepEveryRow() throws Exception {
    try (Database db = openWithTable()) {
      for (int i = 0; i < 2_000; i++) {
        insert(db, i);
      }
      long grown = Files.size(file());

      long compacted = compactUntilSteady(db);

      System.out.printf("H2 file after 2,000 single-row commits: %,d bytes; after compaction slices: %,d%n", grown,
          compacted);
      assertThat(compacted).isLessThan(grown / 2);
      assertThat(rows(db)).isEqualTo(2_000 + ":" + (2_000L * TEXT.length() + 6_890));
    }
  }

  @Test
  void slicesBetweenCommitsKeepTheFileNearItsLiveSize() throws Exception {
    try (Database db = openWithTable()) {
      long largest = 0;
      for (int i = 0; i < 3_000; i++) {
        insert(db, i);
        if (i % 25 == 24) { // 50 held comments a second, a slice every 500 ms
          largest = Math.max(largest, db.compactH2FileSliceNow());
        }
      }
      long live = compactUntilSteady(db);

      System.out.printf("H2 file written with a slice every 25 commits: at most %,d bytes; live %,d bytes%n",
          largest, live);
      assertThat(largest).isLessThan(4 * live);
      assertThat(rows(db)).isEqualTo(3_000 + ":" + (3_000L * TEXT.length() + 10_890));
    }
  }

  private Database openWithTable() {
    Database db = Database.open(new StoreConfig("jdbc:h2:file:" + dir.resolve("warden"), "", "", 2),
        Ticker.systemTicker());
    db.inTransaction("create", c -> {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE grow_test (id INT PRIMARY KEY, body VARCHAR(10000))");
      }
      return null;
    });
    return db;
  }

  private Path file() {
    return dir.resolve("warden.mv.db");
  }

  private static void insert(Database db, int id) {
    db.inTransaction("insert", c -> { // one commit each, as held comments arrive
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO grow_test VALUES (?, ?)")) {
        ps.setInt(1, id);
        ps.setString(2, TEXT + id);
        return ps.executeUpdate();
      }
    });
  }

  /** Runs slices until the file has not shrunk for 50 slices (at most 2,000); returns its size then. */
  private static long compactUntilSteady(Database db) throws Exception {
    long smallest = Long.MAX_VALUE;
    int sinceShrunk = 0;
    for (int i = 0; i < 2_000 && sinceShrunk < 50; i++) {
      long size = db.compactH2FileSliceNow();
      sinceShrunk = size < smallest ? 0 : sinceShrunk + 1;
      smallest = Math.min(smallest, size);
    }
    return smallest;
  }

  private static String rows(Database db) {
    return db.inTransaction("count", c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT COUNT(*), SUM(LENGTH(body)) FROM grow_test")) {
        rs.next();
        return rs.getLong(1) + ":" + rs.getLong(2);
      }
    });
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
      assertThat(db.compactH2FileSliceNow()).isNull();
    }
  }
}
