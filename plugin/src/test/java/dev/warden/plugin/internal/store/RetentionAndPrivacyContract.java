package dev.warden.plugin.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.plugin.RetentionConfig;
import dev.warden.plugin.store.Actor;
import dev.warden.plugin.store.AuditEvent;
import dev.warden.plugin.store.AuditQuery;
import dev.warden.plugin.store.CommentStatus;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.NewComment;
import dev.warden.plugin.store.PosterData;
import dev.warden.plugin.store.PosterErasure;
import dev.warden.plugin.store.QueueQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The retention purge and a poster's data on request, on every database: the purge deletes exactly the decided
 * comments older than the cut-off, in batches; an export holds exactly one poster's data; an erasure leaves nothing
 * of it, and is audited without the key.
 */
abstract class RetentionAndPrivacyContract extends StoreFixture {
  static final String ALICE = "ip:203.0.113.7";
  static final String BOB = "user:bob";
  static final Duration KEEP = Duration.ofDays(90);

  private HeldComment held(String poster, String text) {
    return store.save(as(poster, Comments.held("war-in-sudan", text, clock.instant())));
  }

  private HeldComment autoRejected(String text) {
    return store.save(Comments.rejected("war-in-sudan", text, clock.instant()));
  }

  private static NewComment as(String poster, NewComment c) {
    return new NewComment(c.articleId(), poster, c.author(), c.text(), c.submission(), c.scores(), c.explanation(),
        c.decision(), c.reason(), c.receivedAt(), c.group());
  }

  private HeldComment delivered(String text) {
    HeldComment c = held(ALICE, text);
    store.approve(c.id(), "maria");
    store.markDelivered(c.id());
    return c;
  }

  private HeldComment rejected(String text) {
    HeldComment c = held(ALICE, text);
    store.reject(c.id(), "maria", "insult");
    return c;
  }

  /** Approved and given up by the outbox; must be the only approved comment when called. */
  private HeldComment deliveryFailed(String text) {
    HeldComment c = held(ALICE, text);
    store.approve(c.id(), "maria");
    assertThat(store.claimNextDelivery(Duration.ofSeconds(30)).orElseThrow().comment().id()).isEqualTo(c.id());
    store.recordDeliveryFailure(c.id(), "site down", null);
    return c;
  }

  private Set<String> storedIds() {
    return java.util.Arrays.stream(CommentStatus.values())
        .flatMap(s -> store.list(QueueQuery.builder(s).limit(1000).build()).items().stream())
        .map(HeldComment::id).collect(Collectors.toSet());
  }

  @Test
  void thePurgeDeletesExactlyTheDecidedCommentsOlderThanTheCutOffInBatches() {
    HeldComment oldFailed = deliveryFailed("old, given up");
    HeldComment oldPending = held(ALICE, "old, still waiting for a moderator");
    HeldComment oldApproved = held(ALICE, "old, approved, not yet delivered");
    store.approve(oldApproved.id(), "maria");
    HeldComment oldDelivered = delivered("old, delivered");
    HeldComment oldRejected = rejected("old, rejected");
    HeldComment oldAuto = autoRejected("old, rejected by policy");
    clock.advance(KEEP.plusHours(1));
    HeldComment newDelivered = delivered("new, delivered");
    HeldComment newRejected = rejected("new, rejected");
    HeldComment newAuto = autoRejected("new, rejected by policy");
    Instant cutoff = clock.instant().minus(KEEP);

    assertThat(store.retention().purgeBatch(cutoff, 3)).isEqualTo(3);
    assertThat(store.retention().purgeBatch(cutoff, 3)).isEqualTo(1);
    assertThat(store.retention().purgeBatch(cutoff, 3)).isZero();

    assertThat(storedIds()).containsExactlyInAnyOrder(oldPending.id(), oldApproved.id(), newDelivered.id(),
        newRejected.id(), newAuto.id());
    for (HeldComment gone : List.of(oldFailed, oldDelivered, oldRejected, oldAuto)) {
      assertThat(store.find(gone.id())).as(gone.text()).isEmpty();
    }
    // The audit trail keeps what moderators did, by comment id only.
    assertThat(store.auditTrail(oldRejected.id())).extracting(AuditEvent::action).containsExactly("reject");
  }

