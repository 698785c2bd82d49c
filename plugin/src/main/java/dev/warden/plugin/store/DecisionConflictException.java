package dev.warden.plugin.store;

/** A moderator tried to decide a comment that is no longer in a decidable state (someone else decided it). */
public class DecisionConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient HeldComment current;

  public DecisionConflictException(HeldComment current) {
    super("comment " + current.id() + " is already " + current.status().wireName()
        + (current.decidedBy() == null ? "" : " (decided by " + current.decidedBy() + ")"));
    this.current = current;
  }

  /** The comment as it is now. */
  public HeldComment current() {
    return current;
  }
}
