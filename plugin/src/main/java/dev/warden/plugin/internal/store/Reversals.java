package dev.warden.plugin.internal.store;

import dev.warden.plugin.store.AuditEvent;
import dev.warden.plugin.store.CommentStatus;
import dev.warden.plugin.store.Decision;
import dev.warden.plugin.store.DecisionConflictException;
import dev.warden.plugin.store.HeldComment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.NoSuchElementException;

/**
 * Undoing a moderator's decision, in the caller's transaction (see {@code HeldCommentStore.undo}). The revert is a
 * compare-and-set on the row version read first, so it cannot overwrite a decision, a delivery claim or another undo
 * made in between; an approved comment under a live delivery claim is refused, because its replay may be on its
 * way to the site right now. Stateless.
 */
final class Reversals {
  static final String UNDO = "undo";
  static final String WITHDRAW = "withdraw_requested";

  private static final String REVERT = "UPDATE warden_comment SET status = ?, decided_at = NULL, decided_by = NULL,"
      + " reject_reason = NULL, next_attempt_at = NULL, lease_until = NULL, release_nonce = NULL,"
      + " delivery_attempts = 0, last_error = NULL, version = version + 1"
      + " WHERE id = ? AND version = ? AND (status IN ('REJECTED', 'DELIVERY_FAILED')"
      + " OR (status = 'APPROVED' AND (lease_until IS NULL OR lease_until < ?)))";
  private static final String FLAG = "UPDATE warden_comment SET withdraw_requested_at = ?,"
      + " withdraw_requested_by = ?, version = version + 1"
      + " WHERE id = ? AND status = 'DELIVERED' AND withdraw_requested_at IS NULL";

  private Reversals() {}

  static HeldComment undo(Connection c, String id, String moderator, Instant now) throws SQLException {
    HeldComment before = existing(c, id);
    return switch (before.status()) {
      case PENDING, AUTO_REJECTED -> throw new DecisionConflictException(
          "comment " + id + " is " + before.status().wireName() + ": there is no decision to undo", before);
      case DELIVERED -> requestWithdrawal(c, before, moderator, now);
      case APPROVED, DELIVERY_FAILED, REJECTED -> revert(c, before, moderator, now);
    };
  }

  private static HeldComment revert(Connection c, HeldComment before, String moderator, Instant now)
      throws SQLException {
    CommentStatus target = before.decision() == Decision.REJECT ? CommentStatus.AUTO_REJECTED : CommentStatus.PENDING;
    int updated;
    try (PreparedStatement ps = c.prepareStatement(REVERT)) {
      ps.setString(1, target.name());
      ps.setString(2, before.id());
      ps.setLong(3, before.version());
      CommentRows.setInstant(ps, 4, now);
      updated = ps.executeUpdate();
    }
    if (updated == 0) {
      throw refusal(existing(c, before.id()), before);
    }
    String detail = "undid " + before.status().wireName()
        + (before.decidedBy() == null ? "" : " by " + before.decidedBy());
    AuditLog.append(c, new AuditEvent(now, moderator, UNDO, before.id(), before.status(), target, detail));
    return existing(c, before.id());
  }

  /** Why a revert did not happen: a delivery in progress, or someone changed the comment since it was read. */
  private static DecisionConflictException refusal(HeldComment now, HeldComment before) {
    if (now.status() == CommentStatus.APPROVED && now.version() == before.version()) {
      return new DecisionConflictException("comment " + now.id() + " is being delivered to the site right now;"
          + " try again in a moment", now);
    }
    return new DecisionConflictException("comment " + now.id() + " changed meanwhile: it is now "
        + now.status().wireName() + (now.decidedBy() == null ? "" : " (decided by " + now.decidedBy() + ")"), now);
  }

  /** Warden cannot unpublish what the site stored: it flags the comment for the site, once. */
  private static HeldComment requestWithdrawal(Connection c, HeldComment before, String moderator, Instant now)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(FLAG)) {
      CommentRows.setInstant(ps, 1, now);
      ps.setString(2, moderator);
      ps.setString(3, before.id());
      if (ps.executeUpdate() == 1) {
        AuditLog.append(c, new AuditEvent(now, moderator, WITHDRAW, before.id(), CommentStatus.DELIVERED,
            CommentStatus.DELIVERED, "delivered comment flagged for removal by the site"));
      }
    }
    return existing(c, before.id());
  }

  private static HeldComment existing(Connection c, String id) throws SQLException {
    return CommentRows.find(c, id).orElseThrow(() -> new NoSuchElementException("no comment with id " + id));
  }
}
