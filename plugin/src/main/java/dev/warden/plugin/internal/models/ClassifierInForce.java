package dev.warden.plugin.internal.models;

import dev.warden.classifier.Classifier;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The one owner of the classifier in force, which two things change while Warden runs: an operator's new models
 * (the base: models plus the start-up narrative catalogue) and the publishers' narrative changes (an overlay that
 * turns any base into the classifier with the publishers' catalogue). Both changes go through one lock and each
 * rebuilds the combination from the other's latest value, so a model swap and a narrative change never lose each
 * other. Readers never lock: the combination is one volatile read.
 *
 * <p>Thread-safe.
 */
public final class ClassifierInForce {
  private final Object lock = new Object();
  private Classifier base;
  private UnaryOperator<Classifier> overlay = UnaryOperator.identity();
  private volatile Classifier combined;

  /** Starts with these models and no publisher overlay. */
  public ClassifierInForce(Classifier base) {
    this.base = Objects.requireNonNull(base, "base");
    this.combined = base;
  }

  /** The classifier to use for the next comment: read it once per comment. */
  public Classifier get() {
    return combined;
  }

  /** The models in force with the start-up catalogue only (what the publishers' overlay is applied to). */
  public Classifier base() {
    synchronized (lock) {
      return base;
    }
  }

  /**
   * Puts new models in force under the current overlay.
   *
   * @return the classifier in force after the swap
   * @throws RuntimeException if the overlay cannot be applied to the new models; the models in force stay
   */
  public Classifier swapBase(Classifier newBase) {
    Objects.requireNonNull(newBase, "newBase");
    synchronized (lock) {
      Classifier next = overlay.apply(newBase);
      base = newBase;
      combined = next;
      return next;
    }
  }

  /**
   * Puts a new publisher overlay in force over the current models.
   *
   * @param newOverlay turns models into the classifier with the publishers' catalogue; must not keep state
   */
  public void overlay(UnaryOperator<Classifier> newOverlay) {
    Objects.requireNonNull(newOverlay, "newOverlay");
    synchronized (lock) {
      Classifier next = newOverlay.apply(base);
      overlay = newOverlay;
      combined = next;
    }
  }
}
