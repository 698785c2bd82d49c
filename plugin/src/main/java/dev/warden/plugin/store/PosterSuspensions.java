package dev.warden.plugin.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable suspensions of poster keys. Every method commits before it returns; implementations are thread-safe and
 * can be shared by several web nodes. Failures to reach the database surface as {@link StoreException}.
 */
public interface PosterSuspensions {
  /** The largest {@code limit} of {@link #active}: every node holds all suspensions in force in memory. */
  int MAX_ACTIVE = 100_000;

  /** Suspends (or re-suspends, replacing the previous one) a poster key until {@code until}; returns it. */
  Suspension suspend(String posterKey, Instant until, String reason, String suspendedBy);

  /**
   * Suspends like {@link #suspend(String, Instant, String, String)}, recording the moderator's address in the audit
   * trail. The default ignores the address; audited implementations override it.
   */
  default Suspension suspend(String posterKey, Instant until, String reason, Actor suspendedBy) {
    return suspend(posterKey, until, reason, suspendedBy.name());
  }

  /** Ends a poster's suspension now; false if there was none in force. */
  boolean lift(String posterKey, String liftedBy);

  /**
   * Lifts like {@link #lift(String, String)}, recording the moderator's address in the audit trail. The default
   * ignores the address; audited implementations override it.
   */
  default boolean lift(String posterKey, Actor liftedBy) {
    return lift(posterKey, liftedBy.name());
  }

  /** The suspension of a poster key in force at {@code now}, if any. */
  Optional<Suspension> find(String posterKey, Instant now);

  /** Every suspension in force at {@code now}, latest ending last, at most {@code limit} (1 to {@link #MAX_ACTIVE}). */
  List<Suspension> active(Instant now, int limit);
}
