package dev.warden.plugin.internal.store;

import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.ReleaseClaim;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Claims due deliveries so that several nodes never deliver the same comment at once. On PostgreSQL the candidate
 * row is locked with {@code FOR UPDATE SKIP LOCKED}, so concurrent workers pick different rows without waiting; on
 * other databases (H2) the claim is a compare-and-set on the row version, retried if another worker won. Either way
 * the claim stores a fresh single-use nonce and a lease. Thread-safe.
 */
final class DeliveryClaims {
  private static final String DUE = "FROM warden_comment WHERE status = 'APPROVED' AND next_attempt_at <= ?"
      + " AND (lease_until IS NULL OR lease_until < ?) ORDER BY received_at, id";
  private static final String SELECT_LOCKED = "SELECT id, version " + DUE + " LIMIT 1 FOR UPDATE SKIP LOCKED";
  private static final String SELECT_CANDIDATES = "SELECT id, version " + DUE + " LIMIT ?";
  private static final String CLAIM = "UPDATE warden_comment SET lease_until = ?, release_nonce = ?,"
      + " version = version + 1 WHERE id = ? AND version = ? AND status = 'APPROVED'";
  private static final int CANDIDATES = 8;
  private static final int NONCE_BYTES = 24;

  private final boolean skipLocked;
  private final SecureRandom random = new SecureRandom();

  DeliveryClaims(boolean skipLocked) {
    this.skipLocked = skipLocked;
  }

  /** Claims the oldest due, unleased approved comment until {@code leaseUntil}, in the caller's transaction. */
  Optional<ReleaseClaim> claim(Connection c, Instant now, Instant leaseUntil) throws SQLException {
    return skipLocked ? claimLocked(c, now, leaseUntil) : claimByVersion(c, now, leaseUntil);
  }

  private Optional<ReleaseClaim> claimLocked(Connection c, Instant now, Instant leaseUntil) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT_LOCKED)) {
      CommentRows.setInstant(ps, 1, now);
      CommentRows.setInstant(ps, 2, now);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return tryClaim(c, rs.getString("id"), rs.getLong("version"), leaseUntil);
      }
    }
  }

  private Optional<ReleaseClaim> claimByVersion(Connection c, Instant now, Instant leaseUntil)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT_CANDIDATES)) {
      CommentRows.setInstant(ps, 1, now);
      CommentRows.setInstant(ps, 2, now);
      ps.setInt(3, CANDIDATES);
      try (ResultSet rs = ps.executeQuery()) {
        // Another worker may win a candidate between our read and our update; then try the next one.
        while (rs.next()) {
          Optional<ReleaseClaim> claim = tryClaim(c, rs.getString("id"), rs.getLong("version"), leaseUntil);
          if (claim.isPresent()) {
            return claim;
          }
        }
        return Optional.empty();
      }
    }
  }

  private Optional<ReleaseClaim> tryClaim(Connection c, String id, long version, Instant leaseUntil)
      throws SQLException {
    String nonce = newNonce();
    try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
      CommentRows.setInstant(ps, 1, leaseUntil);
      ps.setString(2, nonce);
      ps.setString(3, id);
      ps.setLong(4, version);
      if (ps.executeUpdate() != 1) {
        return Optional.empty();
      }
    }
    HeldComment comment = CommentRows.find(c, id).orElseThrow();
    return Optional.of(new ReleaseClaim(comment, nonce, CommentRows.storable(leaseUntil)));
  }

  /** A URL-safe random nonce; it never contains the '.' that separates the parts of the release header. */
  private String newNonce() {
    byte[] bytes = new byte[NONCE_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
