package dev.warden.plugin.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A moderator's request that a delivered comment be taken down. Warden cannot unpublish a comment it delivered: this
 * is a flag for the site (and for other moderators), not an action on the site.
 *
 * @param requestedAt when it was asked for
 * @param requestedBy the moderator who asked
 */
public record Withdrawal(Instant requestedAt, String requestedBy) {
  public Withdrawal {
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(requestedBy, "requestedBy");
  }
}
