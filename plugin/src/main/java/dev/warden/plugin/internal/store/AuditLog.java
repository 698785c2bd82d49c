package dev.warden.plugin.internal.store;

import dev.warden.plugin.store.AuditEvent;
import dev.warden.plugin.store.AuditQuery;
import dev.warden.plugin.store.AuditTarget;
import dev.warden.plugin.store.AuditTrail;
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
  /** The actor of changes made through store calls that name nobody. */
  static final String UNKNOWN_ACTOR = "unknown";

  static final int MAX_DETAIL = AuditTrail.MAX_DETAIL;

  private static final String COLUMNS = "at, actor, source_address, action, target_type, target, before_status,"
      + " after_status, detail";
  private static final String INSERT = "INSERT INTO warden_audit_event (" + COLUMNS + ", comment_id)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT_FOR_COMMENT = "SELECT " + COLUMNS
      + " FROM warden_audit_event WHERE comment_id = ? ORDER BY at, id";

  private static final String SELECT_ABOUT_POSTER = "SELECT " + COLUMNS + " FROM warden_audit_event"
      + " WHERE (target_type = 'poster' AND target = ?)"
      + " OR comment_id IN (SELECT id FROM warden_comment WHERE poster_key = ?) ORDER BY at, id";
  private static final String PSEUDONYMISE_POSTER = "UPDATE warden_audit_event SET target = ?, detail = NULL"
      + " WHERE target_type = 'poster' AND target = ?";

  private AuditLog() {}

  static void append(Connection c, AuditEvent event) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      CommentRows.setInstant(ps, 1, event.at());
      ps.setString(2, event.actor());
      ps.setString(3, event.address());
      ps.setString(4, event.action());
      AuditTarget target = event.target();
      ps.setString(5, target == null ? null : target.kind().wireName());
      ps.setString(6, target == null ? null : target.id());
      ps.setString(7, event.before() == null ? null : event.before().name());
      ps.setString(8, event.after() == null ? null : event.after().name());
      ps.setString(9, truncate(event.detail(), MAX_DETAIL));
      // Kept beside target for the per-comment index of V1.
      ps.setString(10, event.commentId());
      ps.executeUpdate();
    }
  }

  static List<AuditEvent> forComment(Connection c, String commentId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT_FOR_COMMENT)) {
      ps.setString(1, commentId);
      return readAll(ps);
    }
  }

  /** The events about a poster key or any of its stored comments, oldest first. */
  static List<AuditEvent> aboutPoster(Connection c, String posterKey) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT_ABOUT_POSTER)) {
      ps.setString(1, posterKey);
      ps.setString(2, posterKey);
      return readAll(ps);
    }
  }

  /**
   * Replaces a poster key by its pseudonym in the events about it and clears their free text (a note's text, a
   * suspension's reason), which is about the poster. Who did what, and when, stays. Returns how many changed.
   */
  static int pseudonymisePoster(Connection c, String posterKey, String pseudonym) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(PSEUDONYMISE_POSTER)) {
      ps.setString(1, pseudonym);
      ps.setString(2, posterKey);
      return ps.executeUpdate();
    }
  }

  /** One page of the events matching {@code query}, newest first. */
  static List<AuditEvent> page(Connection c, AuditQuery query) throws SQLException {
    Filter filter = Filter.of(query);
    String sql = "SELECT " + COLUMNS + " FROM warden_audit_event" + filter.where()
        + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int next = filter.bind(ps);
      ps.setInt(next, query.limit());
      ps.setInt(next + 1, query.offset());
      return readAll(ps);
    }
  }

  /** How many events match {@code query}, ignoring its page. */
  static long count(Connection c, AuditQuery query) throws SQLException {
    Filter filter = Filter.of(query);
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM warden_audit_event" + filter.where())) {
      filter.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * The WHERE clause of a query and its values. The SQL is built only from the fixed column names below, each
   * compared with a placeholder; the values are always bound.
   */
  private record Filter(List<String> columns, List<String> values) {
    static Filter of(AuditQuery query) {
      List<String> columns = new ArrayList<>();
      List<String> values = new ArrayList<>();
      add(columns, values, "actor", query.actor());
      add(columns, values, "action", query.action());
      add(columns, values, "target", query.target());
      return new Filter(columns, values);
    }

    private static void add(List<String> columns, List<String> values, String column, String value) {
      if (value != null) {
        columns.add(column + " = ?");
        values.add(value);
      }
    }

    String where() {
      return columns.isEmpty() ? "" : " WHERE " + String.join(" AND ", columns);
    }

    /** Binds the values from parameter 1; returns the next free parameter index. */
    int bind(PreparedStatement ps) throws SQLException {
      for (int i = 0; i < values.size(); i++) {
        ps.setString(i + 1, values.get(i));
      }
      return values.size() + 1;
    }
  }

  private static List<AuditEvent> readAll(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      List<AuditEvent> events = new ArrayList<>();
      while (rs.next()) {
        events.add(new AuditEvent(CommentRows.getInstant(rs, "at"), rs.getString("actor"),
            rs.getString("source_address"), rs.getString("action"),
            target(rs.getString("target_type"), rs.getString("target")), status(rs.getString("before_status")),
            status(rs.getString("after_status")), rs.getString("detail")));
      }
      return events;
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

  private static AuditTarget target(String kind, String id) {
    return kind == null || id == null || id.isEmpty() ? null : new AuditTarget(AuditTarget.Kind.fromWireName(kind), id);
  }

  private static CommentStatus status(String name) {
    return name == null ? null : CommentStatus.valueOf(name);
  }
}
