package dev.warden.plugin;

import dev.warden.plugin.store.Actor;
import dev.warden.plugin.store.PosterSuspensions;
import dev.warden.plugin.store.Suspension;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The node's enforced suspensions, keeping the actor's address in the audit trail. The enforcing wrapper (the
 * throttle's {@code EnforcedSuspensions}) passes on only a moderator's name; so a suspension or lift with an {@link
 * Actor} runs through a fresh enforcing wrapper around a view of the store bound to that actor. The wrapper's
 * sequence (store, then throttle, then re-read) stays its own, and the store records the address. Thread-safe.
 */
final class AttributedSuspensions implements PosterSuspensions {
  private final PosterSuspensions stored;
  private final UnaryOperator<PosterSuspensions> enforce;
  private final PosterSuspensions enforced;

  /**
   * @param stored the store, which records actors with their address
   * @param enforce wraps a store so that its changes take effect on this node at once
   */
  AttributedSuspensions(PosterSuspensions stored, UnaryOperator<PosterSuspensions> enforce) {
    this.stored = stored;
    this.enforce = enforce;
    this.enforced = enforce.apply(stored);
  }

  @Override
  public Suspension suspend(String posterKey, Instant until, String reason, String suspendedBy) {
    return enforced.suspend(posterKey, until, reason, suspendedBy);
  }

  @Override
  public Suspension suspend(String posterKey, Instant until, String reason, Actor suspendedBy) {
    return enforce.apply(new ActingAs(stored, suspendedBy)).suspend(posterKey, until, reason, suspendedBy.name());
  }

  @Override
  public boolean lift(String posterKey, String liftedBy) {
    return enforced.lift(posterKey, liftedBy);
  }

  @Override
  public boolean lift(String posterKey, Actor liftedBy) {
    return enforce.apply(new ActingAs(stored, liftedBy)).lift(posterKey, liftedBy.name());
  }

  @Override
  public Optional<Suspension> find(String posterKey, Instant now) {
    return enforced.find(posterKey, now);
  }

  @Override
  public List<Suspension> active(Instant now, int limit) {
    return enforced.active(now, limit);
  }

  /** The store, with every change made as one actor (whose name the caller also passes on). */
  private record ActingAs(PosterSuspensions stored, Actor actor) implements PosterSuspensions {
    @Override
    public Suspension suspend(String posterKey, Instant until, String reason, String suspendedBy) {
      return stored.suspend(posterKey, until, reason, actor);
    }

    @Override
    public boolean lift(String posterKey, String liftedBy) {
      return stored.lift(posterKey, actor);
    }

    @Override
    public Optional<Suspension> find(String posterKey, Instant now) {
      return stored.find(posterKey, now);
    }

    @Override
    public List<Suspension> active(Instant now, int limit) {
      return stored.active(now, limit);
    }
  }
}
