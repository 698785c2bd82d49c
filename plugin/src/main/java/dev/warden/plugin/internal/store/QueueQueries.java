package dev.warden.plugin.internal.store;

import dev.warden.plugin.store.CommentStatus;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.PosterHistory;
import dev.warden.plugin.store.QueuePage;
import dev.warden.plugin.store.QueueQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The queue's reads, in the caller's transaction: a filtered, sorted page with its total, and one poster's history.
 * The SQL is assembled only from the fixed fragments below, each comparing with a placeholder; every value a
 * moderator gives is bound. Stateless.
 */
final class QueueQueries {
  private static final String FROM = " FROM warden_comment WHERE status = ?";
  private static final String BY_SECTION = " AND article_id IN (SELECT id FROM warden_article WHERE section = ?)";
  private static final String BY_NARRATIVE =
      " AND id IN (SELECT comment_id FROM warden_comment_narrative WHERE narrative_id = ?)";
  private static final String NEWEST = " ORDER BY received_at DESC, id DESC";
  private static final String OLDEST = " ORDER BY received_at, id";
  private static final String BY_SCORE = " ORDER BY top_score DESC NULLS LAST, received_at DESC, id DESC";
  private static final String POSTER_COUNTS =
      "SELECT status, COUNT(*) FROM warden_comment WHERE poster_key = ? GROUP BY status";
  private static final String POSTER_RECENT = "SELECT " + CommentRows.COLUMNS
      + " FROM warden_comment WHERE poster_key = ? ORDER BY received_at DESC, id DESC LIMIT ?";
  private static final String PENDING_OF_POSTER = "SELECT id FROM warden_comment WHERE poster_key = ?"
      + " AND status = 'PENDING' ORDER BY received_at, id LIMIT ?";

  private QueueQueries() {}

  /** The page of comments matching {@code query} and how many match in all. */
  static QueuePage page(Connection c, QueueQuery query) throws SQLException {
    Filter filter = Filter.of(query);
    String sql = "SELECT " + CommentRows.COLUMNS + FROM + filter.sql() + order(query) + " LIMIT ? OFFSET ?";
    List<HeldComment> items;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int next = filter.bind(ps);
      ps.setInt(next, query.limit());
      ps.setInt(next + 1, query.offset());
      items = CommentRows.readAll(ps);
    }
    return new QueuePage(items, count(c, filter));
  }

  private static long count(Connection c, Filter filter) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + FROM + filter.sql())) {
      filter.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String order(QueueQuery query) {
    return switch (query.sort()) {
      case NEWEST -> NEWEST;
      case OLDEST -> OLDEST;
      case SCORE -> BY_SCORE;
    };
  }

  /** A poster's comments per status (every status present) and the latest {@code recent}. */
  static PosterHistory history(Connection c, String posterKey, int recent) throws SQLException {
    Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
    for (CommentStatus status : CommentStatus.values()) {
      counts.put(status, 0L);
    }
    try (PreparedStatement ps = c.prepareStatement(POSTER_COUNTS)) {
      ps.setString(1, posterKey);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.put(CommentStatus.valueOf(rs.getString(1)), rs.getLong(2));
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement(POSTER_RECENT)) {
      ps.setString(1, posterKey);
      ps.setInt(2, recent);
      return new PosterHistory(posterKey, counts, CommentRows.readAll(ps));
    }
  }

  /** The ids of a poster's pending comments, oldest first, at most {@code limit}. */
  static List<String> pendingIds(Connection c, String posterKey, int limit) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(PENDING_OF_POSTER)) {
      ps.setString(1, posterKey);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        List<String> ids = new ArrayList<>();
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
        return ids;
      }
    }
  }

  /** The filter part of the WHERE clause after the status, and its values in placeholder order. */
  private record Filter(String sql, List<String> values) {
    static Filter of(QueueQuery q) {
      StringBuilder sql = new StringBuilder();
      List<String> values = new ArrayList<>();
      values.add(q.status().name());
      add(sql, values, " AND reason = ?", q.reason());
      add(sql, values, " AND article_id = ?", q.articleId());
      add(sql, values, BY_SECTION, q.section());
      // Stored in lower case (QueueColumns.language).
      add(sql, values, " AND language = ?", q.language() == null ? null : q.language().toLowerCase(Locale.ROOT));
      add(sql, values, BY_NARRATIVE, q.narrative());
      add(sql, values, " AND poster_key = ?", q.posterKey());
      return new Filter(sql.toString(), values);
    }

    private static void add(StringBuilder sql, List<String> values, String fragment, String value) {
      if (value != null) {
        sql.append(fragment);
        values.add(value);
      }
    }

    /** Binds the status and the filter values from parameter 1; returns the next free index. */
    int bind(PreparedStatement ps) throws SQLException {
      for (int i = 0; i < values.size(); i++) {
        ps.setString(i + 1, values.get(i));
      }
      return values.size() + 1;
    }
  }
}
