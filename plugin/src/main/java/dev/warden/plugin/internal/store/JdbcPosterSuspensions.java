package dev.warden.plugin.internal.store;

import dev.warden.plugin.store.Actor;
import dev.warden.plugin.store.AuditEvent;
import dev.warden.plugin.store.AuditTarget;
import dev.warden.plugin.store.PosterSuspensions;
import dev.warden.plugin.store.StoreException;
import dev.warden.plugin.store.Suspension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Poster suspensions in Warden's database ({@code warden_suspension}, one row per poster key). Each call commits;
 * suspending and lifting are written to the audit trail in the same transaction. A suspension is in force while
 * {@code now < until} and it has not been lifted. Thread-safe; several web nodes may share the database.
 *
 * <p>Bad input (blank key or moderator, an end not after now, an over-long reason) is an {@link
 * IllegalArgumentException} whose message says which argument was wrong.
 */
final class JdbcPosterSuspensions implements PosterSuspensions {
  static final int MAX_POSTER_KEY = 200;
  static final int MAX_REASON = 500;
  static final int MAX_MODERATOR = 100;

  /** SQLState of a unique-key violation, the same on H2 and PostgreSQL. */
  private static final String DUPLICATE_KEY = "23505";
  private static final String COLUMNS = "poster_key, since, until, reason, suspended_by";
  private static final String IN_FORCE = "until > ? AND lifted_at IS NULL";
  private static final String REPLACE = "UPDATE warden_suspension SET since = ?, until = ?, reason = ?,"
      + " suspended_by = ?, lifted_at = NULL, lifted_by = NULL WHERE poster_key = ?";
  private static final String INSERT = "INSERT INTO warden_suspension (since, until, reason, suspended_by,"
      + " poster_key) VALUES (?, ?, ?, ?, ?)";
  private static final String LIFT = "UPDATE warden_suspension SET until = ?, lifted_at = ?, lifted_by = ?"
      + " WHERE poster_key = ? AND " + IN_FORCE;
  private static final String FIND = "SELECT " + COLUMNS + " FROM warden_suspension WHERE poster_key = ? AND "
      + IN_FORCE;
  private static final String ACTIVE = "SELECT " + COLUMNS + " FROM warden_suspension WHERE " + IN_FORCE
      + " ORDER BY until, poster_key LIMIT ?";

  private final Database db;
  private final Clock clock;

