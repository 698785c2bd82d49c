package dev.warden.plugin.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.plugin.store.Actor;
import dev.warden.plugin.store.Article;
import dev.warden.plugin.store.AuditEvent;
import dev.warden.plugin.store.AuditPage;
import dev.warden.plugin.store.AuditQuery;
import dev.warden.plugin.store.AuditTarget;
import dev.warden.plugin.store.AuditTrail;
import dev.warden.plugin.store.CommentStatus;
import dev.warden.plugin.store.DecisionConflictException;
import dev.warden.plugin.store.HeldComment;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The audit trail on every database: each action that changes something records who, what, which target, when and
 * from where, in its own transaction; the trail lists newest first, paged and filtered.
 */
abstract class AuditTrailContract extends StoreFixture {
  static final Actor MARIA = new Actor("maria", "203.0.113.9");
  static final Actor IVAN = new Actor("ivan", "2001:db8::7");

  private AuditTrail audit() {
    return store.audit();
  }

  private HeldComment held(String text) {
    return store.save(Comments.held("war-in-sudan", text, T0));
  }

  private Instant tick() {
    clock.advance(Duration.ofSeconds(1));
    return clock.instant();
  }

  @Test
  void everyStoredActionRecordsActorAddressTargetAndTime() {
    HeldComment approved = held("approve me");
    HeldComment rejected = held("reject me");
    Instant approvedAt = tick();
    store.approve(approved.id(), MARIA);
    Instant rejectedAt = tick();
    store.reject(rejected.id(), IVAN, "spam");
    Instant suspendedAt = tick();
    store.suspensions().suspend("ip:198.51.100.4", suspendedAt.plus(Duration.ofDays(1)), "flood", MARIA);
    Instant liftedAt = tick();
    store.suspensions().lift("ip:198.51.100.4", IVAN);
    Instant registeredAt = tick();
    store.articles().put(new Article("war-in-sudan", "Fighting in Khartoum", "world", List.of("sudan"), true), MARIA);

    assertThat(audit().list(AuditQuery.newest(10)).items()).containsExactly(
        new AuditEvent(registeredAt, "maria", "203.0.113.9", "register_article", AuditTarget.article("war-in-sudan"),
            null, null, "title \"Fighting in Khartoum\", section \"world\", tags [sudan], conflict true"),
        new AuditEvent(liftedAt, "ivan", "2001:db8::7", "lift", AuditTarget.poster("ip:198.51.100.4"), null, null,
            null),
        new AuditEvent(suspendedAt, "maria", "203.0.113.9", "suspend", AuditTarget.poster("ip:198.51.100.4"), null,
            null, "until " + suspendedAt.plus(Duration.ofDays(1)) + ": flood"),
        new AuditEvent(rejectedAt, "ivan", "2001:db8::7", "reject", AuditTarget.comment(rejected.id()),
            CommentStatus.PENDING, CommentStatus.REJECTED, "spam"),
        new AuditEvent(approvedAt, "maria", "203.0.113.9", "approve", AuditTarget.comment(approved.id()),
            CommentStatus.PENDING, CommentStatus.APPROVED, null));
  }

  @Test
  void actionsWithoutAnAddressAndWardensOwnEventsHaveNone() {
    HeldComment comment = held("by name only");
    store.approve(comment.id(), "maria");
    store.markDelivered(comment.id());
    store.articles().put(new Article("no-actor", "", "", List.of(), null));

    assertThat(audit().list(AuditQuery.newest(10)).items())
        .extracting(AuditEvent::actor, AuditEvent::address, AuditEvent::action)
        .containsExactlyInAnyOrder(
            Tuple.tuple("maria", null, "approve"),
            Tuple.tuple(AuditLog.RELEASE_ACTOR, null, "delivered"),
            Tuple.tuple(AuditLog.UNKNOWN_ACTOR, null, "register_article"));
  }

  @Test
  void aRefusedDecisionRecordsNothing() {
    HeldComment comment = held("decided once");
    store.approve(comment.id(), MARIA);

    assertThatThrownBy(() -> store.reject(comment.id(), IVAN, "spam"))
        .isInstanceOf(DecisionConflictException.class);
    assertThat(audit().list(AuditQuery.newest(10)).total()).isEqualTo(1);
  }

  @Test
  void recordKeepsEventsThatChangeNothingStored() {
    Instant at = tick();
    audit().record(new Actor("<img src=x onerror=alert(1)>", "192.0.2.1"), "login_failed", null, "wrong password");
    audit().record(MARIA, "login", AuditTarget.user("maria"), "x".repeat(5000));

    List<AuditEvent> events = audit().list(AuditQuery.newest(10)).items();

    assertThat(events.get(1)).isEqualTo(new AuditEvent(at, "<img src=x onerror=alert(1)>", "192.0.2.1",
        "login_failed", null, null, null, "wrong password"));
    assertThat(events.get(0).target()).isEqualTo(AuditTarget.user("maria"));
    assertThat(events.get(0).detail()).hasSize(AuditTrail.MAX_DETAIL).endsWith("…");
  }

  @Test
  void listPagesNewestFirstWithTheTotal() {
    for (int i = 0; i < 7; i++) {
      tick();
      audit().record(MARIA, "login", null, "login " + i);
    }

    AuditPage first = audit().list(new AuditQuery(null, null, null, 3, 0));
    AuditPage last = audit().list(new AuditQuery(null, null, null, 3, 6));
    AuditPage beyond = audit().list(new AuditQuery(null, null, null, 3, 9));

    assertThat(first.total()).isEqualTo(7);
    assertThat(first.items()).extracting(AuditEvent::detail).containsExactly("login 6", "login 5", "login 4");
    assertThat(last.items()).extracting(AuditEvent::detail).containsExactly("login 0");
    assertThat(beyond).isEqualTo(new AuditPage(List.of(), 7));
  }

