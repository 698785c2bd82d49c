package dev.warden.plugin.internal.store;

import dev.warden.plugin.store.Article;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/** Reads and upserts {@code warden_article} rows in the caller's transaction. Stateless. */
final class ArticleTable {
  private static final String UPDATE = "UPDATE warden_article SET title = ?, section = ?, tags = ?, conflict = ?,"
      + " updated_at = ? WHERE id = ?";
  private static final String INSERT = "INSERT INTO warden_article (title, section, tags, conflict, updated_at, id)"
      + " VALUES (?, ?, ?, ?, ?, ?)";
  private static final String SELECT = "SELECT id, title, section, tags, conflict FROM warden_article WHERE id = ?";

  private ArticleTable() {}

  /**
   * Replaces the article, or inserts it if absent. Update-then-insert rather than MERGE/ON CONFLICT, whose syntax
   * differs between H2 and PostgreSQL; a concurrent first insert of the same id fails on the primary key and the
   * caller's transaction is rolled back (the CMS retries).
   */
  static void put(Connection c, Article article, Instant now) throws SQLException {
    if (write(c, UPDATE, article, now) == 0) {
      write(c, INSERT, article, now);
    }
  }

  private static int write(Connection c, String sql, Article article, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, article.title());
      ps.setString(2, article.section());
      ps.setString(3, JsonCodec.write(article.tags()));
      if (article.conflict() == null) {
        ps.setNull(4, Types.BOOLEAN);
      } else {
        ps.setBoolean(4, article.conflict());
      }
      CommentRows.setInstant(ps, 5, now);
      ps.setString(6, article.id());
      return ps.executeUpdate();
    }
  }

  static Optional<Article> find(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT)) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        boolean flag = rs.getBoolean("conflict");
        Boolean conflict = rs.wasNull() ? null : flag;
        return Optional.of(new Article(rs.getString("id"), rs.getString("title"), rs.getString("section"),
            JsonCodec.strings(rs.getString("tags")), conflict));
      }
    }
  }
}
