package dev.warden.plugin;

import dev.warden.plugin.store.HeldCommentStore;
import java.time.Clock;

/** Starts the release outbox with the releaser the config's strategy names. */
final class Outboxes {
  private Outboxes() {}

  /** A running outbox: how to stop it and how to wake it. */
  record Started(AutoCloseable handle, Runnable wake) {}

  static Started start(HeldCommentStore store, ReleaseConfig release, Clock clock) {
    // TEMPORARY until the store branch lands ReleaseOutbox: no delivery yet.
    return new Started(() -> { }, () -> { });
  }
}