  JdbcPosterSuspensions(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public Suspension suspend(String posterKey, Instant until, String reason, String suspendedBy) {
    requireModerator("suspendedBy", suspendedBy);
    return suspend(posterKey, until, reason, Actor.named(suspendedBy));
  }

  @Override
  public Suspension suspend(String posterKey, Instant until, String reason, Actor suspendedBy) {
    Objects.requireNonNull(suspendedBy, "suspendedBy");
    Instant now = CommentRows.storable(clock.instant());
    Suspension suspension = validated(posterKey, until, reason, suspendedBy.name(), now);
    String address = suspendedBy.address();
    try {
      return db.inTransaction("suspend", c -> upsert(c, suspension, address));
    } catch (StoreException e) {
      if (!isDuplicateKey(e)) {
        throw e;
      }
      // Another node inserted this key's first row between our update and our insert. The row exists now and
      // rows are never deleted, so the retry's update replaces it: the later suspension wins, as it would have.
      return db.inTransaction("suspend", c -> upsert(c, suspension, address));
    }
  }

  /**
   * Replaces the key's row, or inserts it if absent. Update-then-insert rather than MERGE or ON CONFLICT: the
   * syntax differs between H2 and PostgreSQL, and PostgreSQL's MERGE is not safe against a concurrent insert.
   */
  private static Suspension upsert(Connection c, Suspension s, String address) throws SQLException {
    if (write(c, REPLACE, s) == 0) {
      write(c, INSERT, s);
    }
    String detail = "until " + s.until() + (s.reason().isEmpty() ? "" : ": " + s.reason());
    AuditLog.append(c, new AuditEvent(s.since(), s.suspendedBy(), address, "suspend",
        AuditTarget.poster(s.posterKey()), null, null, detail));
    return s;
  }

  private static int write(Connection c, String sql, Suspension s) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      CommentRows.setInstant(ps, 1, s.since());
      CommentRows.setInstant(ps, 2, s.until());
      ps.setString(3, s.reason());
      ps.setString(4, s.suspendedBy());
      ps.setString(5, s.posterKey());
      return ps.executeUpdate();
    }
  }

  private static boolean isDuplicateKey(StoreException e) {
    return e.getCause() instanceof SQLException sql && DUPLICATE_KEY.equals(sql.getSQLState());
  }

  @Override
  public boolean lift(String posterKey, String liftedBy) {
    requireModerator("liftedBy", liftedBy);
    return lift(posterKey, Actor.named(liftedBy));
  }

  @Override
  public boolean lift(String posterKey, Actor liftedBy) {
    requireKey(posterKey);
    Objects.requireNonNull(liftedBy, "liftedBy");
    requireModerator("liftedBy", liftedBy.name());
    if (posterKey.length() > MAX_POSTER_KEY) {
      return false; // no such key can have been suspended
    }
    Instant now = clock.instant();
    return db.inTransaction("lift suspension", c -> {
      try (PreparedStatement ps = c.prepareStatement(LIFT)) {
        CommentRows.setInstant(ps, 1, now);
        CommentRows.setInstant(ps, 2, now);
        ps.setString(3, liftedBy.name());
        ps.setString(4, posterKey);
        CommentRows.setInstant(ps, 5, now);
        if (ps.executeUpdate() == 0) {
          return false;
        }
      }
      AuditLog.append(c, new AuditEvent(now, liftedBy.name(), liftedBy.address(), "lift",
          AuditTarget.poster(posterKey), null, null, null));
      return true;
    });
  }

  @Override
  public Optional<Suspension> find(String posterKey, Instant now) {
    requireKey(posterKey);
    Objects.requireNonNull(now, "now");
    if (posterKey.length() > MAX_POSTER_KEY) {
      // The filter asks for every poster; a key too long to suspend is simply not suspended.
      return Optional.empty();
    }
    return db.inTransaction("find suspension", c -> {
      try (PreparedStatement ps = c.prepareStatement(FIND)) {
        ps.setString(1, posterKey);
        CommentRows.setInstant(ps, 2, now);
        List<Suspension> found = readAll(ps);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
      }
    });
  }

  @Override
  public List<Suspension> active(Instant now, int limit) {
    Objects.requireNonNull(now, "now");
    if (limit < 1 || limit > PosterSuspensions.MAX_ACTIVE) {
      throw new IllegalArgumentException("limit must be between 1 and " + PosterSuspensions.MAX_ACTIVE + ": " + limit);
    }
    return db.inTransaction("active suspensions", c -> {
      try (PreparedStatement ps = c.prepareStatement(ACTIVE)) {
        CommentRows.setInstant(ps, 1, now);
        ps.setInt(2, limit);
        return List.copyOf(readAll(ps));
      }
    });
  }

  private static List<Suspension> readAll(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      List<Suspension> suspensions = new ArrayList<>();
      while (rs.next()) {
        suspensions.add(new Suspension(rs.getString("poster_key"), CommentRows.getInstant(rs, "since"),
            CommentRows.getInstant(rs, "until"), rs.getString("reason"), rs.getString("suspended_by")));
      }
      return suspensions;
    }
  }

  /** The suspension to store, with instants at the stored precision; rejects bad arguments by name. */
  private static Suspension validated(String posterKey, Instant until, String reason, String suspendedBy,
      Instant now) {
    requireKey(posterKey);
    if (posterKey.length() > MAX_POSTER_KEY) {
      throw new IllegalArgumentException("posterKey must be at most " + MAX_POSTER_KEY + " characters, got "
          + posterKey.length());
    }
    if (until == null || !CommentRows.storable(until).isAfter(now)) {
      throw new IllegalArgumentException("until must be after now (" + now + "): " + until);
    }
    String trimmed = reason == null ? "" : reason.trim();
    if (trimmed.length() > MAX_REASON) {
      throw new IllegalArgumentException("reason must be at most " + MAX_REASON + " characters, got "
          + trimmed.length());
    }
    requireModerator("suspendedBy", suspendedBy);
    return new Suspension(posterKey, now, CommentRows.storable(until), trimmed, suspendedBy);
  }

  private static void requireKey(String posterKey) {
    if (posterKey == null || posterKey.isBlank()) {
      throw new IllegalArgumentException("posterKey must not be blank");
    }
  }

  private static void requireModerator(String name, String moderator) {
    if (moderator == null || moderator.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    if (moderator.length() > MAX_MODERATOR) {
      throw new IllegalArgumentException(name + " must be at most " + MAX_MODERATOR + " characters, got "
          + moderator.length());
    }
  }
}
