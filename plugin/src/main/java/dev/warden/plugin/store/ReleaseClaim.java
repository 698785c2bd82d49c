package dev.warden.plugin.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A delivery claim on an approved comment: the outbox worker holds it until {@code leaseUntil}. The nonce is
 * single-use: the filter consumes it when the signed replay arrives, so a replayed request cannot be let through
 * twice.
 *
 * @param comment the comment to deliver
 * @param nonce the single-use release nonce stored with the claim
 * @param leaseUntil when the claim expires and another worker may take it
 */
public record ReleaseClaim(HeldComment comment, String nonce, Instant leaseUntil) {
  public ReleaseClaim {
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(leaseUntil, "leaseUntil");
  }
}
