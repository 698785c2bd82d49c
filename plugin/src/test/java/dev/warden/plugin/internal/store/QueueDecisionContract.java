package dev.warden.plugin.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.plugin.store.AuditEvent;
import dev.warden.plugin.store.BulkOutcome;
import dev.warden.plugin.store.CommentStatus;
import dev.warden.plugin.store.DecisionConflictException;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.HeldCommentStore;
import dev.warden.plugin.store.PosterNote;
import dev.warden.plugin.store.PosterNotes;
import dev.warden.plugin.store.ReleaseClaim;
import dev.warden.plugin.store.Withdrawal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Bulk decisions, undo and notes on posters on every database the store runs on. */
abstract class QueueDecisionContract extends QueueStoreBase {
  static final Duration LEASE = Duration.ofSeconds(30);
  static final String UNKNOWN = "00000000-0000-0000-0000-000000000000";

  private HeldComment status(HeldComment c) {
    return store.find(c.id()).orElseThrow();
  }

  // ---- bulk ------------------------------------------------------------------------------------------------

  @Test
  void bulkApprovalDecidesEachAndReportsTheAlreadyDecidedAndTheMissing() {
    HeldComment a = comment().save();
    HeldComment b = comment().rejectedByPolicy().save();
    HeldComment taken = comment().save();
    store.reject(taken.id(), "ivan", "spam");

    BulkOutcome outcome = store.approveAll(List.of(a.id(), b.id(), taken.id(), UNKNOWN, a.id()), "maria");

    assertThat(outcome.decided()).extracting(HeldComment::id).containsExactly(a.id(), b.id());
    assertThat(outcome.decided()).allSatisfy(c -> {
      assertThat(c.status()).isEqualTo(CommentStatus.APPROVED);
      assertThat(c.decidedBy()).isEqualTo("maria");
    });
    assertThat(outcome.alreadyDecided()).singleElement().satisfies(c -> {
      assertThat(c.id()).isEqualTo(taken.id());
      assertThat(c.status()).isEqualTo(CommentStatus.REJECTED);
      assertThat(c.decidedBy()).isEqualTo("ivan");
    });
    assertThat(outcome.missing()).containsExactly(UNKNOWN);
    assertThat(status(taken).rejectReason()).isEqualTo("spam");
    assertThat(store.auditTrail(a.id())).extracting(AuditEvent::action).containsExactly("approve");
  }

  @Test
  void bulkRejectionKeepsTheReasonOnEach() {
    HeldComment a = comment().save();
    HeldComment b = comment().save();

    BulkOutcome outcome = store.rejectAll(List.of(a.id(), b.id()), "maria", "disinformation");

    assertThat(outcome.decided()).hasSize(2).allSatisfy(c -> {
      assertThat(c.status()).isEqualTo(CommentStatus.REJECTED);
      assertThat(c.rejectReason()).isEqualTo("disinformation");
    });
    assertThat(outcome.alreadyDecided()).isEmpty();
  }