  @Test
  void aCommentDecidedExactlyAtTheCutOffIsKept() {
    HeldComment c = rejected("decided at the cut-off");
    Instant cutoff = clock.instant();

    assertThat(store.retention().purgeBatch(cutoff, 10)).isZero();
    assertThat(store.retention().purgeBatch(cutoff.plusNanos(1000), 10)).isEqualTo(1);
    assertThat(store.find(c.id())).isEmpty();
  }

  @Test
  void aSweepPurgesEveryBatchAndAuditsTheCountWithoutAnyText() {
    for (int i = 0; i < 25; i++) {
      rejected("rejected comment number " + i);
    }
    HeldComment pending = held(ALICE, "pending for ever");
    clock.advance(KEEP.plusDays(1));
    RetentionSweeper sweeper = new RetentionSweeper(store.retention(),
        new RetentionConfig(true, KEEP, Duration.ofHours(1), 10), clock);

    assertThat(sweeper.sweep()).isEqualTo(25);
    assertThat(sweeper.sweep()).isZero();

    assertThat(storedIds()).containsExactly(pending.id());
    List<AuditEvent> purges = store.audit().list(new AuditQuery(JdbcRetention.ACTOR, "purge", null, 10, 0)).items();
    assertThat(purges).singleElement().satisfies(e -> {
      assertThat(e.detail()).startsWith("25 decided comments from before " + clock.instant().minus(KEEP));
      assertThat(e.detail()).doesNotContain("rejected comment");
    });
    sweeper.close();
  }

  @Test
  void anExportHoldsEverythingAboutThePosterAndNothingOfAnother() {
    HeldComment aliceRejected = rejected("alice, rejected");
    clock.advance(Duration.ofMinutes(1));
    HeldComment alicePending = held(ALICE, "alice, pending");
    HeldComment bobPending = held(BOB, "bob, pending");
    store.reject(bobPending.id(), "maria", "spam");
    store.notes().add(ALICE, "maria", "alice posts at night");
    store.notes().add(BOB, "maria", "bob is a regular");
    store.suspensions().suspend(ALICE, clock.instant().plus(Duration.ofDays(1)), "insults", "maria");
    store.suspensions().suspend(BOB, clock.instant().plus(Duration.ofDays(1)), "spam", "maria");

    PosterData data = store.posterData().export(ALICE);

    assertThat(data.posterKey()).isEqualTo(ALICE);
    assertThat(data.exportedAt()).isEqualTo(clock.instant());
    assertThat(data.comments()).extracting(HeldComment::id).containsExactly(aliceRejected.id(), alicePending.id());
    assertThat(data.comments().get(0).text()).isEqualTo("alice, rejected");
    assertThat(data.comments().get(0).rejectReason()).isEqualTo("insult");
    assertThat(data.notes()).extracting(n -> n.text()).containsExactly("alice posts at night");
    assertThat(data.suspensions()).singleElement().satisfies(s -> {
      assertThat(s.suspension().posterKey()).isEqualTo(ALICE);
      assertThat(s.suspension().reason()).isEqualTo("insults");
      assertThat(s.liftedAt()).isNull();
    });
    assertThat(data.audit()).extracting(AuditEvent::action).containsExactlyInAnyOrder("reject", "note", "suspend");
    assertThat(data.audit()).allSatisfy(e -> assertThat(e.target().id()).isIn(ALICE, aliceRejected.id()));
    assertThat(data.toString()).doesNotContain(BOB, "bob", bobPending.id());
  }

  @Test
  void anExportOfAnUnknownPosterIsEmpty() {
    held(ALICE, "someone else");

    PosterData data = store.posterData().export("ip:198.51.100.1");

    assertThat(data.comments()).isEmpty();
    assertThat(data.notes()).isEmpty();
    assertThat(data.suspensions()).isEmpty();
    assertThat(data.audit()).isEmpty();
  }

