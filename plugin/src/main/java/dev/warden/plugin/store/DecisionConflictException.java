package dev.warden.plugin.store;

/**
 * A moderator tried to decide (or undo) a comment that is no longer in a state that allows it: someone else decided
 * it, or it is being delivered.
 */
public class DecisionConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient HeldComment current;

  public DecisionConflictException(HeldComment current) {
    super("comment " + current.id() + " is already " + current.status().wireName()
        + (current.decidedBy() == null ? "" : " (decided by " + current.decidedBy() + ")"));
    this.current = current;
  }

  /** A conflict with its own message, e.g. an undo of a comment that has nothing to undo. */
  public DecisionConflictException(String message, HeldComment current) {
    super(message);
    this.current = current;
  }

  /** The comment as it is now. */
  public HeldComment current() {
    return current;
  }
}
