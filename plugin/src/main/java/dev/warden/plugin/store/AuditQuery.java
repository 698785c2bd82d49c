package dev.warden.plugin.store;

/**
 * Which audit events to list: exact matches on any of actor, action and target id (null = any), newest first, one
 * page of them.
 *
 * @param actor only this actor's events, or null
 * @param action only this action, or null
 * @param target only events about this comment id, poster key, article id or user name, or null
 * @param limit page size, 1 to {@value #MAX_LIMIT}
 * @param offset how many matching events to skip, 0 or more
 */
public record AuditQuery(String actor, String action, String target, int limit, int offset) {
  /** The largest page. */
  public static final int MAX_LIMIT = 1000;

  public AuditQuery {
    actor = blankToNull(actor);
    action = blankToNull(action);
    target = blankToNull(target);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative: " + offset);
    }
  }

  /** The newest {@code limit} events, unfiltered. */
  public static AuditQuery newest(int limit) {
    return new AuditQuery(null, null, null, limit, 0);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
