package dev.warden.plugin.internal.store;

import dev.warden.plugin.store.AuditEvent;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Objects;

/**
 * Deletes decided comments older than a cut-off, one bounded batch per transaction, so that a large purge never
 * holds many row locks for long. Decided means delivered, rejected by a moderator or given up by the outbox (by
 * {@code decided_at}), or rejected by policy at submission (by {@code received_at}: nobody decided it). Pending and
 * approved comments are never deleted. A comment's narrative links go with it (ON DELETE CASCADE); its audit events
 * stay, as they hold only its id, statuses, the moderator's reason and delivery errors, never its text.
 *
 * <p>Several nodes may purge at once: on PostgreSQL each batch skips rows another node has locked, and on both
 * databases the delete re-checks the condition, so a comment a moderator approves meanwhile is kept. Thread-safe.
 */
public final class JdbcRetention {
  /** The actor of the purge's audit events. */
  public static final String ACTOR = "warden-retention";

  private static final String DECIDED_BEFORE = "((status IN ('DELIVERED', 'REJECTED', 'DELIVERY_FAILED')"
      + " AND decided_at < ?) OR (status = 'AUTO_REJECTED' AND received_at < ?))";

  private final Database db;
  private final String purge;

  JdbcRetention(Database db) {
    this.db = db;
    // Both forms bind: cut-off, cut-off, batch, cut-off, cut-off. On PostgreSQL the batch is chosen in a CTE, which
    // runs once: a LIMIT in an IN-subquery of a DELETE may be re-evaluated by the planner and delete more than a
    // batch. H2 evaluates the subquery once.
    String batchIds = "SELECT id FROM warden_comment WHERE " + DECIDED_BEFORE + " LIMIT ?";
    this.purge = db.isPostgres()
        ? "WITH batch AS (" + batchIds + " FOR UPDATE SKIP LOCKED) DELETE FROM warden_comment"
            + " WHERE id IN (SELECT id FROM batch) AND " + DECIDED_BEFORE
        : "DELETE FROM warden_comment WHERE id IN (" + batchIds + ") AND " + DECIDED_BEFORE;
  }

  /**
   * Deletes at most {@code batch} comments decided before {@code cutoff} in one transaction; returns how many.
   */
  public int purgeBatch(Instant cutoff, int batch) {
    Objects.requireNonNull(cutoff, "cutoff");
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be positive: " + batch);
    }
    return db.inTransaction("retention purge", c -> {
      try (PreparedStatement ps = c.prepareStatement(purge)) {
        CommentRows.setInstant(ps, 1, cutoff);
        CommentRows.setInstant(ps, 2, cutoff);
        ps.setInt(3, batch);
        CommentRows.setInstant(ps, 4, cutoff);
        CommentRows.setInstant(ps, 5, cutoff);
        return ps.executeUpdate();
      }
    });
  }

  /** Records one sweep that deleted something in the audit trail (not one event per comment). */
  public void recordSweep(Instant at, Instant cutoff, long deleted) {
    db.inTransaction("record retention purge", c -> {
      AuditLog.append(c, new AuditEvent(at, ACTOR, "purge", null, null, null,
          deleted + " decided comments from before " + cutoff + " deleted"));
      return null;
    });
  }
}
