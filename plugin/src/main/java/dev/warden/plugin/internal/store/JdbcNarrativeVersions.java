package dev.warden.plugin.internal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.classifier.NarrativeDefinition;
import dev.warden.plugin.policy.NarrativeEdit;
import dev.warden.plugin.policy.VersionConflictException;
import dev.warden.plugin.store.Actor;
import dev.warden.plugin.store.AuditEvent;
import dev.warden.plugin.store.AuditTarget;
import dev.warden.plugin.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The publishers' changes of the narrative catalogue ({@code warden_narrative_version}): one row per change, the
 * highest version of an id in force. Appending a change writes its audit event in the same transaction. Two changes
 * of the same narrative at once race for the same primary key, so exactly one wins. Thread-safe.
 */
public final class JdbcNarrativeVersions {
  private static final String DUPLICATE_KEY = "23505";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS = "narrative_id, version, definition, status, author, created_at";
  private static final String INSERT = "INSERT INTO warden_narrative_version (" + COLUMNS
      + ") VALUES (?, ?, ?, ?, ?, ?)";
  private static final String LATEST_NUMBER =
      "SELECT MAX(version) FROM warden_narrative_version WHERE narrative_id = ?";
  private static final String LATEST = "SELECT " + COLUMNS + " FROM warden_narrative_version v WHERE version ="
      + " (SELECT MAX(w.version) FROM warden_narrative_version w WHERE w.narrative_id = v.narrative_id)"
      + " ORDER BY narrative_id";
  private static final String HISTORY = "SELECT " + COLUMNS + " FROM warden_narrative_version"
      + " WHERE narrative_id = ? ORDER BY version DESC LIMIT ?";

  private final Database db;
  private final Clock clock;

  JdbcNarrativeVersions(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The change in force of every narrative a publisher ever changed, by id. */
  public List<NarrativeEdit> latest() {
    return db.inTransaction("latest narratives", c -> {
      try (PreparedStatement ps = c.prepareStatement(LATEST); ResultSet rs = ps.executeQuery()) {
        return readAll(rs);
      }
    });
  }

  /** The changes of one narrative, newest first. */
  public List<NarrativeEdit> history(String id, int limit) {
    JdbcCommentStore.requireLimit(limit);
    return db.inTransaction("narrative history", c -> {
      try (PreparedStatement ps = c.prepareStatement(HISTORY)) {
        ps.setString(1, id);
        ps.setInt(2, limit);
        try (ResultSet rs = ps.executeQuery()) {
          return readAll(rs);
        }
      }
    });
  }

  /**
   * Stores the next version of a narrative and its audit event ({@code action}, target the narrative).
   *
   * @param expected the version the change is based on (0 for a narrative never changed), or -1 for any
   * @throws VersionConflictException if another change of this narrative was stored since {@code expected}
   */
  public NarrativeEdit append(NarrativeDefinition narrative, NarrativeEdit.Status status, Actor author,
      String action, long expected) {
    Objects.requireNonNull(narrative, "narrative");
    Objects.requireNonNull(author, "author");
    Instant now = CommentRows.storable(clock.instant());
    try {
      return db.inTransaction("append narrative version", c -> {
        long latest = latestNumber(c, narrative.id());
        if (expected >= 0 && latest != expected) {
          throw new VersionConflictException(expected, latest);
        }
        NarrativeEdit edit = new NarrativeEdit(narrative, status, latest + 1, author.name(), now);
        insert(c, edit);
        AuditLog.append(c, new AuditEvent(now, author.name(), author.address(), action,
            AuditTarget.narrative(narrative.id()), null, null, auditDetail(edit)));
        return edit;
      });
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException sql && DUPLICATE_KEY.equals(sql.getSQLState())) {
        throw new VersionConflictException(expected, expected + 1);
      }
      throw e;
    }
  }

  /** {@code version 3, retired: 'title'; 4 phrasings, 2 keywords, debunk https://…}. */
  static String auditDetail(NarrativeEdit edit) {
    NarrativeDefinition n = edit.narrative();
    return "version " + edit.version() + ", " + edit.status().wireName() + ": '" + n.title() + "'; "
        + n.phrasings().size() + " phrasings, " + n.keywords().size() + " keywords, debunk "
        + (n.debunk() == null ? "none" : n.debunk());
  }

  /** The narrative as JSON in the catalogue's shape. */
  static String toJson(NarrativeDefinition n) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", n.id());
    node.put("title", n.title());
    node.put("description", n.description());
    n.phrasings().forEach(node.putArray("phrasings")::add);
    n.keywords().forEach(node.putArray("keywords")::add);
    if (n.debunk() != null) {
      node.put("debunk", n.debunk());
    }
    return node.toString();
  }

  private static NarrativeDefinition fromJson(String id, long version, String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return new NarrativeDefinition(node.path("id").asText(), node.path("title").asText(),
          node.path("description").asText(""), strings(node.path("phrasings")), strings(node.path("keywords")),
          node.hasNonNull("debunk") ? node.get("debunk").asText() : null);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new StoreException("narrative " + id + " version " + version + " is not valid: " + e.getMessage(), e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static void insert(Connection c, NarrativeEdit e) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setString(1, e.id());
      ps.setLong(2, e.version());
      ps.setString(3, toJson(e.narrative()));
      ps.setString(4, e.status().wireName());
      ps.setString(5, e.author());
      CommentRows.setInstant(ps, 6, e.changedAt());
      ps.executeUpdate();
    }
  }

  private static long latestNumber(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(LATEST_NUMBER)) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  private static List<NarrativeEdit> readAll(ResultSet rs) throws SQLException {
    List<NarrativeEdit> edits = new ArrayList<>();
    while (rs.next()) {
      String id = rs.getString("narrative_id");
      long version = rs.getLong("version");
      edits.add(new NarrativeEdit(fromJson(id, version, rs.getString("definition")),
          NarrativeEdit.Status.fromWireName(rs.getString("status")), version, rs.getString("author"),
          CommentRows.getInstant(rs, "created_at")));
    }
    return List.copyOf(edits);
  }
}
