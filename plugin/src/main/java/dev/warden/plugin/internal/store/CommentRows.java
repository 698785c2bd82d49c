package dev.warden.plugin.internal.store;

import dev.warden.plugin.store.CommentStatus;
import dev.warden.plugin.store.CommentStatusView;
import dev.warden.plugin.store.Decision;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.NewComment;
import dev.warden.plugin.store.Submission;
import dev.warden.plugin.store.Withdrawal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Maps {@code warden_comment} rows to and from {@link HeldComment}. Stateless. */
final class CommentRows {
  static final String COLUMNS = "id, article_id, poster_key, author, text, method, path, content_type, raw_body,"
      + " scores, explanation, decision, reason, status, received_at, decided_at, decided_by, reject_reason,"
      + " delivery_attempts, last_error, version, group_key, withdraw_requested_at, withdraw_requested_by";

  private static final String INSERT = "INSERT INTO warden_comment (id, article_id, poster_key, author, text,"
      + " method, path, content_type, raw_body, scores, explanation, decision, reason, status, received_at,"
      + " group_key, top_score, language, status_token_hash)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT_BY_TOKEN = "SELECT status, reason, reject_reason, received_at, decided_at"
      + " FROM warden_comment WHERE status_token_hash = ?";
  private static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM warden_comment WHERE id = ?";

  private CommentRows() {}

  /**
   * Inserts a new comment with the given id and initial status, with its queue columns.
   *
   * @param statusTokenHash the hash of its status-link token, or null for none
   */
  static void insert(Connection c, String id, NewComment comment, CommentStatus status, Instant receivedAt,
      String statusTokenHash) throws SQLException {
    Submission submission = comment.submission();
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setString(1, id);
      ps.setString(2, comment.articleId());
      ps.setString(3, comment.posterKey());
      ps.setString(4, comment.author());
      ps.setString(5, comment.text());
      ps.setString(6, submission.method());
      ps.setString(7, submission.path());
      ps.setString(8, submission.contentType());
      ps.setBytes(9, submission.body());
      ps.setString(10, JsonCodec.write(comment.scores()));
      ps.setString(11, JsonCodec.write(comment.explanation()));
      ps.setString(12, comment.decision().name());
      ps.setString(13, comment.reason());
      ps.setString(14, status.name());
      setInstant(ps, 15, receivedAt);
      ps.setString(16, comment.group());
      QueueColumns.setTopScore(ps, 17, QueueColumns.topScore(comment.scores()));
      ps.setString(18, QueueColumns.language(comment.explanation()));
      ps.setString(19, statusTokenHash);
      ps.executeUpdate();
    }
    QueueColumns.insertNarratives(c, id, QueueColumns.narrativeIds(comment.explanation()));
  }

  /** The comment as {@link #find} reads it back right after {@link #insert} with these values. */
  static HeldComment inserted(String id, NewComment comment, CommentStatus status) {
    return new HeldComment(id, comment.articleId(), comment.posterKey(), comment.author(), comment.text(),
        comment.submission(), JsonCodec.scores(JsonCodec.write(comment.scores())),
        JsonCodec.object(JsonCodec.write(comment.explanation())), comment.decision(), comment.reason(), status,
        storable(comment.receivedAt()), null, null, null, 0, null, 0, comment.group(), null);
  }

  /** The comment with this id, read in the caller's transaction. */
  static Optional<HeldComment> find(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT_BY_ID)) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /** The status view of the comment whose status-link token has this hash, read in the caller's transaction. */
  static Optional<CommentStatusView> findStatus(Connection c, String statusTokenHash) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT_BY_TOKEN)) {
      ps.setString(1, statusTokenHash);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(CommentStatusView.of(CommentStatus.valueOf(rs.getString("status")),
            rs.getString("reason"), rs.getString("reject_reason"), getInstant(rs, "received_at"),
            getInstant(rs, "decided_at")));
      }
    }
  }

  /** Reads the current row of a result set selected with {@link #COLUMNS}. */
  static HeldComment read(ResultSet rs) throws SQLException {
    Submission submission = new Submission(rs.getString("method"), rs.getString("path"),
        rs.getString("content_type"), rs.getBytes("raw_body"));
    return new HeldComment(
        rs.getString("id"),
        rs.getString("article_id"),
        rs.getString("poster_key"),
        rs.getString("author"),
        rs.getString("text"),
        submission,
        JsonCodec.scores(rs.getString("scores")),
        JsonCodec.object(rs.getString("explanation")),
        Decision.valueOf(rs.getString("decision")),
        rs.getString("reason"),
        CommentStatus.valueOf(rs.getString("status")),
        getInstant(rs, "received_at"),
        getInstant(rs, "decided_at"),
        rs.getString("decided_by"),
        rs.getString("reject_reason"),
        rs.getInt("delivery_attempts"),
        rs.getString("last_error"),
        rs.getLong("version"),
        rs.getString("group_key"),
        withdrawal(rs));
  }

  private static Withdrawal withdrawal(ResultSet rs) throws SQLException {
    Instant at = getInstant(rs, "withdraw_requested_at");
    return at == null ? null : new Withdrawal(at, rs.getString("withdraw_requested_by"));
  }

  /** Runs a query selected with {@link #COLUMNS} and reads every row, in order. */
  static List<HeldComment> readAll(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      List<HeldComment> comments = new ArrayList<>();
      while (rs.next()) {
        comments.add(read(rs));
      }
      return comments;
    }
  }

  /**
   * Instants are stored to the microsecond, the precision PostgreSQL keeps, so that what {@code save} returns
   * equals what {@code find} reads back on every database.
   */
  static Instant storable(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
    if (instant == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(index, OffsetDateTime.ofInstant(storable(instant), ZoneOffset.UTC));
    }
  }

  static Instant getInstant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
