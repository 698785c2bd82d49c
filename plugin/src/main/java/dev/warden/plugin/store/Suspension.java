package dev.warden.plugin.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A moderator's suspension of a poster key: the filter refuses the poster's comments until {@code until}.
 *
 * @param posterKey the suspended poster key, e.g. {@code ip:203.0.113.7} or {@code user:alice}
 * @param since when it was suspended
 * @param until when the suspension ends
 * @param reason the moderator's reason (may be empty)
 * @param suspendedBy the moderator who suspended
 */
public record Suspension(String posterKey, Instant since, Instant until, String reason, String suspendedBy) {
  public Suspension {
    Objects.requireNonNull(posterKey, "posterKey");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(until, "until");
    reason = reason == null ? "" : reason;
    Objects.requireNonNull(suspendedBy, "suspendedBy");
  }

  /** True if the suspension is in force at {@code now}. */
  public boolean activeAt(Instant now) {
    return now.isBefore(until);
  }
}
