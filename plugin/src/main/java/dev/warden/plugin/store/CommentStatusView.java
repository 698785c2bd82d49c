package dev.warden.plugin.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What the holder of a comment's status link may see: where the comment is, why, and when. Nothing the comment
 * says and nothing about who wrote it, since a link may be shared.
 *
 * @param state pending, published or rejected
 * @param reason a reason code: the hold reason while pending (e.g. {@code abuse}, {@code coordinated}), the
 *     moderator's reason (e.g. {@code spam}) or the policy's (e.g. {@code abuse}) when rejected; null when published
 * @param receivedAt when Warden received the comment
 * @param decidedAt when it was published or rejected (for a rejection by policy, when it was received); null while
 *     pending
 */
public record CommentStatusView(State state, String reason, Instant receivedAt, Instant decidedAt) {
  /** The three states a commenter is told about. */
  public enum State {
    /** Waits for a moderator (or, approved, for a delivery a moderator has to retry). */
    PENDING,
    /** Approved: on the site, or delivered to it within seconds. */
    PUBLISHED,
    /** Rejected by a moderator or by policy. */
    REJECTED;

    /** The lower-case name used in JSON, e.g. {@code published}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public CommentStatusView {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /**
   * The view of a stored comment. A comment whose delivery failed is still pending for its author: it is not on the
   * site, and a moderator has to retry it.
   *
   * @param status its status
   * @param holdReason the policy's reason code at submission
   * @param rejectReason the moderator's reason for a rejection, else null
   * @param receivedAt when it was received
   * @param decidedAt when a moderator decided, else null
   */
  public static CommentStatusView of(CommentStatus status, String holdReason, String rejectReason,
      Instant receivedAt, Instant decidedAt) {
    return switch (status) {
      case PENDING, DELIVERY_FAILED -> new CommentStatusView(State.PENDING, holdReason, receivedAt, null);
      case APPROVED, DELIVERED -> new CommentStatusView(State.PUBLISHED, null, receivedAt, decidedAt);
      case AUTO_REJECTED -> new CommentStatusView(State.REJECTED, holdReason, receivedAt, receivedAt);
      case REJECTED -> new CommentStatusView(State.REJECTED, rejectReason == null ? holdReason : rejectReason,
          receivedAt, decidedAt);
    };
  }
}
