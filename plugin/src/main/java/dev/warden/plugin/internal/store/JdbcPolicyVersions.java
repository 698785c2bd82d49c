package dev.warden.plugin.internal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.plugin.PolicySettings;
import dev.warden.plugin.WardenConfigException;
import dev.warden.plugin.policy.PolicyVersion;
import dev.warden.plugin.policy.VersionConflictException;
import dev.warden.plugin.store.Actor;
import dev.warden.plugin.store.AuditEvent;
import dev.warden.plugin.store.AuditTarget;
import dev.warden.plugin.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Stored versions of the live settings ({@code warden_policy_version}); version 0 (warden.yaml) is never stored.
 * Appending a version writes its audit event (who, what changed) in the same transaction. Two appends on the same
 * base race for the same primary key, so exactly one wins, on one node or several. Thread-safe.
 */
public final class JdbcPolicyVersions {
  /** SQLState of a unique-key violation, the same on H2 and PostgreSQL. */
  private static final String DUPLICATE_KEY = "23505";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS = "version, settings, author, created_at, note, replaces, restored_from";
  private static final String INSERT = "INSERT INTO warden_policy_version (" + COLUMNS
      + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
  private static final String LATEST_NUMBER = "SELECT MAX(version) FROM warden_policy_version";
  private static final String FIND = "SELECT " + COLUMNS + " FROM warden_policy_version WHERE version = ?";
  private static final String HISTORY = "SELECT " + COLUMNS + " FROM warden_policy_version"
      + " ORDER BY version DESC LIMIT ?";

  private final Database db;
  private final Clock clock;

  JdbcPolicyVersions(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The latest stored version, if any. */
  public Optional<PolicyVersion> latest() {
    return db.inTransaction("latest policy version", c -> {
      long latest = latestNumber(c);
      return latest == 0 ? Optional.empty() : find(c, latest);
    });
  }

  /** A stored version (1 and up). */
  public Optional<PolicyVersion> find(long version) {
    return db.inTransaction("find policy version", c -> find(c, version));
  }

  /** The latest stored versions, newest first. */
  public List<PolicyVersion> history(int limit) {
    JdbcCommentStore.requireLimit(limit);
    return db.inTransaction("policy history", c -> {
      try (PreparedStatement ps = c.prepareStatement(HISTORY)) {
        ps.setInt(1, limit);
        try (ResultSet rs = ps.executeQuery()) {
          List<PolicyVersion> versions = new ArrayList<>();
          while (rs.next()) {
            versions.add(read(rs));
          }
          return List.copyOf(versions);
        }
      }
    });
  }

  /**
   * Stores version {@code base + 1} and its audit event ({@code policy_change}, or {@code policy_rollback} when
   * {@code restoredFrom} is given), unless another version was stored since {@code base}.
   *
   * @param before the settings of version {@code base}, to describe what changed in the audit trail
   * @param author who saves it, and from which address (for the audit trail)
   * @throws VersionConflictException if the latest stored version is not {@code base}
   */
  public PolicyVersion append(long base, PolicySettings before, PolicySettings settings, Actor author,
      String comment, Long restoredFrom) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(author, "author");
    Instant now = CommentRows.storable(clock.instant());
    PolicyVersion version = new PolicyVersion(base + 1, settings, author.name(), now, comment, base, restoredFrom);
    try {
      return db.inTransaction("append policy version", c -> {
        long latest = latestNumber(c);
        if (latest != base) {
          throw new VersionConflictException(base, latest);
        }
        insert(c, version);
        AuditLog.append(c, new AuditEvent(now, author.name(), author.address(),
            restoredFrom == null ? "policy_change" : "policy_rollback", AuditTarget.policy(version.version()), null,
            null, auditDetail(version, before)));
        return version;
      });
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException sql && DUPLICATE_KEY.equals(sql.getSQLState())) {
        // Another node stored base + 1 between our check and our insert.
        throw new VersionConflictException(base, base + 1);
      }
      throw e;
    }
  }

  /** {@code version 5 (replaces 4; restores 2) 'comment': key: old -> new; ...}, cut to the audit's bound. */
  static String auditDetail(PolicyVersion version, PolicySettings before) {
    String changes = version.settings().changesFrom(before).stream().map(PolicySettings.Change::toString)
        .collect(Collectors.joining("; "));
    return "version " + version.version() + " (replaces " + version.replaces()
        + (version.restoredFrom() == null ? "" : "; restores " + version.restoredFrom()) + ")"
        + (version.comment().isEmpty() ? "" : " '" + version.comment() + "'")
        + ": " + (changes.isEmpty() ? "no changes" : changes);
  }

  private static void insert(Connection c, PolicyVersion v) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setLong(1, v.version());
      ps.setString(2, v.settings().toJson().toString());
      ps.setString(3, v.author());
      CommentRows.setInstant(ps, 4, v.createdAt());
      ps.setString(5, v.comment());
      ps.setLong(6, v.replaces());
      if (v.restoredFrom() == null) {
        ps.setNull(7, Types.BIGINT);
      } else {
        ps.setLong(7, v.restoredFrom());
      }
      ps.executeUpdate();
    }
  }

  private static long latestNumber(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(LATEST_NUMBER); ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0; // MAX of no rows is NULL, read as 0
    }
  }

  private static Optional<PolicyVersion> find(Connection c, long version) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(FIND)) {
      ps.setLong(1, version);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  private static PolicyVersion read(ResultSet rs) throws SQLException {
    long version = rs.getLong("version");
    long restored = rs.getLong("restored_from");
    Long restoredFrom = rs.wasNull() ? null : restored;
    return new PolicyVersion(version, settings(version, rs.getString("settings")), rs.getString("author"),
        CommentRows.getInstant(rs, "created_at"), rs.getString("note"), rs.getLong("replaces"), restoredFrom);
  }

  /** A stored version that no longer validates (e.g. after an upgrade tightened a bound) names itself. */
  private static PolicySettings settings(long version, String json) {
    try {
      return PolicySettings.fromJson(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw new StoreException("policy version " + version + " is corrupt: " + e.getOriginalMessage(), e);
    } catch (WardenConfigException e) {
      throw new StoreException("policy version " + version + " is not valid any more: " + e.getMessage(), e);
    }
  }
}
