package dev.warden.plugin.internal.throttle;

import dev.warden.plugin.store.PosterSuspensions;
import dev.warden.plugin.store.Suspension;
import dev.warden.plugin.throttle.ThrottlePolicy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Suspensions that take effect on this node as soon as they are stored: writes go to the store first (so they
 * survive restarts and reach other nodes on their next refresh), then to the throttle. Thread-safe.
 */
public final class EnforcedSuspensions implements PosterSuspensions {
  private final PosterSuspensions store;
  private final ThrottlePolicy throttle;

  public EnforcedSuspensions(PosterSuspensions store, ThrottlePolicy throttle) {
    this.store = store;
    this.throttle = throttle;
  }

  @Override
  public Suspension suspend(String posterKey, Instant until, String reason, String suspendedBy) {
    Suspension suspension = store.suspend(posterKey, until, reason, suspendedBy);
    throttle.suspensionChanged(suspension);
    return suspension;
  }

  @Override
  public boolean lift(String posterKey, String liftedBy) {
    boolean lifted = store.lift(posterKey, liftedBy);
    throttle.suspensionLifted(posterKey);
    return lifted;
  }

  @Override
  public Optional<Suspension> find(String posterKey, Instant now) {
    return store.find(posterKey, now);
  }

  @Override
  public List<Suspension> active(Instant now, int limit) {
    return store.active(now, limit);
  }
}
