package dev.warden.admin.internal;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A logged-in admin user and their roles. Kept in the HTTP session (hence serializable).
 *
 * @param user the login name, recorded as {@code decidedBy} on decisions
 * @param roles {@code moderator}, {@code publisher} and/or {@code admin}
 */
record AdminPrincipal(String user, Set<String> roles) implements Serializable {
  static final String MODERATOR = "moderator";
  static final String PUBLISHER = "publisher";
  static final String ADMIN = "admin";

  AdminPrincipal {
    Objects.requireNonNull(user, "user");
    roles = Set.copyOf(roles);
  }

  /** May read and decide the queue. */
  boolean canModerate() {
    return roles.contains(MODERATOR) || roles.contains(ADMIN);
  }

  /** May register articles and change the live policies (the publishers' console). */
  boolean canPublish() {
    return roles.contains(PUBLISHER) || roles.contains(ADMIN);
  }

  /**
   * May operate Warden itself: reload the classifier models, answer privacy requests (export and erase a poster's
   * data).
   */
  boolean isAdmin() {
    return roles.contains(ADMIN);
  }

  /** The roles in a stable order, for JSON. */
  Set<String> sortedRoles() {
    return new TreeSet<>(roles);
  }
}
