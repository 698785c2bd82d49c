package dev.warden.plugin.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.plugin.StoreConfig;
import dev.warden.plugin.store.Article;
import dev.warden.plugin.store.CommentStatus;
import dev.warden.plugin.store.Decision;
import dev.warden.plugin.store.DecisionConflictException;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.NewComment;
import dev.warden.plugin.store.QueuePage;
import dev.warden.plugin.store.ReleaseClaim;
import dev.warden.plugin.store.Submission;
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
  void pingAnswersWhileOpen() {
    store.ping();
  }

  @Test
  void aClosedStoreFailsWithAStoreException() {
    store.close();

    assertThatThrownBy(() -> store.ping()).isInstanceOf(dev.warden.plugin.store.StoreException.class);
  }
}
