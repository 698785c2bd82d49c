package dev.warden.plugin.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A stored comment as moderators see it. Immutable snapshot; {@code version} changes on every update and is used
 * for optimistic concurrency.
 *
 * @param id opaque id (a UUID string)
 * @param articleId the article it was posted on
 * @param posterKey who posted it
 * @param author author name given by the reader
 * @param text comment text as written (render as text, never as HTML)
 * @param submission original HTTP submission
 * @param scores score per label
 * @param explanation why it was held: top terms per label, reason codes, model version
 * @param decision what the policy decided at submission
 * @param reason reason code of that decision
 * @param status where the comment is now
 * @param receivedAt when the filter received it
 * @param decidedAt when a moderator decided (null while undecided)
 * @param decidedBy the moderator who decided (null while undecided)
 * @param rejectReason the moderator's reason for a rejection (null otherwise)
 * @param deliveryAttempts how many times the outbox tried to deliver it
 * @param lastDeliveryError the last delivery error (null if none)
 * @param version row version, incremented on every change
 * @param group the coordinated-campaign group this comment belongs to (throttle reason {@code coordinated}), else
 *     null
 * @param withdrawal for a delivered comment, a moderator's request that the site take it down, else null
 */
public record HeldComment(
    String id,
    String articleId,
    String posterKey,
    String author,
    String text,
    Submission submission,
    Map<String, Double> scores,
    Map<String, Object> explanation,
    Decision decision,
    String reason,
    CommentStatus status,
    Instant receivedAt,
    Instant decidedAt,
    String decidedBy,
    String rejectReason,
    int deliveryAttempts,
    String lastDeliveryError,
    long version,
    String group,
    Withdrawal withdrawal) {
  public HeldComment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(posterKey, "posterKey");
    author = author == null ? "" : author;
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(submission, "submission");
    scores = Map.copyOf(scores);
    explanation = Map.copyOf(explanation);
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /** A comment without a withdrawal request (the parameter list before withdrawals existed). */
  public HeldComment(String id, String articleId, String posterKey, String author, String text,
      Submission submission, Map<String, Double> scores, Map<String, Object> explanation, Decision decision,
      String reason, CommentStatus status, Instant receivedAt, Instant decidedAt, String decidedBy,
      String rejectReason, int deliveryAttempts, String lastDeliveryError, long version, String group) {
    this(id, articleId, posterKey, author, text, submission, scores, explanation, decision, reason, status,
        receivedAt, decidedAt, decidedBy, rejectReason, deliveryAttempts, lastDeliveryError, version, group, null);
  }

  /** A comment that is not part of a coordinated group (the parameter list before groups existed). */
  public HeldComment(String id, String articleId, String posterKey, String author, String text,
      Submission submission, Map<String, Double> scores, Map<String, Object> explanation, Decision decision,
      String reason, CommentStatus status, Instant receivedAt, Instant decidedAt, String decidedBy,
      String rejectReason, int deliveryAttempts, String lastDeliveryError, long version) {
    this(id, articleId, posterKey, author, text, submission, scores, explanation, decision, reason, status,
        receivedAt, decidedAt, decidedBy, rejectReason, deliveryAttempts, lastDeliveryError, version, null, null);
  }
}
