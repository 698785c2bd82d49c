package dev.warden.plugin.policy;

/**
 * The classifier models in force, which an operator replaces while Warden runs by swapping the
 * {@code models.directory} (a symlink or a renamed directory): Warden notices the change every
 * {@code models.reload.interval}, loads and checks the new models off the request path and swaps them in at once,
 * keeping the narrative catalogue. A directory that cannot be loaded never replaces the models in force.
 *
 * <p>Thread-safe. {@link #current()} is a memory read; {@link #reload()} loads models and may take seconds.
 */
public interface LiveModels {
  /** The models in force now. */
  ModelInfo current();

  /**
   * Loads {@code models.directory} now, whether or not it changed, and swaps it in if it loads and passes the
   * checks. Comments keep being classified by the models in force while it loads.
   *
   * @return what happened: swapped in, or refused with the reason (the models in force stay)
   */
  ModelReload reload();
}
