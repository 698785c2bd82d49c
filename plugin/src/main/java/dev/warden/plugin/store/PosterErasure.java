package dev.warden.plugin.store;

import java.util.Objects;

/**
 * What an erasure of a poster's data removed.
 *
 * @param pseudonym what the audit trail records instead of the poster key: {@code sha256:} and the first 16 hex
 *     digits of the SHA-256 of the key, so that an operator who is asked again can check that the key was erased
 * @param comments comments deleted, in every status (a pending one is never released afterwards)
 * @param notes moderators' notes deleted
 * @param suspensions suspensions deleted (0 or 1), including one in force
 * @param auditEvents earlier audit events about the poster key whose target was replaced by the pseudonym and
 *     whose free-text detail (a note's text, a suspension's reason) was cleared
 */
public record PosterErasure(String pseudonym, int comments, int notes, int suspensions, int auditEvents) {
  public PosterErasure {
    Objects.requireNonNull(pseudonym, "pseudonym");
  }

  /** True if anything was stored about the poster key. */
  public boolean erasedAnything() {
    return comments + notes + suspensions + auditEvents > 0;
  }
}
