package dev.warden.plugin.internal.store;

import dev.warden.plugin.store.Actor;
import dev.warden.plugin.store.AuditEvent;
import dev.warden.plugin.store.AuditTarget;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.PosterData;
import dev.warden.plugin.store.PosterData.SuspensionRecord;
import dev.warden.plugin.store.PosterDataStore;
import dev.warden.plugin.store.PosterErasure;
import dev.warden.plugin.store.PosterNote;
import dev.warden.plugin.store.Suspension;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A poster's data in Warden's database, exported or erased in one transaction each. The erasure deletes from
 * {@code warden_comment} (the comments' narrative links go with them), {@code warden_poster_note} and {@code
 * warden_suspension}, and pseudonymises the poster's events in {@code warden_audit_event}; events about their
 * comments keep only comment ids, which no longer lead anywhere. Thread-safe; deletes are idempotent, so two nodes
 * erasing the same key at once is harmless.
 */
final class JdbcPosterData implements PosterDataStore {
  /** The action of the erasure's own audit event. */
  static final String ERASE_ACTION = "erase_poster";

  private static final String COMMENTS = "SELECT " + CommentRows.COLUMNS + " FROM warden_comment"
      + " WHERE poster_key = ? ORDER BY received_at, id";
  private static final String NOTES = "SELECT id, poster_key, at, author, text FROM warden_poster_note"
      + " WHERE poster_key = ? ORDER BY at, id";
  private static final String SUSPENSIONS = "SELECT poster_key, since, until, reason, suspended_by, lifted_at,"
      + " lifted_by FROM warden_suspension WHERE poster_key = ?";
  private static final String DELETE_COMMENTS = "DELETE FROM warden_comment WHERE poster_key = ?";
  private static final String DELETE_NOTES = "DELETE FROM warden_poster_note WHERE poster_key = ?";
  private static final String DELETE_SUSPENSIONS = "DELETE FROM warden_suspension WHERE poster_key = ?";

  private final Database db;
  private final Clock clock;

  JdbcPosterData(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public PosterData export(String posterKey) {
    requireKey(posterKey);
    Instant now = clock.instant();
    return db.inTransaction("export poster data", c -> {
      List<HeldComment> comments;
      try (PreparedStatement ps = c.prepareStatement(COMMENTS)) {
        ps.setString(1, posterKey);
        comments = CommentRows.readAll(ps);
      }
      return new PosterData(posterKey, now, comments, notes(c, posterKey), suspensions(c, posterKey),
          AuditLog.aboutPoster(c, posterKey));
    });
  }

  @Override
  public PosterErasure erase(String posterKey, Actor actor) {
    requireKey(posterKey);
    Objects.requireNonNull(actor, "actor");
    String pseudonym = pseudonym(posterKey);
    Instant now = clock.instant();
    return db.inTransaction("erase poster data", c -> {
      PosterErasure erasure = new PosterErasure(pseudonym, delete(c, DELETE_COMMENTS, posterKey),
          delete(c, DELETE_NOTES, posterKey), delete(c, DELETE_SUSPENSIONS, posterKey),
          AuditLog.pseudonymisePoster(c, posterKey, pseudonym));
      // Audited under the pseudonym: the point of the request is that the key is forgotten.
      AuditLog.append(c, new AuditEvent(now, actor.name(), actor.address(), ERASE_ACTION,
          AuditTarget.poster(pseudonym), null, null, "comments " + erasure.comments() + ", notes " + erasure.notes()
              + ", suspensions " + erasure.suspensions() + ", audit events pseudonymised " + erasure.auditEvents()));
      return erasure;
    });
  }

  /** {@code sha256:} and the first 16 hex digits of the SHA-256 of the UTF-8 key. */
  static String pseudonym(String posterKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(posterKey.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static int delete(Connection c, String sql, String posterKey) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, posterKey);
      return ps.executeUpdate();
    }
  }

  private static List<PosterNote> notes(Connection c, String posterKey) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(NOTES)) {
      ps.setString(1, posterKey);
      try (ResultSet rs = ps.executeQuery()) {
        List<PosterNote> notes = new ArrayList<>();
        while (rs.next()) {
          notes.add(new PosterNote(rs.getLong("id"), rs.getString("poster_key"), CommentRows.getInstant(rs, "at"),
              rs.getString("author"), rs.getString("text")));
        }
        return notes;
      }
    }
  }

  private static List<SuspensionRecord> suspensions(Connection c, String posterKey) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SUSPENSIONS)) {
      ps.setString(1, posterKey);
      try (ResultSet rs = ps.executeQuery()) {
        List<SuspensionRecord> suspensions = new ArrayList<>();
        while (rs.next()) {
          Suspension suspension = new Suspension(rs.getString("poster_key"), CommentRows.getInstant(rs, "since"),
              CommentRows.getInstant(rs, "until"), rs.getString("reason"), rs.getString("suspended_by"));
          suspensions.add(new SuspensionRecord(suspension, CommentRows.getInstant(rs, "lifted_at"),
              rs.getString("lifted_by")));
        }
        return suspensions;
      }
    }
  }

  private static void requireKey(String posterKey) {
    if (posterKey == null || posterKey.isBlank()) {
      throw new IllegalArgumentException("posterKey must not be blank");
    }
    if (posterKey.length() > MAX_POSTER_KEY) {
      throw new IllegalArgumentException("posterKey must be at most " + MAX_POSTER_KEY + " characters, got "
          + posterKey.length());
    }
  }
}
