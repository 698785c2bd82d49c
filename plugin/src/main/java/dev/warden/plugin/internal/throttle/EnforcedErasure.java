package dev.warden.plugin.internal.throttle;

import dev.warden.plugin.store.Actor;
import dev.warden.plugin.store.PosterData;
import dev.warden.plugin.store.PosterDataStore;
import dev.warden.plugin.store.PosterErasure;
import dev.warden.plugin.throttle.ThrottlePolicy;

/**
 * Erasures that also end an erased poster's suspension on this node at once: the store deletes it, then the
 * throttle forgets it and the node's list is re-read. Other nodes drop it at their next suspension refresh, since a
 * refresh replaces the whole list. Thread-safe.
 */
public final class EnforcedErasure implements PosterDataStore {
  private final PosterDataStore store;
  private final ThrottlePolicy throttle;
  private final Runnable reread;

  /**
   * @param reread re-reads the suspensions in force into the throttle (a {@link SuspensionRefresh#refresh()})
   */
  public EnforcedErasure(PosterDataStore store, ThrottlePolicy throttle, Runnable reread) {
    this.store = store;
    this.throttle = throttle;
    this.reread = reread;
  }

  @Override
  public PosterData export(String posterKey) {
    return store.export(posterKey);
  }

  @Override
  public PosterErasure erase(String posterKey, Actor actor) {
    PosterErasure erasure = store.erase(posterKey, actor);
    if (erasure.suspensions() > 0) {
      throttle.suspensionLifted(posterKey);
      reread.run();
    }
    return erasure;
  }
}