  @Test
  void bulkRefusesNoIdsOrTooMany() {
    assertThatThrownBy(() -> store.approveAll(List.of(), "maria")).isInstanceOf(IllegalArgumentException.class);
    List<String> tooMany = Collections.nCopies(HeldCommentStore.MAX_BULK + 1, UNKNOWN);
    assertThatThrownBy(() -> store.rejectAll(tooMany, "maria", "spam"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("500");
  }

  @Test
  void rejectingAPostersPendingLeavesOtherPostersAndOtherStatusesAlone() {
    String ivan = "user:ivan";
    HeldComment first = comment().poster(ivan).at(T0).save();
    HeldComment second = comment().poster(ivan).at(T0.plusSeconds(1)).save();
    HeldComment policyRejected = comment().poster(ivan).rejectedByPolicy().save();
    HeldComment approved = comment().poster(ivan).save();
    store.approve(approved.id(), "ivan-the-moderator");
    HeldComment other = comment().poster("user:olena").save();

    BulkOutcome outcome = store.rejectPendingFrom(ivan, "maria", "spam");

    assertThat(outcome.decided()).extracting(HeldComment::id).containsExactly(first.id(), second.id());
    assertThat(outcome.decided()).allSatisfy(c -> assertThat(c.rejectReason()).isEqualTo("spam"));
    assertThat(status(policyRejected).status()).isEqualTo(CommentStatus.AUTO_REJECTED);
    assertThat(status(approved).status()).isEqualTo(CommentStatus.APPROVED);
    assertThat(status(other).status()).isEqualTo(CommentStatus.PENDING);
    assertThat(store.rejectPendingFrom(ivan, "maria", "spam").decided()).as("nothing left").isEmpty();
  }

  @Test
  void twoModeratorsRejectingOnePostersPendingDecideEachCommentOnce() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      ids.add(comment().poster("user:flood").at(T0.plusSeconds(i)).save().id());
    }
    JdbcCommentStore other = open(); // a second node on the same database
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      Future<BulkOutcome> maria = threads.submit(() -> {
        start.await();
        return store.rejectPendingFrom("user:flood", "maria", "spam");
      });
      Future<BulkOutcome> ivan = threads.submit(() -> {
        start.await();
        return other.approveAll(ids, "ivan");
      });
      start.countDown();
      BulkOutcome m = maria.get(30, TimeUnit.SECONDS);
      BulkOutcome i = ivan.get(30, TimeUnit.SECONDS);

      List<String> decided = new ArrayList<>();
      m.decided().forEach(c -> decided.add(c.id()));
      i.decided().forEach(c -> decided.add(c.id()));
      assertThat(decided).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(i.alreadyDecided()).allSatisfy(c -> assertThat(c.decidedBy()).isEqualTo("maria"));
      assertThat(m.alreadyDecided()).allSatisfy(c -> assertThat(c.decidedBy()).isEqualTo("ivan"));
      for (String id : ids) {
        assertThat(store.auditTrail(id)).as(id).hasSize(1);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  // ---- undo ------------------------------------------------------------------------------------------------

  @Test
  void undoingAnApprovalBeforeDeliveryPutsTheCommentBackInTheQueue() {
    HeldComment held = comment().save();
    store.approve(held.id(), "maria");
    clock.advance(Duration.ofMinutes(1));

    HeldComment undone = store.undo(held.id(), "ivan");

    assertThat(undone.status()).isEqualTo(CommentStatus.PENDING);
    assertThat(undone.decidedBy()).isNull();
    assertThat(undone.decidedAt()).isNull();
    assertThat(store.claimNextDelivery(LEASE)).as("out of the outbox").isEmpty();
    assertThat(store.auditTrail(held.id())).extracting(AuditEvent::action).containsExactly("approve", "undo");
    AuditEvent undo = store.auditTrail(held.id()).get(1);
    assertThat(undo.actor()).isEqualTo("ivan");
    assertThat(undo.before()).isEqualTo(CommentStatus.APPROVED);
    assertThat(undo.after()).isEqualTo(CommentStatus.PENDING);
    assertThat(undo.detail()).isEqualTo("undid approved by maria");

    store.approve(held.id(), "ivan");
    assertThat(store.claimNextDelivery(LEASE)).map(c -> c.comment().id()).contains(held.id());
  }

  @Test
  void anApprovalBeingDeliveredCannotBeUndoneUntilItsLeaseEnds() {
    HeldComment held = comment().save();
    store.approve(held.id(), "maria");
    ReleaseClaim claim = store.claimNextDelivery(LEASE).orElseThrow();

    assertThatThrownBy(() -> store.undo(held.id(), "ivan")).isInstanceOf(DecisionConflictException.class)
        .hasMessageContaining("being delivered");
    assertThat(status(held).status()).isEqualTo(CommentStatus.APPROVED);

    clock.advance(LEASE.plusSeconds(1));
    assertThat(store.undo(held.id(), "ivan").status()).isEqualTo(CommentStatus.PENDING);
    assertThat(store.consumeReleaseNonce(held.id(), claim.nonce())).as("the stale replay is refused").isFalse();
  }

  @Test
  void undoingARejectionOrAFailedDeliveryResetsTheDecisionAndTheAttempts() {
    HeldComment rejected = comment().save();
    store.reject(rejected.id(), "maria", "spam");
    HeldComment failed = comment().save();
    store.approve(failed.id(), "maria");
    store.claimNextDelivery(LEASE).orElseThrow();
    store.recordDeliveryFailure(failed.id(), "HTTP 500", null);

    HeldComment unrejected = store.undo(rejected.id(), "ivan");
    HeldComment unfailed = store.undo(failed.id(), "ivan");

    assertThat(unrejected.status()).isEqualTo(CommentStatus.PENDING);
    assertThat(unrejected.rejectReason()).isNull();
    assertThat(unfailed.status()).isEqualTo(CommentStatus.PENDING);
    assertThat(unfailed.deliveryAttempts()).isZero();
    assertThat(unfailed.lastDeliveryError()).isNull();
  }

  @Test
  void aCommentThePolicyRejectedGoesBackToAutoRejected() {
    HeldComment byPolicy = comment().rejectedByPolicy().save();
    store.approve(byPolicy.id(), "maria");

    assertThat(store.undo(byPolicy.id(), "maria").status()).isEqualTo(CommentStatus.AUTO_REJECTED);
  }

  @Test
  void aDeliveredCommentIsFlaggedForWithdrawalOnceAndStaysDelivered() {
    HeldComment held = comment().save();
    store.approve(held.id(), "maria");
    store.markDelivered(held.id());
    clock.advance(Duration.ofMinutes(3));

    HeldComment flagged = store.undo(held.id(), "ivan");
    clock.advance(Duration.ofMinutes(1));
    HeldComment again = store.undo(held.id(), "olga");

    assertThat(flagged.status()).isEqualTo(CommentStatus.DELIVERED);
    assertThat(flagged.withdrawal()).isEqualTo(new Withdrawal(clock.instant().minus(Duration.ofMinutes(1)), "ivan"));
    assertThat(again.withdrawal()).as("the first request stands").isEqualTo(flagged.withdrawal());
    assertThat(status(held).withdrawal()).isEqualTo(flagged.withdrawal());
    assertThat(store.auditTrail(held.id())).extracting(AuditEvent::action)
        .containsExactly("approve", "delivered", "withdraw_requested");
  }

  @Test
  void thereIsNothingToUndoOnAnUndecidedOrUnknownComment() {
    HeldComment pending = comment().save();
    HeldComment auto = comment().rejectedByPolicy().save();

    assertThatThrownBy(() -> store.undo(pending.id(), "maria")).isInstanceOf(DecisionConflictException.class)
        .hasMessageContaining("no decision to undo");
    assertThatThrownBy(() -> store.undo(auto.id(), "maria")).isInstanceOf(DecisionConflictException.class);
    assertThatThrownBy(() -> store.undo(UNKNOWN, "maria")).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> store.undo(pending.id(), " ")).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.auditTrail(pending.id())).isEmpty();
  }

