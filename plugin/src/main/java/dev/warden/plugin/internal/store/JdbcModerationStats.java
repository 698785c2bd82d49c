package dev.warden.plugin.internal.store;

import dev.warden.plugin.store.ModerationStats;
import dev.warden.plugin.store.StatsReport;
import dev.warden.plugin.store.StatsReport.DayDecisions;
import dev.warden.plugin.store.StatsReport.ReasonRates;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The stats page's aggregates, each one GROUP BY over {@code warden_comment} or {@code warden_score_sample}, run in
 * one transaction. Days are UTC days on both databases ({@code AT TIME ZONE 'UTC'} before the cast, so the session
 * time zone does not matter). Thread-safe.
 */
final class JdbcModerationStats implements ModerationStats {
  private static final String APPROVED = "'APPROVED', 'DELIVERED', 'DELIVERY_FAILED'";
  private static final String UTC_DAY = "CAST(decided_at AT TIME ZONE 'UTC' AS DATE)";
  private static final String DECISIONS = "SELECT decided_by, " + UTC_DAY + " AS decided_day,"
      + " SUM(CASE WHEN status IN (" + APPROVED + ") THEN 1 ELSE 0 END) AS approved,"
      + " SUM(CASE WHEN status = 'REJECTED' THEN 1 ELSE 0 END) AS rejected"
      + " FROM warden_comment WHERE decided_by IS NOT NULL AND decided_at >= ?"
      + " GROUP BY decided_by, " + UTC_DAY + " ORDER BY decided_day, decided_by";
  private static final String HELD = "SELECT reason, COUNT(*) FROM warden_comment"
      + " WHERE decision = 'HOLD' AND received_at >= ? GROUP BY reason";
  private static final String VERDICTS = "SELECT reason, COUNT(*),"
      + " SUM(CASE WHEN status IN (" + APPROVED + ") THEN 1 ELSE 0 END) FROM warden_comment"
      + " WHERE decision = 'HOLD' AND decided_by IS NOT NULL AND decided_at >= ?"
      + " AND status IN (" + APPROVED + ", 'REJECTED') GROUP BY reason";
  private static final String CLASSIFIED = "SELECT COUNT(*) FROM warden_score_sample WHERE sampled_at >= ?";

  private final Database db;

  JdbcModerationStats(Database db) {
    this.db = db;
  }

  @Override
  public StatsReport since(Instant since) {
    Objects.requireNonNull(since, "since");
    return db.inTransaction("moderation stats", c -> {
      List<DayDecisions> decisions = decisions(c, since);
      Map<String, long[]> reasons = new TreeMap<>();
      try (PreparedStatement ps = c.prepareStatement(HELD)) {
        CommentRows.setInstant(ps, 1, since);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            reasons.computeIfAbsent(rs.getString(1), r -> new long[3])[0] = rs.getLong(2);
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement(VERDICTS)) {
        CommentRows.setInstant(ps, 1, since);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long[] counts = reasons.computeIfAbsent(rs.getString(1), r -> new long[3]);
            counts[1] = rs.getLong(2);
            counts[2] = rs.getLong(3);
          }
        }
      }
      List<ReasonRates> rates = new ArrayList<>();
      reasons.forEach((reason, n) -> rates.add(new ReasonRates(reason, n[0], n[1], n[2])));
      return new StatsReport(since, decisions, rates, classified(c, since));
    });
  }

  private static List<DayDecisions> decisions(Connection c, Instant since) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(DECISIONS)) {
      CommentRows.setInstant(ps, 1, since);
      try (ResultSet rs = ps.executeQuery()) {
        List<DayDecisions> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(new DayDecisions(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3),
              rs.getLong(4)));
        }
        return rows;
      }
    }
  }

  private static long classified(Connection c, Instant since) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(CLASSIFIED)) {
      CommentRows.setInstant(ps, 1, since);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
