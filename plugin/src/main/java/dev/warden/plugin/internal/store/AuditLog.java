package dev.warden.plugin.internal.store;

import dev.warden.plugin.store.CommentStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Writes and reads {@code warden_audit_event} rows, always in the caller's transaction. Stateless. */
final class AuditLog {
  /** The actor of the release outbox's own events. */
  static final String RELEASE_ACTOR = "warden-release";

  static final int MAX_DETAIL = 2000;

  private static final String INSERT = "INSERT INTO warden_audit_event"
      + " (at, actor, action, comment_id, before_status, after_status, detail) VALUES (?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT_FOR_COMMENT = "SELECT at, actor, action, comment_id, before_status,"
      + " after_status, detail FROM warden_audit_event WHERE comment_id = ? ORDER BY at, id";

  private AuditLog() {}

  static void append(Connection c, AuditEvent event) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      CommentRows.setInstant(ps, 1, event.at());
      ps.setString(2, event.actor());
      ps.setString(3, event.action());
      ps.setString(4, event.commentId());
      ps.setString(5, event.before() == null ? null : event.before().name());
      ps.setString(6, event.after() == null ? null : event.after().name());
      ps.setString(7, truncate(event.detail(), MAX_DETAIL));
      ps.executeUpdate();
    }
  }

  static List<AuditEvent> forComment(Connection c, String commentId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT_FOR_COMMENT)) {
      ps.setString(1, commentId);
      try (ResultSet rs = ps.executeQuery()) {
        List<AuditEvent> events = new ArrayList<>();
        while (rs.next()) {
          events.add(new AuditEvent(CommentRows.getInstant(rs, "at"), rs.getString("actor"),
              rs.getString("action"), rs.getString("comment_id"), status(rs.getString("before_status")),
              status(rs.getString("after_status")), rs.getString("detail")));
        }
        return events;
      }
    }
  }

  /** Cuts text to at most {@code max} characters, marking the cut, never splitting a surrogate pair. */
  static String truncate(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  private static CommentStatus status(String name) {
    return name == null ? null : CommentStatus.valueOf(name);
  }
}
