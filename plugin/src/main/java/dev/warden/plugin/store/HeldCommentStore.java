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
  QueuePage list(CommentStatus status, int limit, int offset);

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
   * comment that is claimed for delivery, false otherwise (wrong nonce, replayed, not approved).
   */
  boolean consumeReleaseNonce(String id, String nonce);

  /** Marks an approved comment as delivered to the site (idempotent). */
  void markDelivered(String id);

  /**
   * Records a failed delivery attempt: the comment stays approved and is due again at {@code retryAt}, or, when
   * {@code retryAt} is null, becomes {@link CommentStatus#DELIVERY_FAILED}.
   */
  void recordDeliveryFailure(String id, String error, Instant retryAt);

  /** Checks that the database answers; throws {@link StoreException} if not. */
  void ping();
}