  // ---- notes -----------------------------------------------------------------------------------------------

  @Test
  void notesAreListedNewestFirstPerPosterAndAudited() {
    PosterNotes notes = store.notes();
    PosterNote first = notes.add("user:ivan", "maria", "  Posts the same link under every war story.  ");
    clock.advance(Duration.ofMinutes(1));
    PosterNote second = notes.add("user:ivan", "olga", "<b>Warned</b> by email on 1 March");
    notes.add("user:olena", "maria", "Regular, usually fine");

    assertThat(notes.list("user:ivan", 10)).containsExactly(second, first);
    assertThat(first.text()).isEqualTo("Posts the same link under every war story.");
    assertThat(second.text()).isEqualTo("<b>Warned</b> by email on 1 March");
    assertThat(second.at()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
    assertThat(second.id()).isGreaterThan(first.id());
    assertThat(notes.list("user:ivan", 1)).containsExactly(second);
    assertThat(notes.list("user:nobody", 10)).isEmpty();
  }

  @Test
  void aNoteIsOneToAThousandCharactersOnAKeyOfAtMostTwoHundred() {
    PosterNotes notes = store.notes();
    String longest = "n".repeat(PosterNotes.MAX_TEXT);

    assertThat(notes.add("user:ivan", "maria", longest).text()).isEqualTo(longest);
    assertThatThrownBy(() -> notes.add("user:ivan", "maria", longest + "n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text").hasMessageContaining("1000");
    assertThatThrownBy(() -> notes.add("user:ivan", "maria", "   ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("text");
    assertThatThrownBy(() -> notes.add(" ", "maria", "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("posterKey");
    assertThatThrownBy(() -> notes.add("k".repeat(201), "maria", "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("posterKey");
    assertThatThrownBy(() -> notes.add("user:ivan", null, "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("author");
    assertThatThrownBy(() -> notes.list("user:ivan", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(notes.list("user:ivan", 10)).hasSize(1);
  }

  @Test
  void notesSurviveCloseAndReopen() {
    PosterNote note = store.notes().add("ip:2001:db8:1:2:0:0:0:0/64", "maria", "rotates addresses");
    store.close();

    assertThat(open().notes().list("ip:2001:db8:1:2:0:0:0:0/64", 5)).containsExactly(note);
  }
}
