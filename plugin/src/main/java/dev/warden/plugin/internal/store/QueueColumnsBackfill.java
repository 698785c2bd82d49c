package dev.warden.plugin.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 5.1: fills the queue columns of V5 ({@code top_score}, {@code language}, the matched narratives) for
 * comments saved before V5, from their JSON. JSON functions differ between H2 and PostgreSQL, so this reads the
 * rows in Java, in pages by id, with the same code the store uses at save. Registered with Flyway explicitly by
 * {@link Database}; runs once, in Flyway's transaction.
 */
final class QueueColumnsBackfill implements JavaMigration {
  private static final int PAGE = 500;
  private static final String SELECT = "SELECT id, scores, explanation FROM warden_comment WHERE id > ?"
      + " ORDER BY id LIMIT ?";
  private static final String UPDATE = "UPDATE warden_comment SET top_score = ?, language = ? WHERE id = ?";

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("5.1");
  }

  @Override
  public String getDescription() {
    return "queue columns backfill";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    String after = "";
    List<Row> page;
    do {
      page = page(c, after);
      for (Row row : page) {
        fill(c, row);
        after = row.id();
      }
    } while (page.size() == PAGE);
  }

  private static List<Row> page(Connection c, String after) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT)) {
      ps.setString(1, after);
      ps.setInt(2, PAGE);
      try (ResultSet rs = ps.executeQuery()) {
        List<Row> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(new Row(rs.getString("id"), rs.getString("scores"), rs.getString("explanation")));
        }
        return rows;
      }
    }
  }

  private static void fill(Connection c, Row row) throws SQLException {
    var explanation = JsonCodec.object(row.explanation());
    try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
      QueueColumns.setTopScore(ps, 1, QueueColumns.topScore(JsonCodec.scores(row.scores())));
      ps.setString(2, QueueColumns.language(explanation));
      ps.setString(3, row.id());
      ps.executeUpdate();
    }
    QueueColumns.insertNarratives(c, row.id(), QueueColumns.narrativeIds(explanation));
  }

  private record Row(String id, String scores, String explanation) {}
}
