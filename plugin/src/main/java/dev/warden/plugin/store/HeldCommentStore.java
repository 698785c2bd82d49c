package dev.warden.plugin.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable queue of held and rejected comments, and the release outbox.
 *
 * <p>Every method commits before it returns; implementations are thread-safe and safe to share between web nodes
 * (row-level claims). All failures to reach the database surface as {@link StoreException}.
 */
public interface HeldCommentStore {

  /** Stores a held or auto-rejected comment and commits; returns the stored comment with its new id. */
  HeldComment save(NewComment comment);

  /**
   * Stores a held or auto-rejected comment like {@link #save} and issues its status-link token: at least 128
   * random bits, URL-safe base64, returned this once; only its SHA-256 hash is stored.
   */
  SavedComment saveWithStatusToken(NewComment comment);

  /**
   * What the holder of a status-link token may see of its comment; empty for an unknown or malformed token. The
   * comment is looked up by the token's hash, so the lookup's timing tells nothing about stored tokens.
   */
  Optional<CommentStatusView> findByStatusToken(String token);

  /** The comment with this id, if any. */
  Optional<HeldComment> find(String id);

  /** A page of comments with the given status, newest first. */
  default QueuePage list(CommentStatus status, int limit, int offset) {
    return list(QueueQuery.builder(status).limit(limit).offset(offset).build());
  }

  /** A page of the comments that match a query, in its order, with how many match in all. */
  QueuePage list(QueueQuery query);

  /**
   * What the store holds about one poster: comments per status and the latest {@code recent} (1 to 50) in any
   * status, newest first.
   */
  PosterHistory posterHistory(String posterKey, int recent);

  /**
   * The comments of one coordinated-campaign group ({@link HeldComment#group()}) in any status, newest first, at
   * most {@code limit}.
   */
  List<HeldComment> listGroup(String group, int limit);

  /**
   * The scores and moderators' decisions of comments received since {@code since} that a moderator approved or
   * rejected, newest first, at most {@code limit} (1 to {@value #MAX_MODERATED}): the evidence for the precision of
   * holds in the publishers' what-if charts.
   */
  List<ModeratedScores> moderatedSince(Instant since, int limit);

  /** The most rows {@link #moderatedSince} returns. */
  int MAX_MODERATED = 50_000;

  /** How many comments are in each status (every status present, zero if none). */
  Map<CommentStatus, Long> counts();

  /**
   * Approves a pending or auto-rejected comment: status becomes {@link CommentStatus#APPROVED} and it enters the
   * release outbox.
   *
   * @throws DecisionConflictException if it is not pending or auto-rejected any more
   * @throws java.util.NoSuchElementException if there is no such comment
   */
  HeldComment approve(String id, String moderator);

  /**
   * Approves like {@link #approve(String, String)}, recording the moderator's address in the audit trail. The
   * default ignores the address; audited implementations override it.
   */
  default HeldComment approve(String id, Actor moderator) {
    return approve(id, moderator.name());
  }

  /**
   * Rejects a pending or auto-rejected comment: status becomes {@link CommentStatus#REJECTED}; it is never
   * delivered.
   *
   * @throws DecisionConflictException if it is not pending or auto-rejected any more
   * @throws java.util.NoSuchElementException if there is no such comment
   */
  HeldComment reject(String id, String moderator, String reason);

  /** The most comments one bulk call decides. */
  int MAX_BULK = 500;

  /**
   * Approves each of up to {@link #MAX_BULK} comments as {@link #approve} would, each on its own: one that is no
   * longer decidable is reported in {@link BulkOutcome#alreadyDecided()}, an unknown id in {@link
   * BulkOutcome#missing()}.
   */
  BulkOutcome approveAll(List<String> ids, String moderator);

  /** Rejects each of up to {@link #MAX_BULK} comments as {@link #reject} would, each on its own (see approveAll). */
  BulkOutcome rejectAll(List<String> ids, String moderator, String reason);

  /**
   * Rejects the pending comments of one poster key, oldest first, at most {@link #MAX_BULK} per call; one that
   * another moderator decides meanwhile is reported, not overwritten. Auto-rejected comments are left alone.
   */
  BulkOutcome rejectPendingFrom(String posterKey, String moderator, String reason);

  /**
   * Undoes a moderator's decision made by mistake, audited. An approved comment not yet delivered (approved and not
   * being delivered right now, or delivery failed) and a rejected one go back to where they were before the decision:
   * {@link CommentStatus#PENDING}, or {@link CommentStatus#AUTO_REJECTED} for one the policy had rejected; the
   * decision, its moderator and the delivery attempts are cleared. A delivered comment cannot be taken back by
   * Warden: it stays delivered and gets a {@link HeldComment#withdrawal()} request for the site (idempotent).
   *
   * @throws DecisionConflictException if there is nothing to undo (not decided yet) or the comment is being
   *     delivered at this moment (try again once the delivery ended)
   * @throws java.util.NoSuchElementException if there is no such comment
   */
  HeldComment undo(String id, String moderator);

  /**
   * Rejects like {@link #reject(String, String, String)}, recording the moderator's address in the audit trail.
   * The default ignores the address; audited implementations override it.
   */
  default HeldComment reject(String id, Actor moderator, String reason) {
    return reject(id, moderator.name(), reason);
  }

  /**
   * Claims the next approved comment whose delivery is due and not leased by another worker, for {@code lease}.
   * Stores a fresh single-use release nonce with the claim.
   */
  Optional<ReleaseClaim> claimNextDelivery(Duration lease);

  /**
   * Consumes the release nonce of an approved comment, once: true the first time the right nonce is given for a
   * comment whose claim is still leased, false otherwise (wrong nonce, replayed, lease expired, not approved). An
   * expired claim's replay is refused because another worker may be taking the comment over at that moment.
   */
  boolean consumeReleaseNonce(String id, String nonce);

  /** Marks an approved comment as delivered to the site (idempotent). */
  void markDelivered(String id);

  /**
   * Records a failed delivery attempt: the comment stays approved and is due again at {@code retryAt}, or, when
   * {@code retryAt} is null, becomes {@link CommentStatus#DELIVERY_FAILED}.
   */
  void recordDeliveryFailure(String id, String error, Instant retryAt);

  /**
   * Records a failed attempt of one delivery claim, fenced by the claim's lease: a worker whose lease expired and
   * was taken over by another worker changes nothing (returns false), so it cannot clear the newer claim or count
   * an attempt against it.
   *
   * @return true if the failure was recorded
   */
  boolean recordDeliveryFailure(ReleaseClaim claim, String error, Instant retryAt);

  /** Checks that the database answers; throws {@link StoreException} if not. */
  void ping();
}
