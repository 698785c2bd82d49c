package dev.warden.plugin.internal.store;

import dev.warden.plugin.PolicySettings;
import dev.warden.plugin.policy.ScoreHistogram;
import dev.warden.plugin.policy.ScoreSample;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The score sample ({@code warden_score_sample}): batch inserts, histograms by policy or section, and pruning by
 * age and row count. Scores live in one column per label and abuse kind, so a histogram is a single GROUP BY in the
 * database rather than a scan in Java. Thread-safe.
 */
public final class JdbcScoreSamples {
  /**
   * The labels and kinds, each its own column of the same name. Column names cannot be bound as parameters: a
   * histogram's column is one of these, never text from a request, so every statement is still a prepared statement
   * over a fixed set of SQL shapes.
   */
  static final List<String> ORDER = List.of("abuse", "disinformation", "insult", "threat", "identity_attack",
      "profanity");
  private static final String INSERT = "INSERT INTO warden_score_sample (sampled_at, article_id, policy, section,"
      + " decision, " + String.join(", ", ORDER) + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String PRUNE_OLD = "DELETE FROM warden_score_sample WHERE sampled_at < ?";
  private static final String NTH_NEWEST = "SELECT id FROM warden_score_sample ORDER BY id DESC LIMIT 1 OFFSET ?";
  private static final String PRUNE_BELOW = "DELETE FROM warden_score_sample WHERE id <= ?";
  private static final String COUNT = "SELECT COUNT(*) FROM warden_score_sample";
  private static final int MAX_ARTICLE = 512;
  private static final int MAX_POLICY = 128;
  private static final int MAX_SECTION = 256;
  /**
   * Added before flooring so that a score exactly on a bin edge lands in the bin it starts, despite binary
   * fractions (0.29 * 100 is 28.999999999999996).
   */
  private static final double EDGE = 1e-9;

  private final Database db;

  JdbcScoreSamples(Database db) {
    this.db = db;
  }

  /** Inserts samples in one batch and one transaction. */
  public void insert(List<ScoreSample> samples) {
    if (samples.isEmpty()) {
      return;
    }
    db.inTransaction("insert score samples", c -> {
      try (PreparedStatement ps = c.prepareStatement(INSERT)) {
        for (ScoreSample s : samples) {
          bind(ps, s);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  private static void bind(PreparedStatement ps, ScoreSample s) throws SQLException {
    CommentRows.setInstant(ps, 1, s.at());
    ps.setString(2, AuditLog.truncate(s.articleId(), MAX_ARTICLE));
    ps.setString(3, AuditLog.truncate(s.policy(), MAX_POLICY));
    ps.setString(4, s.section() == null ? null : AuditLog.truncate(s.section(), MAX_SECTION));
    ps.setString(5, s.decision().name());
    for (int i = 0; i < ORDER.size(); i++) {
      Double score = s.scores().get(ORDER.get(i));
      if (score == null || !Double.isFinite(score)) {
        ps.setNull(6 + i, Types.DOUBLE);
      } else {
        ps.setDouble(6 + i, Math.max(0.0, Math.min(1.0, score)));
      }
    }
  }

  /**
   * The histogram of {@code label} since {@code since}: over a policy's samples, or over a section's for
   * {@code section:<name>}.
   *
   * @throws IllegalArgumentException for an unknown label or policy name
   */
  public ScoreHistogram histogram(String policy, String label, Instant since) {
    String column = label;
    if (!ORDER.contains(label)) {
      throw new IllegalArgumentException("unknown label or kind: " + label);
    }
    Objects.requireNonNull(since, "since");
    String filter;
    String value;
    if (PolicySettings.DEFAULT.equals(policy) || PolicySettings.CONFLICT.equals(policy)) {
      filter = "policy = ?";
      value = policy;
    } else if (policy != null && policy.startsWith(PolicySettings.SECTION_PREFIX)) {
      filter = "section = ?";
      value = policy.substring(PolicySettings.SECTION_PREFIX.length());
    } else {
      throw new IllegalArgumentException("unknown policy: " + policy);
    }
    String sql = "SELECT FLOOR(" + column + " * " + ScoreHistogram.BINS + " + " + EDGE + ") AS bin, COUNT(*),"
        + " MIN(sampled_at) FROM warden_score_sample WHERE " + filter + " AND sampled_at >= ? AND " + column
        + " IS NOT NULL GROUP BY FLOOR(" + column + " * " + ScoreHistogram.BINS + " + " + EDGE + ")";
    return db.inTransaction("score histogram", c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, value);
        CommentRows.setInstant(ps, 2, since);
        return readHistogram(ps);
      }
    });
  }

  private static ScoreHistogram readHistogram(PreparedStatement ps) throws SQLException {
    long[] counts = new long[ScoreHistogram.BINS];
    Instant earliest = null;
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        int bin = (int) Math.max(0, Math.min(ScoreHistogram.BINS - 1, rs.getDouble(1)));
        counts[bin] += rs.getLong(2);
        Instant first = rs.getObject(3, java.time.OffsetDateTime.class).toInstant();
        earliest = earliest == null || first.isBefore(earliest) ? first : earliest;
      }
    }
    return new ScoreHistogram(counts, earliest);
  }

  /**
   * Deletes samples taken before {@code before}, then the oldest beyond the newest {@code maxRows}. Returns how
   * many rows were deleted.
   */
  public long prune(Instant before, long maxRows) {
    return db.inTransaction("prune score samples", c -> {
      long deleted;
      try (PreparedStatement ps = c.prepareStatement(PRUNE_OLD)) {
        CommentRows.setInstant(ps, 1, before);
        deleted = ps.executeUpdate();
      }
      Long cutoff = nthNewestId(c, maxRows);
      if (cutoff != null) {
        try (PreparedStatement ps = c.prepareStatement(PRUNE_BELOW)) {
          ps.setLong(1, cutoff);
          deleted += ps.executeUpdate();
        }
      }
      return deleted;
    });
  }

  /** The id of the newest row past the first {@code keep}, or null if there are at most {@code keep} rows. */
  private static Long nthNewestId(Connection c, long keep) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(NTH_NEWEST)) {
      ps.setLong(1, keep);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  /** How many samples are stored. */
  public long count() {
    return db.inTransaction("count score samples", c -> {
      try (PreparedStatement ps = c.prepareStatement(COUNT); ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }
}
