package dev.warden.plugin.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.plugin.StoreConfig;
import dev.warden.plugin.store.Article;
import dev.warden.plugin.store.AuditEvent;
import dev.warden.plugin.store.CommentStatus;
import dev.warden.plugin.store.Decision;
import dev.warden.plugin.store.DecisionConflictException;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.NewComment;
import dev.warden.plugin.store.PosterSuspensions;
import dev.warden.plugin.store.QueuePage;
import dev.warden.plugin.store.ReleaseClaim;
import dev.warden.plugin.store.Submission;
import dev.warden.plugin.store.Suspension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link JdbcCommentStore} database must show. Subclasses provide a fresh, empty database per
 * test and drop it afterwards.
 */
abstract class CommentStoreContract {
  static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
  static final Duration LEASE = Duration.ofSeconds(30);
  static final String SPAMMER = "ip:203.0.113.66";

  private final List<JdbcCommentStore> opened = new ArrayList<>();
  protected final MutableClock clock = new MutableClock(T0);
  protected StoreConfig config;
  protected JdbcCommentStore store;

  /** A fresh, empty database for one test. */
  protected abstract StoreConfig createDatabase() throws Exception;

  /** Drops what {@link #createDatabase()} made; every store is closed by then. */
  protected abstract void dropDatabase() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    config = createDatabase();
    store = open();
  }

  @AfterEach
  void closeStores() throws Exception {
    opened.forEach(JdbcCommentStore::close);
    dropDatabase();
  }

  protected JdbcCommentStore open() {
    JdbcCommentStore s = JdbcCommentStore.open(config, clock);
    opened.add(s);
    return s;
  }

  private HeldComment held(String text, Instant at) {
    return store.save(Comments.held("war-in-sudan", text, at));
  }

  @Test
  void savedCommentIsFoundExactlyAsItWasGiven() {
    byte[] body = {0, 1, 2, (byte) 0xff, (byte) 0xfe, 'x'}; // not valid UTF-8: kept as bytes
    NewComment comment = new NewComment("war-in-sudan", "user:42", "Олена", "Слава 🇺🇦",
        new Submission("POST", "/articles/war-in-sudan/comments?x=1", null, body),
        Map.of("abuse", 0.1 + 0.2), Map.of("model", "m1", "terms", List.of("a", "b"), "n", 3),
        Decision.HOLD, "disinformation", Instant.parse("2026-03-01T10:15:30.123456789Z"));

    HeldComment saved = store.save(comment);

    assertThat(saved.id()).matches("[0-9a-f-]{36}");
    assertThat(saved.status()).isEqualTo(CommentStatus.PENDING);
    assertThat(saved.receivedAt()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123456Z"));
    assertThat(saved.submission()).isEqualTo(comment.submission());
    assertThat(saved.scores()).containsExactly(Map.entry("abuse", 0.1 + 0.2));
    assertThat(saved.explanation()).isEqualTo(comment.explanation());
    assertThat(saved.decidedBy()).isNull();
    assertThat(saved.decidedAt()).isNull();
    assertThat(store.find(saved.id())).contains(saved);
  }

  @Test
  void anExplanationWithATimeIsStoredAsIsoText() {
    NewComment base = Comments.held("war-in-sudan", "x", T0);
    NewComment withTime = new NewComment(base.articleId(), base.posterKey(), base.author(), base.text(),
        base.submission(), base.scores(), Map.of("trainedAt", Instant.parse("2026-01-02T03:04:05Z")),
        base.decision(), base.reason(), base.receivedAt());

    assertThat(store.save(withTime).explanation()).containsEntry("trainedAt", "2026-01-02T03:04:05Z");
  }

  @Test
  void aRejectedCommentIsStoredAsAutoRejected() {
    HeldComment saved = store.save(Comments.rejected("war-in-sudan", "bad", T0));

    assertThat(saved.status()).isEqualTo(CommentStatus.AUTO_REJECTED);
    assertThat(saved.decision()).isEqualTo(Decision.REJECT);
  }

  @Test
  void unknownIdIsNotFound() {
    assertThat(store.find("00000000-0000-0000-0000-000000000000")).isEmpty();
  }

  @Test
  void listPagesNewestFirstWithTheTotal() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(held("comment " + i, T0.plusSeconds(i)).id());
    }
    store.save(Comments.rejected("war-in-sudan", "other status", T0.plusSeconds(99)));
    Collections.reverse(ids);

    QueuePage first = store.list(CommentStatus.PENDING, 2, 0);
    QueuePage last = store.list(CommentStatus.PENDING, 2, 4);

    assertThat(first.total()).isEqualTo(5);
    assertThat(first.items()).extracting(HeldComment::id).containsExactly(ids.get(0), ids.get(1));
    assertThat(last.items()).extracting(HeldComment::id).containsExactly(ids.get(4));
    assertThat(store.list(CommentStatus.APPROVED, 10, 0)).isEqualTo(new QueuePage(List.of(), 0));
  }

  @Test
  void listRefusesABadPage() {
    assertThatThrownBy(() -> store.list(CommentStatus.PENDING, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.list(CommentStatus.PENDING, 10, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void countsHaveEveryStatusEvenWhenZero() {
    held("a", T0);
    held("b", T0);
    store.save(Comments.rejected("war-in-sudan", "c", T0));

    Map<CommentStatus, Long> counts = store.counts();

    assertThat(counts).containsOnlyKeys(CommentStatus.values());
    assertThat(counts.get(CommentStatus.PENDING)).isEqualTo(2);
    assertThat(counts.get(CommentStatus.AUTO_REJECTED)).isEqualTo(1);
    assertThat(counts.get(CommentStatus.DELIVERED)).isZero();
  }

  @Test
  void approvalRecordsWhoAndWhenAndMakesTheCommentDue() {
    HeldComment saved = held("fine", T0);
    clock.advance(Duration.ofMinutes(5));

    HeldComment approved = store.approve(saved.id(), "maria");

    assertThat(approved.status()).isEqualTo(CommentStatus.APPROVED);
    assertThat(approved.decidedBy()).isEqualTo("maria");
    assertThat(approved.decidedAt()).isEqualTo(clock.instant());
    assertThat(approved.version()).isGreaterThan(saved.version());
    assertThat(store.claimNextDelivery(LEASE)).map(c -> c.comment().id()).contains(saved.id());
  }

  @Test
  void anAutoRejectedCommentCanStillBeApproved() {
    HeldComment saved = store.save(Comments.rejected("war-in-sudan", "borderline", T0));

    assertThat(store.approve(saved.id(), "maria").status()).isEqualTo(CommentStatus.APPROVED);
  }

  @Test
  void rejectionKeepsTheReasonAndIsNeverDelivered() {
    HeldComment saved = held("abusive", T0);

    HeldComment rejected = store.reject(saved.id(), "maria", "insults another reader");

    assertThat(rejected.status()).isEqualTo(CommentStatus.REJECTED);
    assertThat(rejected.rejectReason()).isEqualTo("insults another reader");
    assertThat(rejected.decidedBy()).isEqualTo("maria");
    assertThat(store.claimNextDelivery(LEASE)).isEmpty();
  }

  @Test
  void aSecondDecisionConflictsAndNamesWhoDecided() {
    HeldComment saved = held("x", T0);
    store.approve(saved.id(), "maria");

    assertThatThrownBy(() -> store.reject(saved.id(), "ivan", "no"))
        .isInstanceOf(DecisionConflictException.class)
        .hasMessageContaining("approved")
        .hasMessageContaining("maria")
        .satisfies(e -> assertThat(((DecisionConflictException) e).current().status())
            .isEqualTo(CommentStatus.APPROVED));
    assertThatThrownBy(() -> store.approve(saved.id(), "ivan")).isInstanceOf(DecisionConflictException.class);
    assertThat(store.find(saved.id()).orElseThrow().decidedBy()).isEqualTo("maria");
  }

  @Test
  void decidingAnUnknownCommentIsNoSuchElement() {
    String unknown = "00000000-0000-0000-0000-000000000000";

    assertThatThrownBy(() -> store.approve(unknown, "maria")).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> store.reject(unknown, "maria", "r")).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> store.markDelivered(unknown)).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> store.recordDeliveryFailure(unknown, "e", null))
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void twoModeratorsRacingExactlyOneWins() throws Exception {
    JdbcCommentStore other = open(); // a second node on the same database
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        String id = held("race " + round, T0).id();
        CountDownLatch start = new CountDownLatch(1);
        Future<String> maria = threads.submit(decision(start, () -> store.approve(id, "maria")));
        Future<String> ivan = threads.submit(decision(start, () -> other.reject(id, "ivan", "no")));
        start.countDown();

        List<String> outcomes = List.of(maria.get(10, TimeUnit.SECONDS), ivan.get(10, TimeUnit.SECONDS));
        assertThat(outcomes).containsOnlyOnce("won");
        String winner = outcomes.get(0).equals("won") ? "maria" : "ivan";
        assertThat(outcomes).contains("conflict with " + winner);
        assertThat(store.find(id).orElseThrow().decidedBy()).isEqualTo(winner);
        assertThat(store.auditTrail(id)).hasSize(1);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static Callable<String> decision(CountDownLatch start, Callable<HeldComment> decide) {
    return () -> {
      start.await();
      try {
        decide.call();
        return "won";
      } catch (DecisionConflictException e) {
        return "conflict with " + e.current().decidedBy();
      }
    };
  }

  @Test
  void aClaimLeasesTheOldestDueCommentWithAFreshNonce() {
    HeldComment older = held("older", T0);
    HeldComment newer = held("newer", T0.plusSeconds(1));
    held("still pending", T0.minusSeconds(10));
    store.approve(newer.id(), "maria");
    store.approve(older.id(), "maria");

    ReleaseClaim first = store.claimNextDelivery(LEASE).orElseThrow();
    ReleaseClaim second = store.claimNextDelivery(LEASE).orElseThrow();

    assertThat(first.comment().id()).isEqualTo(older.id());
    assertThat(second.comment().id()).isEqualTo(newer.id());
    assertThat(first.leaseUntil()).isEqualTo(clock.instant().plus(LEASE));
    assertThat(first.nonce()).matches("[A-Za-z0-9_-]{32}").isNotEqualTo(second.nonce());
    assertThat(first.comment().submission()).isEqualTo(older.submission());
    assertThat(store.claimNextDelivery(LEASE)).as("both leased").isEmpty();
  }

  @Test
  void anExpiredLeaseCanBeClaimedAgainAndTheOldNonceDies() {
    String id = held("x", T0).id();
    store.approve(id, "maria");
    ReleaseClaim dead = store.claimNextDelivery(LEASE).orElseThrow();

    clock.advance(LEASE.minusSeconds(1));
    assertThat(store.claimNextDelivery(LEASE)).as("lease still held").isEmpty();
    clock.advance(Duration.ofSeconds(2));
    ReleaseClaim retaken = store.claimNextDelivery(LEASE).orElseThrow();

    assertThat(retaken.comment().id()).isEqualTo(id);
    assertThat(store.consumeReleaseNonce(id, dead.nonce())).isFalse();
    assertThat(store.consumeReleaseNonce(id, retaken.nonce())).isTrue();
  }

  @Test
  void aReplayArrivingAfterItsLeaseExpiredIsRefusedEvenBeforeATakeover() {
    String id = held("x", T0).id();
    store.approve(id, "maria");
    ReleaseClaim slow = store.claimNextDelivery(LEASE).orElseThrow();

    clock.advance(LEASE.plusSeconds(1));

    assertThat(store.consumeReleaseNonce(id, slow.nonce()))
        .as("another worker may be claiming it right now").isFalse();
    assertThat(store.claimNextDelivery(LEASE)).map(c -> c.comment().id()).contains(id);
  }

  @Test
  void aWorkerWhoseLeaseWasTakenOverCannotClearTheNewClaim() {
    String id = held("x", T0).id();
    store.approve(id, "maria");
    ReleaseClaim stale = store.claimNextDelivery(LEASE).orElseThrow();
    clock.advance(LEASE.plusSeconds(1));
    ReleaseClaim current = store.claimNextDelivery(LEASE).orElseThrow();

    boolean recorded = store.recordDeliveryFailure(stale, "timeout", clock.instant());

    assertThat(recorded).isFalse();
    HeldComment now = store.find(id).orElseThrow();
    assertThat(now.deliveryAttempts()).isZero();
    assertThat(store.claimNextDelivery(LEASE)).as("still leased to the new worker").isEmpty();
    assertThat(store.consumeReleaseNonce(id, current.nonce())).isTrue();
  }

  @Test
  void aFailureOfTheCurrentClaimIsCountedAndFreesTheComment() {
    String id = held("x", T0).id();
    store.approve(id, "maria");
    ReleaseClaim claim = store.claimNextDelivery(LEASE).orElseThrow();

    boolean recorded = store.recordDeliveryFailure(claim, "HTTP 503", clock.instant());

    assertThat(recorded).isTrue();
    assertThat(store.find(id).orElseThrow().deliveryAttempts()).isEqualTo(1);
    assertThat(store.claimNextDelivery(LEASE)).as("due again at once, lease cleared").isPresent();
  }

  @Test
  void concurrentWorkersNeverClaimTheSameComment() throws Exception {
    List<String> approved = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String id = held("c" + i, T0.plusSeconds(i)).id();
      store.approve(id, "maria");
      approved.add(id);
    }
    List<JdbcCommentStore> nodes = List.of(store, open(), open());
    Map<String, Integer> claimed = new ConcurrentHashMap<>();
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> workers = new ArrayList<>();
      for (JdbcCommentStore node : nodes) {
        workers.add(threads.submit(() -> {
          start.await();
          for (Optional<ReleaseClaim> c = node.claimNextDelivery(LEASE); c.isPresent();
              c = node.claimNextDelivery(LEASE)) {
            claimed.merge(c.get().comment().id(), 1, Integer::sum);
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> w : workers) {
        w.get(30, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(claimed).containsOnlyKeys(approved);
    assertThat(claimed.values()).containsOnly(1);
  }

  @Test
  void aReleaseNonceIsSingleUse() {
    String id = held("x", T0).id();
    store.approve(id, "maria");
    ReleaseClaim claim = store.claimNextDelivery(LEASE).orElseThrow();

    assertThat(store.consumeReleaseNonce(id, "wrong-nonce")).isFalse();
    assertThat(store.consumeReleaseNonce(id, claim.nonce())).isTrue();
    assertThat(store.consumeReleaseNonce(id, claim.nonce())).as("replayed").isFalse();
  }

  @Test
  void aNonceIsRefusedForACommentThatIsNotApproved() {
    String pending = held("x", T0).id();
    String other = held("y", T0).id();
    store.approve(other, "maria");
    ReleaseClaim claim = store.claimNextDelivery(LEASE).orElseThrow();

    assertThat(store.consumeReleaseNonce(pending, claim.nonce())).as("another comment's nonce").isFalse();
    store.markDelivered(other);
    assertThat(store.consumeReleaseNonce(other, claim.nonce())).as("already delivered").isFalse();
    assertThat(store.consumeReleaseNonce(other, null)).isFalse();
  }

  @Test
  void deliveryIsMarkedOnceAndIdempotently() {
    String id = held("x", T0).id();
    store.approve(id, "maria");
    store.claimNextDelivery(LEASE).orElseThrow();

    store.markDelivered(id);
    store.markDelivered(id);

    assertThat(store.find(id).orElseThrow().status()).isEqualTo(CommentStatus.DELIVERED);
    assertThat(store.auditTrail(id)).extracting(AuditEvent::action).containsExactly("approve", "delivered");
    clock.advance(LEASE.multipliedBy(2));
    assertThat(store.claimNextDelivery(LEASE)).isEmpty();
  }

  @Test
  void aFailedDeliveryIsRetriedAtTheGivenTimeThenGivesUp() {
    String id = held("x", T0).id();
    store.approve(id, "maria");
    store.claimNextDelivery(LEASE).orElseThrow();

    store.recordDeliveryFailure(id, "HTTP 500 " + "x".repeat(5000), clock.instant().plusSeconds(2));

    HeldComment retrying = store.find(id).orElseThrow();
    assertThat(retrying.status()).isEqualTo(CommentStatus.APPROVED);
    assertThat(retrying.deliveryAttempts()).isEqualTo(1);
    assertThat(retrying.lastDeliveryError()).startsWith("HTTP 500").hasSizeLessThanOrEqualTo(2000);
    assertThat(store.claimNextDelivery(LEASE)).as("not due yet, lease cleared").isEmpty();
    clock.advance(Duration.ofSeconds(2));
    store.claimNextDelivery(LEASE).orElseThrow();

    store.recordDeliveryFailure(id, "HTTP 502", null);

    HeldComment failed = store.find(id).orElseThrow();
    assertThat(failed.status()).isEqualTo(CommentStatus.DELIVERY_FAILED);
    assertThat(failed.deliveryAttempts()).isEqualTo(2);
    assertThat(failed.lastDeliveryError()).isEqualTo("HTTP 502");
    clock.advance(Duration.ofDays(1));
    assertThat(store.claimNextDelivery(LEASE)).isEmpty();
  }

  @Test
  void aFailureReportedAfterDeliveryChangesNothing() {
    String id = held("x", T0).id();
    store.approve(id, "maria");
    store.markDelivered(id);

    store.recordDeliveryFailure(id, "timeout", null);

    assertThat(store.find(id).orElseThrow().status()).isEqualTo(CommentStatus.DELIVERED);
  }

  @Test
  void everyDecisionAndDeliveryOutcomeIsAudited() {
    String delivered = held("a", T0).id();
    String rejected = held("b", T0).id();
    store.approve(delivered, "maria");
    store.recordDeliveryFailure(delivered, "HTTP 500", clock.instant());
    store.recordDeliveryFailure(delivered, "HTTP 500", null);
    store.reject(rejected, "ivan", "spam");

    List<AuditEvent> trail = store.auditTrail(delivered);

    assertThat(trail).extracting(AuditEvent::action)
        .containsExactly("approve", "delivery_retry", "delivery_failed");
    assertThat(trail.get(0)).isEqualTo(new AuditEvent(T0, "maria", "approve", delivered,
        CommentStatus.PENDING, CommentStatus.APPROVED, null));
    assertThat(trail.get(2).after()).isEqualTo(CommentStatus.DELIVERY_FAILED);
    assertThat(trail.get(2).actor()).isEqualTo("warden-release");
    assertThat(store.auditTrail(rejected)).singleElement()
        .isEqualTo(new AuditEvent(T0, "ivan", "reject", rejected, CommentStatus.PENDING, CommentStatus.REJECTED,
            "spam"));
  }

  @Test
  void articlesArePutFoundAndReplaced() {
    Article war = new Article("war-in-sudan", "War in Sudan", "world", List.of("sudan", "conflict"), true);
    Article sport = new Article("cup-final", "Cup final", "sport", List.of(), null);

    store.articles().put(war);
    store.articles().put(sport);
    store.articles().put(new Article("war-in-sudan", "War in Sudan, day 2", "world", List.of("sudan"), false));

    assertThat(store.articles().find("war-in-sudan"))
        .contains(new Article("war-in-sudan", "War in Sudan, day 2", "world", List.of("sudan"), false));
    assertThat(store.articles().find("cup-final")).contains(sport);
    assertThat(store.articles().find("nope")).isEmpty();
  }

  @Test
  void dataSurvivesCloseAndReopen() {
    HeldComment saved = held("durable", T0);
    store.approve(saved.id(), "maria");
    store.articles().put(new Article("war-in-sudan", "t", "world", List.of("a"), true));
    store.close();

    JdbcCommentStore reopened = open();

    assertThat(reopened.find(saved.id()).orElseThrow().status()).isEqualTo(CommentStatus.APPROVED);
    assertThat(reopened.articles().find("war-in-sudan")).isPresent();
    assertThat(reopened.auditTrail(saved.id())).hasSize(1);
  }

  @Test
  void aCommentKeepsItsCoordinatedGroup() {
    String group = "a".repeat(64);

    HeldComment grouped = store.save(Comments.inGroup(group, "same text", T0, false));
    HeldComment single = held("own words", T0);

    assertThat(grouped.group()).isEqualTo(group);
    assertThat(store.find(grouped.id())).contains(grouped);
    assertThat(single.group()).isNull();
    assertThat(store.find(single.id()).orElseThrow().group()).isNull();
  }

  @Test
  void aGroupIsKeptThroughDecisionsAndClaims() {
    String id = store.save(Comments.inGroup("g1", "same text", T0, false)).id();

    assertThat(store.approve(id, "maria").group()).isEqualTo("g1");
    assertThat(store.claimNextDelivery(LEASE).orElseThrow().comment().group()).isEqualTo("g1");
  }

  @Test
  void aBlankOrOverlongGroupIsRefusedBeforeTheDatabase() {
    assertThatThrownBy(() -> Comments.inGroup("a".repeat(65), "x", T0, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group").hasMessageContaining("64");
    assertThatThrownBy(() -> Comments.inGroup(" ", "x", T0, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group");
  }

  @Test
  void listGroupHasTheGroupsCommentsInAnyStatusNewestFirst() {
    String oldest = store.save(Comments.inGroup("g1", "same", T0, false)).id();
    String rejected = store.save(Comments.inGroup("g1", "same", T0.plusSeconds(1), true)).id();
    String approved = store.save(Comments.inGroup("g1", "same", T0.plusSeconds(2), false)).id();
    store.approve(approved, "maria");
    store.save(Comments.inGroup("g2", "other", T0.plusSeconds(3), false));
    held("no group", T0.plusSeconds(4));

    assertThat(store.listGroup("g1", 10)).extracting(HeldComment::id).containsExactly(approved, rejected, oldest);
    assertThat(store.listGroup("g1", 2)).extracting(HeldComment::id).containsExactly(approved, rejected);
    assertThat(store.listGroup("g1", 10).get(0).status()).isEqualTo(CommentStatus.APPROVED);
    assertThat(store.listGroup("unknown", 10)).isEmpty();
  }

  @Test
  void listGroupRefusesABlankGroupOrABadLimit() {
    assertThatThrownBy(() -> store.listGroup(" ", 10)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("group");
    assertThatThrownBy(() -> store.listGroup(null, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.listGroup("g1", 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> store.listGroup("g1", JdbcCommentStore.MAX_PAGE + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSuspendedPosterIsFoundUntilTheSuspensionEnds() {
    Instant until = T0.plus(Duration.ofHours(1));

    Suspension suspension = suspensions().suspend(SPAMMER, until, "  spam wave  ", "maria");

    assertThat(suspension).isEqualTo(new Suspension(SPAMMER, T0, until, "spam wave", "maria"));
    assertThat(suspensions().find(SPAMMER, T0)).contains(suspension);
    assertThat(suspensions().find(SPAMMER, until.minusNanos(1000))).contains(suspension);
    assertThat(suspensions().find(SPAMMER, until)).as("ended").isEmpty();
    assertThat(suspensions().find("ip:198.51.100.1", T0)).isEmpty();
  }

  @Test
  void anExpiredSuspensionIsNeitherFoundNorActiveNorLiftable() {
    suspensions().suspend(SPAMMER, T0.plus(Duration.ofMinutes(10)), "", "maria");
    clock.advance(Duration.ofMinutes(10));

    assertThat(suspensions().find(SPAMMER, clock.instant())).isEmpty();
    assertThat(suspensions().active(clock.instant(), 10)).isEmpty();
    assertThat(suspensions().lift(SPAMMER, "ivan")).isFalse();
  }

  @Test
  void liftingEndsASuspensionNowAndSaysWhetherOneWasInForce() throws SQLException {
    suspensions().suspend(SPAMMER, T0.plus(Duration.ofDays(1)), "spam wave", "maria");
    clock.advance(Duration.ofMinutes(5));

    assertThat(suspensions().lift(SPAMMER, "ivan")).isTrue();

    assertThat(suspensions().find(SPAMMER, clock.instant())).isEmpty();
    assertThat(suspensions().find(SPAMMER, T0)).as("a lifted suspension is never in force again").isEmpty();
    assertThat(suspensions().active(T0, 10)).isEmpty();
    assertThat(suspensions().lift(SPAMMER, "ivan")).as("already lifted").isFalse();
    assertThat(suspensions().lift("user:never-suspended", "ivan")).isFalse();
    assertThat(posterAudit()).containsExactly(
        "maria suspend poster " + SPAMMER + " until " + T0.plus(Duration.ofDays(1)) + ": spam wave",
        "ivan lift poster " + SPAMMER + " null");
  }

  @Test
  void suspendingAgainReplacesThePreviousSuspensionEvenALiftedOne() {
    suspensions().suspend(SPAMMER, T0.plus(Duration.ofHours(1)), "first", "maria");
    clock.advance(Duration.ofMinutes(1));
    Instant later = T0.plus(Duration.ofDays(2));

    Suspension replaced = suspensions().suspend(SPAMMER, later, "second", "ivan");

    assertThat(replaced).isEqualTo(new Suspension(SPAMMER, clock.instant(), later, "second", "ivan"));
    assertThat(suspensions().find(SPAMMER, clock.instant())).contains(replaced);
    assertThat(suspensions().lift(SPAMMER, "maria")).isTrue();
    clock.advance(Duration.ofMinutes(1));

    Suspension again = suspensions().suspend(SPAMMER, later, "third", "maria");

    assertThat(suspensions().find(SPAMMER, clock.instant())).contains(again);
    assertThat(suspensions().active(clock.instant(), 10)).containsExactly(again);
  }

  @Test
  void activeListsSuspensionsInForceEndingSoonestFirstUpToTheLimit() {
    Suspension week = suspensions().suspend("user:week", T0.plus(Duration.ofDays(7)), "", "maria");
    Suspension hour = suspensions().suspend("user:hour", T0.plus(Duration.ofHours(1)), "", "maria");
    Suspension day = suspensions().suspend("user:day", T0.plus(Duration.ofDays(1)), "", "maria");
    suspensions().suspend("user:minute", T0.plus(Duration.ofMinutes(1)), "", "maria");
    suspensions().suspend("user:lifted", T0.plus(Duration.ofDays(3)), "", "maria");
    suspensions().lift("user:lifted", "ivan");
    Instant now = T0.plus(Duration.ofMinutes(2));

    assertThat(suspensions().active(now, 10)).containsExactly(hour, day, week);
    assertThat(suspensions().active(now, 2)).containsExactly(hour, day);
    assertThatThrownBy(() -> suspensions().active(now, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
  }

  @Test
  void badSuspensionArgumentsAreRefusedNamingTheArgument() {
    Instant later = T0.plus(Duration.ofHours(1));

    assertRefused(() -> suspensions().suspend(" ", later, "", "maria"), "posterKey");
    assertRefused(() -> suspensions().suspend(null, later, "", "maria"), "posterKey");
    assertRefused(() -> suspensions().suspend("u".repeat(201), later, "", "maria"), "posterKey");
    assertRefused(() -> suspensions().suspend(SPAMMER, T0, "", "maria"), "until");
    assertRefused(() -> suspensions().suspend(SPAMMER, T0.minusSeconds(1), "", "maria"), "until");
    assertRefused(() -> suspensions().suspend(SPAMMER, null, "", "maria"), "until");
    assertRefused(() -> suspensions().suspend(SPAMMER, later, "r".repeat(501), "maria"), "reason");
    assertRefused(() -> suspensions().suspend(SPAMMER, later, "", " "), "suspendedBy");
    assertRefused(() -> suspensions().suspend(SPAMMER, later, "", "m".repeat(101)), "suspendedBy");
    assertRefused(() -> suspensions().lift(SPAMMER, (String) null), "liftedBy");
    assertRefused(() -> suspensions().lift("", "maria"), "posterKey");
    assertRefused(() -> suspensions().find(" ", T0), "posterKey");
    assertThat(suspensions().active(T0, 10)).as("nothing stored").isEmpty();
  }

  @Test
  void theLongestKeyAndReasonFitAndLongerKeysAreNeverSuspended() {
    String longest = "u".repeat(200);
    String reason = "r".repeat(500);

    suspensions().suspend(longest, T0.plusSeconds(60), "  " + reason + "  ", "m".repeat(100));

    assertThat(suspensions().find(longest, T0)).map(Suspension::reason).contains(reason);
    assertThat(suspensions().find(longest + "u", T0)).isEmpty();
    assertThat(suspensions().lift(longest + "u", "maria")).isFalse();
  }

  @Test
  void nodesRacingToSuspendANewKeyAllSucceedAndOneOfThemWins() throws Exception {
    List<JdbcCommentStore> nodes = List.of(store, open(), open(), open());
    ExecutorService threads = Executors.newFixedThreadPool(nodes.size());
    try {
      for (int round = 0; round < 10; round++) {
        String key = "ip:192.0.2." + round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Suspension>> racers = new ArrayList<>();
        for (int n = 0; n < nodes.size(); n++) {
          PosterSuspensions node = nodes.get(n).suspensions();
          Instant until = T0.plus(Duration.ofHours(n + 1));
          racers.add(threads.submit(() -> {
            start.await();
            return node.suspend(key, until, "race", "moderator" + until.getEpochSecond());
          }));
        }
        start.countDown();
        List<Suspension> results = new ArrayList<>();
        for (Future<Suspension> racer : racers) {
          results.add(racer.get(30, TimeUnit.SECONDS));
        }
        assertThat(results).contains(suspensions().find(key, T0).orElseThrow());
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(suspensions().active(T0, 100)).hasSize(10);
  }

  @Test
  void suspensionsSurviveCloseAndReopen() {
    Suspension kept = suspensions().suspend(SPAMMER, T0.plus(Duration.ofDays(1)), "spam wave", "maria");
    suspensions().suspend("user:lifted", T0.plus(Duration.ofDays(1)), "", "maria");
    suspensions().lift("user:lifted", "ivan");
    store.close();

    PosterSuspensions reopened = open().suspensions();

    assertThat(reopened.find(SPAMMER, T0)).contains(kept);
    assertThat(reopened.find("user:lifted", T0)).isEmpty();
    assertThat(reopened.active(T0, 10)).containsExactly(kept);
  }

  private PosterSuspensions suspensions() {
    return store.suspensions();
  }

  private static void assertRefused(ThrowingCallable call, String argument) {
    assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(argument);
  }

  /** The audit rows about posters (no comment), as "actor action target_type target detail", oldest first. */
  private List<String> posterAudit() throws SQLException {
    try (Connection c = DriverManager.getConnection(config.url());
        PreparedStatement ps = c.prepareStatement("SELECT actor, action, target_type, target, detail"
            + " FROM warden_audit_event WHERE comment_id IS NULL ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString("actor") + " " + rs.getString("action") + " " + rs.getString("target_type") + " "
            + rs.getString("target") + " " + rs.getString("detail"));
      }
      return rows;
    }
  }

  @Test
  void pingAnswersWhileOpen() {
    store.ping();
  }

  @Test
  void aClosedStoreFailsWithAStoreException() {
    store.close();

    assertThatThrownBy(() -> store.ping()).isInstanceOf(dev.warden.plugin.store.StoreException.class);
  }
}