  @Test
  void eventsAtTheSameInstantKeepTheirOrder() {
    audit().record(MARIA, "login", null, "first");
    audit().record(MARIA, "logout", null, "second");

    assertThat(audit().list(AuditQuery.newest(10)).items()).extracting(AuditEvent::detail)
        .containsExactly("second", "first");
  }

  @Test
  void filtersMatchActorActionAndTargetExactlyAndCombine() {
    HeldComment one = held("one");
    HeldComment two = held("two");
    tick();
    store.approve(one.id(), MARIA);
    tick();
    store.reject(two.id(), IVAN, "spam");
    tick();
    store.suspensions().suspend("user:troll", clock.instant().plus(Duration.ofHours(1)), "", MARIA);
    tick();
    audit().record(IVAN, "login", null, null);

    assertThat(actions(new AuditQuery("maria", null, null, 10, 0))).containsExactly("suspend", "approve");
    assertThat(actions(new AuditQuery(null, "login", null, 10, 0))).containsExactly("login");
    assertThat(actions(new AuditQuery(null, null, two.id(), 10, 0))).containsExactly("reject");
    assertThat(actions(new AuditQuery(null, null, "user:troll", 10, 0))).containsExactly("suspend");
    assertThat(actions(new AuditQuery("ivan", "reject", two.id(), 10, 0))).containsExactly("reject");
    assertThat(actions(new AuditQuery("ivan", "approve", null, 10, 0))).isEmpty();
    assertThat(actions(new AuditQuery("mari", null, null, 10, 0))).as("exact, not a prefix").isEmpty();
    assertThat(actions(new AuditQuery("x' OR '1'='1", null, null, 10, 0))).as("values are bound").isEmpty();
    assertThat(audit().list(new AuditQuery("maria", null, null, 1, 0)).total()).isEqualTo(2);
    assertThat(actions(new AuditQuery(" ", "", null, 10, 0))).as("blank is any").hasSize(4);
  }

  @Test
  void badQueriesAndRecordsAreRefusedNamingTheArgument() {
    assertThatThrownBy(() -> new AuditQuery(null, null, null, 0, 0)).hasMessageContaining("limit");
    assertThatThrownBy(() -> new AuditQuery(null, null, null, AuditQuery.MAX_LIMIT + 1, 0))
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> new AuditQuery(null, null, null, 10, -1)).hasMessageContaining("offset");
    assertThatThrownBy(() -> audit().record(MARIA, " ", null, null)).hasMessageContaining("action");
    assertThatThrownBy(() -> audit().record(MARIA, "a".repeat(65), null, null)).hasMessageContaining("action");
    assertThatThrownBy(() -> new Actor(" ", null)).hasMessageContaining("name");
    assertThatThrownBy(() -> new Actor("maria", "1".repeat(101))).hasMessageContaining("address");
    assertThat(audit().list(AuditQuery.newest(10)).total()).isZero();
  }

  @Test
  void eventsRecordedBeforeVersion3GetTheirTargets() throws Exception {
    store.close();
    String url = config.url();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      // Back to an empty schema: every Warden table, whatever later migrations added (names from the catalogue).
      List<String> tables = new java.util.ArrayList<>();
      try (java.sql.ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          if (rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT).startsWith("warden_")) {
            tables.add(rs.getString("TABLE_NAME"));
          }
        }
      }
      for (String table : tables) {
        s.execute("DROP TABLE IF EXISTS \"" + table + "\" CASCADE");
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
    Flyway.configure().dataSource(url, null, null).locations(Database.MIGRATIONS).table(Database.HISTORY_TABLE)
        .target("2").load().migrate();
    try (Connection c = DriverManager.getConnection(url)) {
      insertV2Event(c, "maria", "approve", "c-1", "PENDING", "APPROVED", null);
      insertV2Event(c, "maria", "suspend", null, null, null, "ip:198.51.100.4 until 2026-03-02T10:00:00Z: flood");
      insertV2Event(c, "ivan", "lift", null, null, null, "ip:198.51.100.4");
    }

    JdbcCommentStore migrated = open();

    assertThat(migrated.audit().list(AuditQuery.newest(10)).items())
        .extracting(AuditEvent::action, AuditEvent::target, AuditEvent::address)
        .containsExactlyInAnyOrder(
            Tuple.tuple("approve", AuditTarget.comment("c-1"), null),
            Tuple.tuple("suspend", AuditTarget.poster("ip:198.51.100.4"), null),
            Tuple.tuple("lift", AuditTarget.poster("ip:198.51.100.4"), null));
  }

  private List<String> actions(AuditQuery query) {
    return audit().list(query).items().stream().map(AuditEvent::action).toList();
  }

  private void insertV2Event(Connection c, String actor, String action, String commentId, String before,
      String after, String detail) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO warden_audit_event (at, actor, action, comment_id,"
        + " before_status, after_status, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      CommentRows.setInstant(ps, 1, T0);
      ps.setString(2, actor);
      ps.setString(3, action);
      ps.setString(4, commentId);
      ps.setString(5, before);
      ps.setString(6, after);
      ps.setString(7, detail);
      ps.executeUpdate();
    }
  }
}
