package dev.warden.plugin.internal.policy;

import dev.warden.plugin.PolicySettings;
import dev.warden.plugin.internal.store.JdbcPolicyVersions;
import dev.warden.plugin.policy.LivePolicies;
import dev.warden.plugin.policy.PolicyVersion;
import dev.warden.plugin.policy.VersionConflictException;
import dev.warden.plugin.store.Actor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live settings of this node: an immutable {@link PolicyVersion} in an {@link AtomicReference}, swapped whole,
 * so a request that read it sees one version throughout. Loaded from the store at start (the latest stored version
 * wins over warden.yaml's version 0; a store that cannot be read fails start-up, like the suspensions), then
 * re-read every {@code console.refresh} so that other nodes' changes arrive. A failed refresh keeps the version in
 * force and is retried at the next tick. Versions only move forward: a refresh that read the store just before a
 * local save cannot bring the older version back. Thread-safe.
 */
public final class VersionedPolicies implements LivePolicies, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VersionedPolicies.class);

  private final JdbcPolicyVersions store;
  private final PolicyVersion baseline;
  private final AtomicReference<PolicyVersion> current;
  private final ScheduledExecutorService worker;

  private VersionedPolicies(JdbcPolicyVersions store, PolicyVersion baseline) {
    this.store = store;
    this.baseline = baseline;
    this.current = new AtomicReference<>(baseline);
    this.worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "warden-policies");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Puts the latest stored version (or warden.yaml's {@code baseline}) in force, then re-reads the store every
   * {@code every}.
   */
  public static VersionedPolicies start(JdbcPolicyVersions store, PolicySettings baseline, Duration every,
      Clock clock) {
    VersionedPolicies policies = new VersionedPolicies(store, PolicyVersion.baseline(baseline, clock.instant()));
    store.latest().ifPresent(latest -> {
      policies.adopt(latest);
      LOG.info("Live policies: version {} by '{}' of {} is in force (warden.yaml's policies are version 0)",
          latest.version(), latest.author(), latest.createdAt());
    });
    long millis = Math.max(1, every.toMillis());
    policies.worker.scheduleWithFixedDelay(policies::refreshQuietly, millis, millis, TimeUnit.MILLISECONDS);
    return policies;
  }

  @Override
  public PolicyVersion current() {
    return current.get();
  }

  @Override
  public Optional<PolicyVersion> version(long version) {
    if (version < 0) {
      return Optional.empty();
    }
    return version == 0 ? Optional.of(baseline) : store.find(version);
  }

  @Override
  public List<PolicyVersion> history(int limit) {
    List<PolicyVersion> versions = new ArrayList<>(store.history(limit));
    if (versions.size() < limit) {
      versions.add(baseline);
    }
    return List.copyOf(versions);
  }

  @Override
  public PolicyVersion update(PolicySettings settings, Actor author, String comment, long baseVersion) {
    Objects.requireNonNull(settings, "settings");
    return save(settings, author, comment, baseVersion, null);
  }

  @Override
  public PolicyVersion rollback(long version, Actor author, String comment, long baseVersion) {
    PolicyVersion target = version(version).orElseThrow(() -> new NoSuchElementException(
        "no policy version " + version));
    return save(target.settings(), author, comment, baseVersion, version);
  }

  private PolicyVersion save(PolicySettings settings, Actor author, String comment, long baseVersion,
      Long restoredFrom) {
    Objects.requireNonNull(author, "author");
    requireText("author", author.name(), 1, MAX_AUTHOR);
    String note = comment == null ? "" : comment.strip();
    requireText("comment", note, 0, MAX_COMMENT);
    PolicySettings before = version(baseVersion).map(PolicyVersion::settings)
        .orElseThrow(() -> new VersionConflictException(baseVersion, current().version()));
    PolicyVersion saved;
    try {
      saved = store.append(baseVersion, before, settings, author, note, restoredFrom);
    } catch (VersionConflictException e) {
      refreshQuietly(); // so that the caller's reload shows the version that won
      throw e;
    }
    adopt(saved);
    LOG.info("Live policies: version {} saved by '{}'{}", saved.version(), author.name(),
        restoredFrom == null ? "" : " (rollback to version " + restoredFrom + ")");
    return saved;
  }

  @Override
  public void refresh() {
    store.latest().ifPresent(latest -> {
      long was = current().version();
      if (adopt(latest)) {
        LOG.info("Live policies: version {} by '{}' replaces version {} on this node", latest.version(),
            latest.author(), was);
      }
    });
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      LOG.warn("Could not refresh the live policies; keeping version {}: {}", current().version(), e.toString());
    }
  }

  /** Puts {@code version} in force unless the same or a newer one already is; true if it was put in force. */
  private boolean adopt(PolicyVersion version) {
    PolicyVersion before = current.getAndAccumulate(version,
        (now, candidate) -> candidate.version() > now.version() ? candidate : now);
    return version.version() > before.version();
  }

  private static void requireText(String name, String value, int min, int max) {
    if (value == null || value.strip().length() < min || value.length() > max
        || value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
      throw new IllegalArgumentException(name + " must have " + min + " to " + max
          + " characters and no control characters");
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
