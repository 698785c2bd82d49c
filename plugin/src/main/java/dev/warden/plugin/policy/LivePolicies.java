package dev.warden.plugin.policy;

import dev.warden.plugin.PolicySettings;
import dev.warden.plugin.store.Actor;
import java.util.List;
import java.util.Optional;

/**
 * The policies, throttle limits and conflict-article rules in force, which publishers change while Warden runs.
 * warden.yaml is version 0; every change is stored as a new version and audited, and takes effect on this node at
 * once (the filter reads {@link #settings()} for every comment) and on other nodes at their next refresh
 * ({@code console.refresh}). A rollback is a new version with an older version's settings, so history only grows.
 *
 * <p>Thread-safe. {@link #settings()} is a memory read; the other methods may reach the store and then throw
 * {@link dev.warden.plugin.store.StoreException} when it is down.
 */
public interface LivePolicies {
  /** The most characters of an author's name. */
  int MAX_AUTHOR = 100;
  /** The most characters of a change's comment. */
  int MAX_COMMENT = 500;

  /** The version in force on this node. */
  PolicyVersion current();

  /** The settings in force on this node (what the filter and the throttle read per comment). */
  default PolicySettings settings() {
    return current().settings();
  }

  /** A version by number (0 is warden.yaml), if it exists. */
  Optional<PolicyVersion> version(long version);

  /** The latest versions, newest first, at most {@code limit} (1 to 1000); version 0 comes last. */
  List<PolicyVersion> history(int limit);

  /**
   * Stores {@code settings} as a new version and puts it in force on this node.
   *
   * @param author who changes it (a name of 1 to {@value #MAX_AUTHOR} characters) and from which address, for the
   *     audit trail
   * @param comment why (at most {@value #MAX_COMMENT} characters; may be empty)
   * @param baseVersion the version the author edited; if another version was saved since, nothing is stored
   * @throws VersionConflictException if {@code baseVersion} is not the latest version any more
   * @throws IllegalArgumentException if the author or comment is out of bounds
   */
  PolicyVersion update(PolicySettings settings, Actor author, String comment, long baseVersion);

  /**
   * Stores a new version with the settings of {@code version} (a rollback) and puts it in force on this node.
   *
   * @throws java.util.NoSuchElementException if there is no such version
   * @throws VersionConflictException if {@code baseVersion} is not the latest version any more
   * @throws IllegalArgumentException if the author or comment is out of bounds
   */
  PolicyVersion rollback(long version, Actor author, String comment, long baseVersion);

  /** Re-reads the latest version from the store now (what the periodic refresh does). */
  void refresh();
}
