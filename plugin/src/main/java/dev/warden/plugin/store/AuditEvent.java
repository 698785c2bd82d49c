package dev.warden.plugin.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the audit trail: who did what to what, when and from where, with the comment's status before and
 * after when the action changed one.
 *
 * @param at when it happened
 * @param actor the user (moderator, publisher, {@code api-token}), {@code warden-release} for the release outbox,
 *     or for a failed login the user name that was tried
 * @param address the client address of the request that did it; null for Warden's own events (deliveries) and
 *     for events recorded before addresses were kept
 * @param action what happened, e.g. {@code approve}, {@code reject}, {@code suspend}, {@code lift}, {@code
 *     register_article}, {@code login}, {@code login_failed}, {@code logout}, {@code delivered}
 * @param target what it was about (null if nothing in particular, e.g. a login)
 * @param before the comment's status before (null if none changed)
 * @param after the comment's status after (null if none changed)
 * @param detail free text, e.g. a reject reason, a delivery error, a suspension's end and reason (null if none);
 *     render it as text, it may hold what a user typed
 */
public record AuditEvent(
    Instant at, String actor, String address, String action, AuditTarget target, CommentStatus before,
    CommentStatus after, String detail) {
  public AuditEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
  }

  /** An event without an address, about a comment if {@code commentId} is not null. */
  public AuditEvent(Instant at, String actor, String action, String commentId, CommentStatus before,
      CommentStatus after, String detail) {
    this(at, actor, null, action, commentId == null ? null : AuditTarget.comment(commentId), before, after, detail);
  }

  /** The id of the comment this event is about, or null. */
  public String commentId() {
    return target != null && target.kind() == AuditTarget.Kind.COMMENT ? target.id() : null;
  }
}
