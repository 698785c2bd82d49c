package dev.warden.plugin.internal.store;

import dev.warden.plugin.store.SavedView;
import dev.warden.plugin.store.SavedViews;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Saved queue views in Warden's database ({@code warden_saved_view}). Saving replaces a view of the same name in
 * one transaction. Thread-safe; several web nodes may share the database.
 */
final class JdbcSavedViews implements SavedViews {
  static final int MAX_USER = 100;

  private static final String LIST = "SELECT user_name, name, query, created_at FROM warden_saved_view"
      + " WHERE user_name = ? ORDER BY name";
  private static final String FIND = LIST.replace("ORDER BY name", "AND name = ?");
  private static final String COUNT = "SELECT COUNT(*) FROM warden_saved_view WHERE user_name = ?";
  private static final String DELETE = "DELETE FROM warden_saved_view WHERE user_name = ? AND name = ?";
  private static final String INSERT = "INSERT INTO warden_saved_view (user_name, name, query, created_at)"
      + " VALUES (?, ?, ?, ?)";

  private final Database db;
  private final Clock clock;

  JdbcSavedViews(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public List<SavedView> list(String user) {
    text("user", user, MAX_USER, false);
    return db.inTransaction("list saved views", c -> {
      try (PreparedStatement ps = c.prepareStatement(LIST)) {
        ps.setString(1, user);
        return read(ps);
      }
    });
  }

  @Override
  public SavedView save(String user, String name, String query) {
    text("user", user, MAX_USER, false);
    text("name", name, MAX_NAME, false);
    text("query", query, MAX_QUERY, true);
    SavedView view = new SavedView(user, name, query, CommentRows.storable(clock.instant()));
    return db.inTransaction("save view", c -> {
      boolean replaced = delete(c, user, name) > 0;
      if (!replaced && count(c, user) >= MAX_PER_USER) {
        throw new IllegalArgumentException("a user may keep at most " + MAX_PER_USER + " saved views");
      }
      try (PreparedStatement ps = c.prepareStatement(INSERT)) {
        ps.setString(1, user);
        ps.setString(2, name);
        ps.setString(3, query);
        CommentRows.setInstant(ps, 4, view.createdAt());
        ps.executeUpdate();
      }
      return view;
    });
  }

  @Override
  public Optional<SavedView> delete(String user, String name) {
    text("user", user, MAX_USER, false);
    text("name", name, MAX_NAME, false);
    return db.inTransaction("delete view", c -> {
      List<SavedView> found;
      try (PreparedStatement ps = c.prepareStatement(FIND)) {
        ps.setString(1, user);
        ps.setString(2, name);
        found = read(ps);
      }
      delete(c, user, name);
      return found.stream().findFirst();
    });
  }

  private static int delete(Connection c, String user, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(DELETE)) {
      ps.setString(1, user);
      ps.setString(2, name);
      return ps.executeUpdate();
    }
  }

  private static long count(Connection c, String user) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(COUNT)) {
      ps.setString(1, user);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static List<SavedView> read(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      List<SavedView> views = new ArrayList<>();
      while (rs.next()) {
        Instant created = CommentRows.getInstant(rs, "created_at");
        views.add(new SavedView(rs.getString("user_name"), rs.getString("name"), rs.getString("query"), created));
      }
      return List.copyOf(views);
    }
  }

  private static void text(String what, String value, int max, boolean mayBeEmpty) {
    if (value == null || (!mayBeEmpty && value.isBlank())) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    if (value.length() > max) {
      throw new IllegalArgumentException(what + " must be at most " + max + " characters, got " + value.length());
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(what + " must not contain control characters");
    }
  }
}
