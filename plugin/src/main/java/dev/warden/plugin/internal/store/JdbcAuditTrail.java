package dev.warden.plugin.internal.store;

import dev.warden.plugin.store.Actor;
import dev.warden.plugin.store.AuditEvent;
import dev.warden.plugin.store.AuditPage;
import dev.warden.plugin.store.AuditQuery;
import dev.warden.plugin.store.AuditTarget;
import dev.warden.plugin.store.AuditTrail;
import java.time.Clock;
import java.util.Objects;

/** The audit trail in Warden's database ({@code warden_audit_event}); each call commits. Thread-safe. */
final class JdbcAuditTrail implements AuditTrail {
  static final int MAX_ACTION = 64;

  private final Database db;
  private final Clock clock;

  JdbcAuditTrail(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public void record(Actor actor, String action, AuditTarget target, String detail) {
    Objects.requireNonNull(actor, "actor");
    if (action == null || action.isBlank() || action.length() > MAX_ACTION) {
      throw new IllegalArgumentException("action must be 1 to " + MAX_ACTION + " characters and not blank");
    }
    AuditEvent event = new AuditEvent(clock.instant(), actor.name(), actor.address(), action, target, null, null,
        detail);
    db.inTransaction("record audit event", c -> {
      AuditLog.append(c, event);
      return null;
    });
  }

  @Override
  public AuditPage list(AuditQuery query) {
    Objects.requireNonNull(query, "query");
    return db.inTransaction("list audit", c -> new AuditPage(AuditLog.page(c, query), AuditLog.count(c, query)));
  }
}
