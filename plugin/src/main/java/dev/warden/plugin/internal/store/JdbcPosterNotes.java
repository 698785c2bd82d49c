package dev.warden.plugin.internal.store;

import dev.warden.plugin.store.AuditEvent;
import dev.warden.plugin.store.AuditTarget;
import dev.warden.plugin.store.PosterNote;
import dev.warden.plugin.store.PosterNotes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Moderators' notes on posters in Warden's database ({@code warden_poster_note}). Adding a note is audited in the
 * same transaction. Thread-safe; several web nodes may share the database.
 */
final class JdbcPosterNotes implements PosterNotes {
  static final int MAX_POSTER_KEY = 200;
  static final int MAX_AUTHOR = 100;
  static final int MAX_LIST = 1000;

  private static final String INSERT = "INSERT INTO warden_poster_note (poster_key, at, author, text)"
      + " VALUES (?, ?, ?, ?)";
  private static final String LIST = "SELECT id, poster_key, at, author, text FROM warden_poster_note"
      + " WHERE poster_key = ? ORDER BY at DESC, id DESC LIMIT ?";

  private final Database db;
  private final Clock clock;

  JdbcPosterNotes(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public PosterNote add(String posterKey, String author, String text) {
    require("posterKey", posterKey, MAX_POSTER_KEY);
    require("author", author, MAX_AUTHOR);
    require("text", text == null ? null : text.strip(), MAX_TEXT);
    String note = text.strip();
    Instant now = CommentRows.storable(clock.instant());
    return db.inTransaction("add note", c -> {
      long id = insert(c, posterKey, now, author, note);
      AuditLog.append(c, new AuditEvent(now, author, null, "note", AuditTarget.poster(posterKey), null, null,
          "note " + id + ": " + note));
      return new PosterNote(id, posterKey, now, author, note);
    });
  }

  private static long insert(Connection c, String posterKey, Instant at, String author, String text)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, posterKey);
      CommentRows.setInstant(ps, 2, at);
      ps.setString(3, author);
      ps.setString(4, text);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1); // the identity column (PostgreSQL returns every column, id first)
      }
    }
  }

  @Override
  public List<PosterNote> list(String posterKey, int limit) {
    require("posterKey", posterKey, MAX_POSTER_KEY);
    if (limit < 1 || limit > MAX_LIST) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIST + ": " + limit);
    }
    return db.inTransaction("list notes", c -> {
      try (PreparedStatement ps = c.prepareStatement(LIST)) {
        ps.setString(1, posterKey);
        ps.setInt(2, limit);
        try (ResultSet rs = ps.executeQuery()) {
          List<PosterNote> notes = new ArrayList<>();
          while (rs.next()) {
            notes.add(new PosterNote(rs.getLong("id"), rs.getString("poster_key"), CommentRows.getInstant(rs, "at"),
                rs.getString("author"), rs.getString("text")));
          }
          return List.copyOf(notes);
        }
      }
    });
  }

  private static void require(String name, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    if (value.length() > max) {
      throw new IllegalArgumentException(name + " must be at most " + max + " characters, got " + value.length());
    }
  }
}
