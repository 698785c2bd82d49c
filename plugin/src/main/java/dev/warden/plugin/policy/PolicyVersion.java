package dev.warden.plugin.policy;

import dev.warden.plugin.PolicySettings;
import java.time.Instant;
import java.util.Objects;

/**
 * One version of the live settings. Version 0 is warden.yaml (the baseline); every publisher's change, and every
 * rollback, is a new version numbered one above the latest. Immutable.
 *
 * @param version the version number, 0 for warden.yaml
 * @param settings the whole settings of this version
 * @param author who saved it ({@value #BASELINE_AUTHOR} for version 0)
 * @param createdAt when it was saved (for version 0: when this node started)
 * @param comment the author's note, may be empty
 * @param replaces the version that was in force when this one was saved (null for version 0)
 * @param restoredFrom for a rollback, the version whose settings this one restores; else null
 */
public record PolicyVersion(long version, PolicySettings settings, String author, Instant createdAt, String comment,
    Long replaces, Long restoredFrom) {
  /** The author of version 0. */
  public static final String BASELINE_AUTHOR = "warden.yaml";

  public PolicyVersion {
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative: " + version);
    }
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(createdAt, "createdAt");
    comment = comment == null ? "" : comment;
    if (version > 0 && replaces == null) {
      throw new IllegalArgumentException("version " + version + " must name the version it replaces");
    }
  }

  /** Version 0: the settings of warden.yaml, in force since {@code startedAt} unless a stored version exists. */
  public static PolicyVersion baseline(PolicySettings settings, Instant startedAt) {
    return new PolicyVersion(0, settings, BASELINE_AUTHOR, startedAt, "warden.yaml at start-up", null, null);
  }
}
