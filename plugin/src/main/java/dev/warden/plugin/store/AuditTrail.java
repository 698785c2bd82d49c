package dev.warden.plugin.store;

/**
 * The audit trail: every moderator, publisher and admin action, and Warden's own deliveries. Store calls that
 * change something (approve, reject, suspend, lift, register an article) record their event in the same
 * transaction; {@link #record} is for actions that change nothing stored, such as logins. Thread-safe; every call
 * commits. Failures to reach the database surface as {@link StoreException}.
 */
public interface AuditTrail {
  /** Longest detail kept; longer details are cut, marked with an ellipsis. */
  int MAX_DETAIL = 2000;

  /**
   * Records an action now.
   *
   * @param actor who, and from where
   * @param action what, e.g. {@code login}, {@code login_failed}; 1 to 64 characters
   * @param target what it was about, or null
   * @param detail free text, or null
   */
  void record(Actor actor, String action, AuditTarget target, String detail);

  /** The events matching {@code query}, newest first, with how many match in all. */
  AuditPage list(AuditQuery query);
}
