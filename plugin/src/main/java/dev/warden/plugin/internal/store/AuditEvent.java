package dev.warden.plugin.internal.store;

import dev.warden.plugin.store.CommentStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of the audit trail: who did what to which comment, when, and the status before and after; or who
 * suspended or lifted the suspension of which poster (no comment, no status).
 *
 * @param at when it happened
 * @param actor the moderator, or {@link AuditLog#RELEASE_ACTOR} for the release outbox
 * @param action what happened, e.g. {@code approve}, {@code reject}, {@code delivered}, {@code delivery_failed},
 *     {@code suspend}, {@code lift}
 * @param commentId the comment concerned (null for a suspension)
 * @param before its status before (null if none)
 * @param after its status after (null if none)
 * @param detail free text, e.g. a reject reason, a delivery error, or for a suspension the poster key, its end and
 *     reason (null if none)
 */
public record AuditEvent(
    Instant at, String actor, String action, String commentId, CommentStatus before, CommentStatus after,
    String detail) {
  public AuditEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
  }
}