  @Test
  void anErasureLeavesNothingOfThePosterAndIsAuditedWithoutTheKey() {
    HeldComment aliceRejected = rejected("alice, rejected");
    HeldComment alicePending = held(ALICE, "alice, pending");
    HeldComment aliceApproved = held(ALICE, "alice, approved, not yet delivered");
    store.approve(aliceApproved.id(), "maria");
    HeldComment bobPending = held(BOB, "bob, pending");
    store.notes().add(ALICE, "maria", "alice posts at night");
    store.notes().add(BOB, "maria", "bob is a regular");
    store.suspensions().suspend(ALICE, clock.instant().plus(Duration.ofDays(1)), "insults", "maria");

    PosterErasure erasure = store.posterData().erase(ALICE, new Actor("chief", "192.0.2.10"));

    assertThat(erasure).isEqualTo(new PosterErasure(JdbcPosterData.pseudonym(ALICE), 3, 1, 1, 2));
    assertThat(erasure.pseudonym()).matches("sha256:[0-9a-f]{16}");
    assertThat(storedIds()).containsExactly(bobPending.id());
    assertThat(store.find(alicePending.id())).isEmpty();
    assertThat(store.claimNextDelivery(Duration.ofSeconds(30))).as("the approved one is never delivered").isEmpty();
    assertThat(store.posterHistory(ALICE, 10).total()).isZero();
    assertThat(store.list(QueueQuery.builder(CommentStatus.PENDING).posterKey(ALICE).build()).items()).isEmpty();
    assertThat(store.notes().list(ALICE, 10)).isEmpty();
    assertThat(store.suspensions().find(ALICE, clock.instant())).isEmpty();
    PosterData after = store.posterData().export(ALICE);
    assertThat(after.comments()).isEmpty();
    assertThat(after.audit()).isEmpty();
    // Bob is untouched.
    assertThat(store.notes().list(BOB, 10)).hasSize(1);
    assertThat(store.posterHistory(BOB, 10).total()).isEqualTo(1);

    List<AuditEvent> audit = store.audit().list(AuditQuery.newest(100)).items();
    assertThat(audit).allSatisfy(e -> {
      assertThat(e.target() == null ? "" : e.target().id()).doesNotContain(ALICE);
      assertThat(e.detail() == null ? "" : e.detail()).doesNotContain(ALICE, "alice posts at night", "insults");
    });
    assertThat(audit.get(0)).satisfies(e -> {
      assertThat(e.action()).isEqualTo("erase_poster");
      assertThat(e.actor()).isEqualTo("chief");
      assertThat(e.address()).isEqualTo("192.0.2.10");
      assertThat(e.target().id()).isEqualTo(erasure.pseudonym());
      assertThat(e.detail()).isEqualTo("comments 3, notes 1, suspensions 1, audit events pseudonymised 2");
    });
    assertThat(store.audit().list(new AuditQuery(null, null, erasure.pseudonym(), 10, 0)).items())
        .extracting(AuditEvent::action).containsExactlyInAnyOrder("erase_poster", "note", "suspend");
    // Who decided Alice's comment is still on record, by comment id.
    assertThat(store.auditTrail(aliceRejected.id())).extracting(AuditEvent::action).containsExactly("reject");
  }

  @Test
  void erasingTwiceIsHarmless() {
    held(ALICE, "once");
    store.posterData().erase(ALICE, Actor.named("chief"));

    PosterErasure again = store.posterData().erase(ALICE, Actor.named("chief"));

    assertThat(again.erasedAnything()).isFalse();
    assertThat(again.comments()).isZero();
  }

  @Test
  void aBlankOrOverLongKeyIsRefusedByName() {
    assertThatThrownBy(() -> store.posterData().export(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("posterKey");
    assertThatThrownBy(() -> store.posterData().erase("k".repeat(513), Actor.named("chief")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("posterKey");
  }
}
