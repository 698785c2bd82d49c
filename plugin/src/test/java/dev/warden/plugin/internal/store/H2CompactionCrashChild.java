package dev.warden.plugin.internal.store;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.plugin.StoreConfig;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * The process {@link H2CompactionCrashTest} kills: it commits one row at a time into an embedded H2 file and prints
 * {@code acked N} after each commit, while a second thread runs compaction slices back to back and prints
 * {@code slices N} now and then. Rows are numbered on from the highest already in the file. With a second argument
 * {@code bulk}, a third thread runs large transactions back to back and prints {@code bulks N} after each.
 */
final class H2CompactionCrashChild {
  static final String TEXT = "A held comment on the strike, long enough to fill pages. ".repeat(30);

  private H2CompactionCrashChild() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Database db = Database.open(new StoreConfig(args[0], "", "", 2), Ticker.systemTicker());
    db.inTransaction("create", c -> {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS crash_test (id INT PRIMARY KEY, body VARCHAR(10000))");
        s.execute("CREATE INDEX IF NOT EXISTS crash_test_body_idx ON crash_test (body)");
      }
      return null;
    });
    int first = db.inTransaction("max", c -> {
      try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM crash_test")) {
        rs.next();
        return rs.getInt(1) + 1;
      }
    });
    if (args.length > 1 && args[1].equals("bulk")) {
      Thread bulk = new Thread(() -> bulkForever(db, out), "crash-test-bulk");
      bulk.setDaemon(true);
      bulk.start();
    }
    Thread compaction = new Thread(() -> compactForever(db, out), "crash-test-compaction");
    compaction.setDaemon(true);
    compaction.start();
    for (int id = first; ; id++) {
      int row = id;
      db.inTransaction("insert", c -> {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO crash_test VALUES (?, ?)")) {
          ps.setInt(1, row);
          ps.setString(2, row + " " + TEXT);
          return ps.executeUpdate();
        }
      });
      out.println("acked " + row);
    }
  }

  private static void bulkForever(Database db, PrintStream out) {
    db.inTransaction("create bulk", c -> {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS bulk_test (id VARCHAR(36) PRIMARY KEY, body VARCHAR(10000))");
        s.execute("CREATE INDEX IF NOT EXISTS bulk_test_body_idx ON bulk_test (body)");
      }
      return null;
    });
    for (long n = 1; ; n++) {
      db.inTransaction("bulk", c -> {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bulk_test VALUES (?, ?)")) {
          for (int i = 0; i < 6000; i++) {
            String id = java.util.UUID.randomUUID().toString();
            ps.setString(1, id);
            ps.setString(2, id + " " + TEXT);
            ps.executeUpdate();
          }
        }
        try (Statement s = c.createStatement()) {
          s.execute("DELETE FROM bulk_test");
        }
        return null;
      });
      out.println("bulks " + n);
    }
  }

  private static void compactForever(Database db, PrintStream out) {
    try {
      for (long n = 1; ; n++) {
        db.compactH2FileSliceNow();
        if (n % 20 == 0) {
          out.println("slices " + n);
        }
      }
    } catch (Exception e) {
      out.println("compaction failed: " + e);
    }
  }
}
