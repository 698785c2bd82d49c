package dev.warden.plugin.store;

/** Where a stored comment is in its life. */
public enum CommentStatus {
  /** Held; waits for a moderator. */
  PENDING,
  /** Rejected by policy at submission (reject threshold); kept for audit, a moderator may still approve it. */
  AUTO_REJECTED,
  /** Approved by a moderator; the release outbox will deliver it to the site. */
  APPROVED,
  /** Delivered to the site's own comment system. Final. */
  DELIVERED,
  /** Delivery gave up after its retries; visible to moderators, who may retry. */
  DELIVERY_FAILED,
  /** Rejected by a moderator. Final. */
  REJECTED;

  /** The lower-case name used in URLs and JSON, e.g. {@code delivery_failed}. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Parses a {@link #wireName()} (case-insensitive). */
  public static CommentStatus fromWireName(String name) {
    return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
  }
}
