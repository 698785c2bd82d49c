package dev.warden.plugin.internal.throttle;

import dev.warden.plugin.store.Actor;
import dev.warden.plugin.store.PosterSuspensions;
import dev.warden.plugin.store.Suspension;
import dev.warden.plugin.throttle.ThrottlePolicy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Suspensions that take effect on this node as soon as they are stored: writes go to the store first (so they
 * survive restarts and reach other nodes on their next refresh), then to the throttle, and then the node's list is
 * re-read, so that a periodic refresh that read the store just before the write cannot bring the old state back.
 * Thread-safe.
 */
public final class EnforcedSuspensions implements PosterSuspensions {
  private final PosterSuspensions store;
  private final ThrottlePolicy throttle;
  private final Runnable reread;

  /**
   * @param reread re-reads the suspensions in force into the throttle (a {@link SuspensionRefresh#refresh()})
   */
  public EnforcedSuspensions(PosterSuspensions store, ThrottlePolicy throttle, Runnable reread) {
    this.store = store;
    this.throttle = throttle;
    this.reread = reread;
  }

  @Override
  public Suspension suspend(String posterKey, Instant until, String reason, String suspendedBy) {
    return enforced(store.suspend(posterKey, until, reason, suspendedBy));
  }

  @Override
  public Suspension suspend(String posterKey, Instant until, String reason, Actor suspendedBy) {
    return enforced(store.suspend(posterKey, until, reason, suspendedBy));
  }

  private Suspension enforced(Suspension suspension) {
    throttle.suspensionChanged(suspension);
    reread.run();
    return suspension;
  }

  @Override
  public boolean lift(String posterKey, String liftedBy) {
    return lifted(posterKey, store.lift(posterKey, liftedBy));
  }

  @Override
  public boolean lift(String posterKey, Actor liftedBy) {
    return lifted(posterKey, store.lift(posterKey, liftedBy));
  }

  private boolean lifted(String posterKey, boolean lifted) {
    throttle.suspensionLifted(posterKey);
    reread.run();
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
