package dev.warden.plugin.internal.store;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.plugin.StoreConfig;
import dev.warden.plugin.store.Actor;
import dev.warden.plugin.store.ArticleRegistry;
import dev.warden.plugin.store.AuditEvent;
import dev.warden.plugin.store.AuditTarget;
import dev.warden.plugin.store.AuditTrail;
import dev.warden.plugin.store.BulkOutcome;
import dev.warden.plugin.store.CommentStatus;
import dev.warden.plugin.store.CommentStatusView;
import dev.warden.plugin.store.DecisionConflictException;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.HeldCommentStore;
import dev.warden.plugin.store.ModeratedScores;
import dev.warden.plugin.store.ModerationStats;
import dev.warden.plugin.store.NewComment;
import dev.warden.plugin.store.PosterDataStore;
import dev.warden.plugin.store.PosterHistory;
import dev.warden.plugin.store.PosterNotes;
import dev.warden.plugin.store.PosterSuspensions;
import dev.warden.plugin.store.QueuePage;
import dev.warden.plugin.store.QueueQuery;
import dev.warden.plugin.store.ReleaseClaim;
import dev.warden.plugin.store.SavedComment;
import dev.warden.plugin.store.SavedViews;
import dev.warden.plugin.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The held-comment store and release outbox on any JDBC database Warden migrates (H2 2.x, PostgreSQL 15).
 * Every method runs in its own transaction and commits before it returns; decisions and claims are conditional
 * updates, so several threads or web nodes may share one database. One exception on an embedded H2 file: a new
 * comment is journaled and inserted just after the save returns ({@link JournaledInserts}), and every other method
 * first waits for such inserts, so callers see no difference. Thread-safe.
 *
 * <p>The article registry, the poster suspensions, the notes on posters and the audit trail live in the same
 * database and are reached through {@link #articles()}, {@link #suspensions()}, {@link #notes()} and {@link
 * #audit()}: one class cannot implement both {@link HeldCommentStore#find(String)} and {@link
 * ArticleRegistry#find(String)}.
 */
public final class JdbcCommentStore implements HeldCommentStore, AutoCloseable {
  static final int MAX_PAGE = 1000;
  static final int MAX_ERROR = 2000;
  static final int MAX_RECENT = 50;

  private static final String DECIDE = "UPDATE warden_comment SET status = ?, decided_at = ?, decided_by = ?,"
      + " reject_reason = ?, next_attempt_at = ?, version = version + 1"
      + " WHERE id = ? AND status IN ('PENDING', 'AUTO_REJECTED')";
  private static final String CONSUME_NONCE = "UPDATE warden_comment SET release_nonce = NULL,"
      + " version = version + 1 WHERE id = ? AND status = 'APPROVED' AND release_nonce = ? AND lease_until >= ?";
  private static final String DELIVERED = "UPDATE warden_comment SET status = 'DELIVERED', delivered_at = ?,"
      + " lease_until = NULL, release_nonce = NULL, version = version + 1 WHERE id = ? AND status = 'APPROVED'";
  private static final String FAILED = "UPDATE warden_comment SET status = ?, delivery_attempts ="
      + " delivery_attempts + 1, last_error = ?, next_attempt_at = ?, lease_until = NULL, release_nonce = NULL,"
      + " version = version + 1 WHERE id = ? AND status = 'APPROVED'";
  // Fenced by the claim's lease: every new claim moves lease_until forward, so a stale worker matches no row.
  private static final String CLAIM_FAILED = FAILED + " AND lease_until = ?";
  private static final String GROUP = "SELECT " + CommentRows.COLUMNS + " FROM warden_comment WHERE group_key = ?"
      + " ORDER BY received_at DESC, id DESC LIMIT ?";
  private static final String COUNTS = "SELECT status, COUNT(*) FROM warden_comment GROUP BY status";
  private static final String BACKLOG = "SELECT status, COUNT(*) AS n, MIN(next_attempt_at) AS oldest"
      + " FROM warden_comment WHERE status IN ('APPROVED', 'DELIVERY_FAILED') GROUP BY status";
  private static final String EXISTS = "SELECT 1 FROM warden_comment WHERE id = ?";
  private static final String MODERATED = "SELECT scores, explanation, status FROM warden_comment"
      + " WHERE received_at >= ? AND decided_by IS NOT NULL"
      + " AND status IN ('APPROVED', 'DELIVERED', 'DELIVERY_FAILED', 'REJECTED')"
      + " ORDER BY received_at DESC, id DESC LIMIT ?";

  private final Database db;
  private final Clock clock;
  private final DeliveryClaims claims;
  private final ArticleRegistry articles;
  private final PosterSuspensions suspensions;
  private final AuditTrail audit;
  private final PosterNotes notes;
  private final JdbcPolicyVersions policyVersions;
  private final JdbcScoreSamples scoreSamples;
  private final JdbcNarrativeVersions narrativeVersions;
  private final SavedViews savedViews;
  private final ModerationStats stats;
  private final PosterDataStore posterData;
  private final JdbcRetention retention;
  /** Null unless the store is an embedded H2 file. */
  private final JournaledInserts journaled;

  private JdbcCommentStore(Database db, Clock clock, JournaledInserts journaled) {
    this.db = db;
    this.journaled = journaled;
    this.clock = clock;
    this.claims = new DeliveryClaims(db.isPostgres());
    this.articles = new JdbcArticleRegistry(db, clock);
    this.suspensions = new JdbcPosterSuspensions(db, clock);
    this.audit = new JdbcAuditTrail(db, clock);
    this.notes = new JdbcPosterNotes(db, clock);
    this.policyVersions = new JdbcPolicyVersions(db, clock);
    this.scoreSamples = new JdbcScoreSamples(db);
    this.narrativeVersions = new JdbcNarrativeVersions(db, clock);
    this.savedViews = new JdbcSavedViews(db, clock);
    this.stats = new JdbcModerationStats(db);
    this.posterData = new JdbcPosterData(db, clock);
    this.retention = new JdbcRetention(db);
  }

  /**
   * Opens the pool and migrates the schema.
   *
   * @throws StoreException naming the URL (never the password) if the database is unreachable or the migration
   *     fails
   */
  public static JdbcCommentStore open(StoreConfig config, Clock clock) {
    // Real time even under a test clock: the outage retry paces real waits of the pool.
    return open(config, clock, Ticker.systemTicker());
  }

  /**
   * Opens the store like {@link #open(StoreConfig, Clock)}, timing {@code store.outage-retry} with a given ticker.
   */
  public static JdbcCommentStore open(StoreConfig config, Clock clock, Ticker ticker) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(ticker, "ticker");
    Database db = Database.open(config, ticker);
    try {
      JournaledInserts journaled = db.h2StoreFile()
          .flatMap(file -> JournaledInserts.start(db, journalFor(file), config.connectionTimeout(),
              config.outageRetry()))
          .orElse(null);
      return new JdbcCommentStore(db, clock, journaled);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /** {@code warden.mv.db} journals its new comments in {@code warden.inserts.journal} beside it. */
  private static Path journalFor(Path h2File) {
    String name = h2File.getFileName().toString();
    String base = name.endsWith(".mv.db") ? name.substring(0, name.length() - ".mv.db".length()) : name;
    return h2File.resolveSibling(base + ".inserts.journal");
  }

  /**
   * True while a connection failure has marked the store unavailable: uses fail at once until a retry after
   * {@code store.outage-retry} reaches the database.
   */
  public boolean isMarkedUnavailable() {
    return db.isMarkedUnavailable();
  }

  /** The article registry in the same database. */
  public ArticleRegistry articles() {
    return articles;
  }

  /** The poster suspensions in the same database. */
  public PosterSuspensions suspensions() {
    return suspensions;
  }

  /** The audit trail in the same database. */
  public AuditTrail audit() {
    return audit;
  }

  /** Moderators' notes on posters, in the same database. */
  public PosterNotes notes() {
    return notes;
  }

  /** The stored versions of the live settings in the same database. */
  public JdbcPolicyVersions policyVersions() {
    return policyVersions;
  }

  /** The publishers' changes of the narrative catalogue in the same database. */
  public JdbcNarrativeVersions narrativeVersions() {
    return narrativeVersions;
  }

  /** The score sample of the what-if charts in the same database. */
  public JdbcScoreSamples scoreSamples() {
    return scoreSamples;
  }

  /** Moderators' saved queue views, in the same database. */
  public SavedViews savedViews() {
    return savedViews;
  }

  /** The stats page's aggregates over this database. */
  public ModerationStats stats() {
    return stats;
  }

  /** A poster's data on request: export and erasure, in the same database. */
  public PosterDataStore posterData() {
    return posterData;
  }

  /** The retention purge of decided comments, in the same database. */
  public JdbcRetention retention() {
    return retention;
  }

  @Override
  public HeldComment save(NewComment comment) {
    return insert(comment, null);
  }

  @Override
  public SavedComment saveWithStatusToken(NewComment comment) {
    String token = StatusTokens.issue();
    return new SavedComment(insert(comment, StatusTokens.hash(token)), token);
  }

  private HeldComment insert(NewComment comment, String statusTokenHash) {
    Objects.requireNonNull(comment, "comment");
    String id = UUID.randomUUID().toString();
    CommentStatus status = switch (comment.decision()) {
      case REJECT -> CommentStatus.AUTO_REJECTED;
      case HOLD -> CommentStatus.PENDING;
      case ALLOW -> throw new IllegalArgumentException("allowed comments are not stored");
    };
    if (journaled != null) {
      journaled.submit(new JournaledInserts.JournaledComment(id, status, statusTokenHash, comment));
      return CommentRows.inserted(id, comment, status);
    }
    db.inTransaction("save", c -> {
      CommentRows.insert(c, id, comment, status, comment.receivedAt(), statusTokenHash);
      return null;
    });
    // Built, not read back: one round trip less on a held post (the contract tests check it equals find(id)).
    return CommentRows.inserted(id, comment, status);
  }

  @Override
  public Optional<CommentStatusView> findByStatusToken(String token) {
    if (!StatusTokens.wellFormed(token)) {
      return Optional.empty();
    }
    String hash = StatusTokens.hash(token);
    return db.inTransaction("find by status token", c -> CommentRows.findStatus(c, hash));
  }

  @Override
  public Optional<HeldComment> find(String id) {
    Objects.requireNonNull(id, "id");
    return db.inTransaction("find", c -> CommentRows.find(c, id));
  }

  @Override
  public QueuePage list(QueueQuery query) {
    Objects.requireNonNull(query, "query");
    return db.inTransaction("list", c -> QueueQueries.page(c, query));
  }

  @Override
  public PosterHistory posterHistory(String posterKey, int recent) {
    if (posterKey == null || posterKey.isBlank()) {
      throw new IllegalArgumentException("posterKey must not be blank");
    }
    if (recent < 1 || recent > MAX_RECENT) {
      throw new IllegalArgumentException("recent must be between 1 and " + MAX_RECENT + ": " + recent);
    }
    return db.inTransaction("poster history", c -> QueueQueries.history(c, posterKey, recent));
  }

  @Override
  public List<HeldComment> listGroup(String group, int limit) {
    if (group == null || group.isBlank()) {
      throw new IllegalArgumentException("group must not be blank");
    }
    requireLimit(limit);
    return db.inTransaction("list group", c -> {
      try (PreparedStatement ps = c.prepareStatement(GROUP)) {
        ps.setString(1, group);
        ps.setInt(2, limit);
        return List.copyOf(CommentRows.readAll(ps));
      }
    });
  }

  @Override
  public List<ModeratedScores> moderatedSince(Instant since, int limit) {
    Objects.requireNonNull(since, "since");
    if (limit < 1 || limit > MAX_MODERATED) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_MODERATED + ": " + limit);
    }
    return db.inTransaction("moderated scores", c -> {
      try (PreparedStatement ps = c.prepareStatement(MODERATED)) {
        CommentRows.setInstant(ps, 1, since);
        ps.setInt(2, limit);
        try (ResultSet rs = ps.executeQuery()) {
          List<ModeratedScores> moderated = new ArrayList<>();
          while (rs.next()) {
            Map<String, Object> explanation = JsonCodec.object(rs.getString("explanation"));
            moderated.add(new ModeratedScores(text(explanation.get("policy")), text(explanation.get("section")),
                JsonCodec.scores(rs.getString("scores")), "REJECTED".equals(rs.getString("status"))));
          }
          return List.copyOf(moderated);
        }
      }
    });
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s : null;
  }

  @Override
  public Map<CommentStatus, Long> counts() {
    return db.inTransaction("counts", c -> {
      Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
      for (CommentStatus status : CommentStatus.values()) {
        counts.put(status, 0L);
      }
      try (PreparedStatement ps = c.prepareStatement(COUNTS); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.put(CommentStatus.valueOf(rs.getString(1)), rs.getLong(2));
        }
      }
      return Map.copyOf(counts);
    });
  }

  @Override
  public HeldComment approve(String id, String moderator) {
    requireActor(moderator);
    return approve(id, Actor.named(moderator));
  }

  @Override
  public HeldComment approve(String id, Actor moderator) {
    return decide(id, moderator, CommentStatus.APPROVED, null);
  }

  @Override
  public HeldComment reject(String id, String moderator, String reason) {
    requireActor(moderator);
    return reject(id, Actor.named(moderator), reason);
  }

  @Override
  public HeldComment reject(String id, Actor moderator, String reason) {
    return decide(id, moderator, CommentStatus.REJECTED, reason);
  }

  @Override
  public BulkOutcome approveAll(List<String> ids, String moderator) {
    return BulkDecisions.decideEach(ids, id -> approve(id, moderator));
  }

  @Override
  public BulkOutcome rejectAll(List<String> ids, String moderator, String reason) {
    return BulkDecisions.decideEach(ids, id -> reject(id, moderator, reason));
  }

  @Override
  public BulkOutcome rejectPendingFrom(String posterKey, String moderator, String reason) {
    if (posterKey == null || posterKey.isBlank()) {
      throw new IllegalArgumentException("posterKey must not be blank");
    }
    requireActor(moderator);
    List<String> ids = db.inTransaction("pending of poster", c -> QueueQueries.pendingIds(c, posterKey, MAX_BULK));
    return ids.isEmpty() ? new BulkOutcome(List.of(), List.of(), List.of())
        : BulkDecisions.decideEach(ids, id -> reject(id, moderator, reason));
  }

  @Override
  public HeldComment undo(String id, String moderator) {
    Objects.requireNonNull(id, "id");
    requireActor(moderator);
    Instant now = clock.instant();
    return db.inTransaction(Reversals.UNDO, c -> Reversals.undo(c, id, moderator, now));
  }

  private HeldComment decide(String id, Actor moderator, CommentStatus target, String rejectReason) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(moderator, "moderator");
    String action = target == CommentStatus.APPROVED ? "approve" : "reject";
    Instant now = clock.instant();
    return db.inTransaction(action, c -> {
      HeldComment before = existing(c, id);
      int updated;
      try (PreparedStatement ps = c.prepareStatement(DECIDE)) {
        ps.setString(1, target.name());
        CommentRows.setInstant(ps, 2, now);
        ps.setString(3, moderator.name());
        ps.setString(4, rejectReason);
        // An approved comment is due for delivery at once.
        CommentRows.setInstant(ps, 5, target == CommentStatus.APPROVED ? now : null);
        ps.setString(6, id);
        updated = ps.executeUpdate();
      }
      if (updated == 0) {
        // Not (or no longer) decidable: someone else decided it first; say who.
        throw new DecisionConflictException(existing(c, id));
      }
      AuditLog.append(c, new AuditEvent(now, moderator.name(), moderator.address(), action, AuditTarget.comment(id),
          before.status(), target, rejectReason));
      return existing(c, id);
    });
  }

  @Override
  public Optional<ReleaseClaim> claimNextDelivery(Duration lease) {
    if (lease == null || lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive: " + lease);
    }
    Instant now = clock.instant();
    return db.inTransaction("claim", c -> claims.claim(c, now, now.plus(lease)));
  }

  @Override
  public boolean consumeReleaseNonce(String id, String nonce) {
    if (id == null || nonce == null || nonce.isEmpty()) {
      return false;
    }
    return db.inTransaction("consume nonce", c -> {
      try (PreparedStatement ps = c.prepareStatement(CONSUME_NONCE)) {
        ps.setString(1, id);
        ps.setString(2, nonce);
        CommentRows.setInstant(ps, 3, clock.instant());
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public void markDelivered(String id) {
    Objects.requireNonNull(id, "id");
    Instant now = clock.instant();
    db.inTransaction("mark delivered", c -> {
      try (PreparedStatement ps = c.prepareStatement(DELIVERED)) {
        CommentRows.setInstant(ps, 1, now);
        ps.setString(2, id);
        if (ps.executeUpdate() == 1) {
          AuditLog.append(c, new AuditEvent(now, AuditLog.RELEASE_ACTOR, "delivered", id,
              CommentStatus.APPROVED, CommentStatus.DELIVERED, null));
        } else {
          requireExists(c, id); // already delivered (idempotent) or no longer approved
        }
      }
      return null;
    });
  }

  @Override
  public void recordDeliveryFailure(String id, String error, Instant retryAt) {
    Objects.requireNonNull(id, "id");
    String message = AuditLog.truncate(error == null ? "unknown error" : error, MAX_ERROR);
    CommentStatus after = retryAt == null ? CommentStatus.DELIVERY_FAILED : CommentStatus.APPROVED;
    Instant now = clock.instant();
    db.inTransaction("record delivery failure", c -> {
      try (PreparedStatement ps = c.prepareStatement(FAILED)) {
        ps.setString(1, after.name());
        ps.setString(2, message);
        CommentRows.setInstant(ps, 3, retryAt);
        ps.setString(4, id);
        if (ps.executeUpdate() == 1) {
          String action = retryAt == null ? "delivery_failed" : "delivery_retry";
          AuditLog.append(c, new AuditEvent(now, AuditLog.RELEASE_ACTOR, action, id, CommentStatus.APPROVED,
              after, message));
        } else {
          requireExists(c, id); // delivered meanwhile (by the filter): nothing to record
        }
      }
      return null;
    });
  }

  /** The store's JDBC URL without user info or password, for log lines. */
  public String safeUrl() {
    return db.safeUrl();
  }

  /**
   * The release outbox's backlog, in one query that also proves the database answers (the health check).
   *
   * @param timeout the longest the query may run; the pool's own wait for a connection comes on top
   */
  public DeliveryBacklog deliveryBacklog(Duration timeout) {
    return db.inCheckedTransaction("delivery backlog", timeout, c -> {
      long approved = 0;
      long failed = 0;
      Instant oldest = null;
      try (PreparedStatement ps = c.prepareStatement(BACKLOG)) {
        ps.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            if ("APPROVED".equals(rs.getString(1))) {
              approved = rs.getLong("n");
              oldest = CommentRows.getInstant(rs, "oldest");
            } else {
              failed = rs.getLong("n");
            }
          }
        }
      }
      return new DeliveryBacklog(approved, failed, oldest);
    });
  }

  @Override
  public boolean recordDeliveryFailure(ReleaseClaim claim, String error, Instant retryAt) {
    Objects.requireNonNull(claim, "claim");
    String id = claim.comment().id();
    String message = AuditLog.truncate(error == null ? "unknown error" : error, MAX_ERROR);
    CommentStatus after = retryAt == null ? CommentStatus.DELIVERY_FAILED : CommentStatus.APPROVED;
    Instant now = clock.instant();
    return db.inTransaction("record delivery failure", c -> {
      try (PreparedStatement ps = c.prepareStatement(CLAIM_FAILED)) {
        ps.setString(1, after.name());
        ps.setString(2, message);
        CommentRows.setInstant(ps, 3, retryAt);
        ps.setString(4, id);
        CommentRows.setInstant(ps, 5, claim.leaseUntil());
        if (ps.executeUpdate() != 1) {
          return false; // delivered meanwhile, or the lease expired and another worker holds the comment
        }
        String action = retryAt == null ? "delivery_failed" : "delivery_retry";
        AuditLog.append(c, new AuditEvent(now, AuditLog.RELEASE_ACTOR, action, id, CommentStatus.APPROVED,
            after, message));
        return true;
      }
    });
  }

  @Override
  public void ping() {
    db.inTransaction("ping", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1"); ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new StoreException("store ping at " + db.safeUrl() + " returned no row");
        }
      }
      return null;
    });
  }

  /** The audit trail of one comment, oldest first. */
  public List<AuditEvent> auditTrail(String commentId) {
    Objects.requireNonNull(commentId, "commentId");
    return db.inTransaction("audit trail", c -> AuditLog.forComment(c, commentId));
  }

  private static HeldComment existing(Connection c, String id) throws SQLException {
    return CommentRows.find(c, id).orElseThrow(() -> new NoSuchElementException("no comment with id " + id));
  }

  private static void requireExists(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(EXISTS)) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NoSuchElementException("no comment with id " + id);
        }
      }
    }
  }

  /** Page sizes are bounded so that one request cannot read the whole table. */
  static void requireLimit(int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE + ": " + limit);
    }
  }

  private static void requireActor(String moderator) {
    if (moderator == null || moderator.isBlank()) {
      throw new IllegalArgumentException("moderator must not be blank");
    }
  }

  @Override
  public void close() {
    if (journaled != null) {
      journaled.close();
    }
    db.close();
  }
}
