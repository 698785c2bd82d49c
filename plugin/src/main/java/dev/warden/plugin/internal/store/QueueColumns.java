package dev.warden.plugin.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The columns the queue sorts and filters on, derived from a comment's scores and explanation: its top score, its
 * language and the narratives it matched. Written at save, and by {@link QueueColumnsBackfill} for rows saved
 * before they existed. The explanation is read defensively (older rows and other tools lack fields). Stateless.
 */
final class QueueColumns {
  static final int MAX_LANGUAGE = 64;
  static final int MAX_NARRATIVE_ID = 200;
  /** The explanation keeps at most 5; more than this from another writer are ignored. */
  static final int MAX_NARRATIVES = 20;

  private static final String INSERT_NARRATIVE =
      "INSERT INTO warden_comment_narrative (comment_id, narrative_id) VALUES (?, ?)";

  private QueueColumns() {}

  /** The highest finite score of any label or kind, or null if there is none. */
  static Double topScore(Map<String, Double> scores) {
    return scores.values().stream().filter(v -> v != null && Double.isFinite(v)).max(Double::compare).orElse(null);
  }

  /** The detected language code in lower case, or null. */
  static String language(Map<String, Object> explanation) {
    if (explanation.get("language") instanceof String code && !code.isBlank() && code.length() <= MAX_LANGUAGE) {
      return code.trim().toLowerCase(Locale.ROOT);
    }
    return null;
  }

  /** The ids of the matched narratives, without duplicates, in the explanation's order. */
  static Set<String> narrativeIds(Map<String, Object> explanation) {
    Set<String> ids = new LinkedHashSet<>();
    if (explanation.get("narratives") instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> narrative && narrative.get("id") instanceof String id && !id.isBlank()
            && id.length() <= MAX_NARRATIVE_ID && ids.size() < MAX_NARRATIVES) {
          ids.add(id);
        }
      }
    }
    return ids;
  }

  static void setTopScore(PreparedStatement ps, int index, Double score) throws SQLException {
    if (score == null) {
      ps.setNull(index, Types.DOUBLE);
    } else {
      ps.setDouble(index, score);
    }
  }

  /** Records the narratives a comment matched, in the caller's transaction. */
  static void insertNarratives(Connection c, String commentId, Set<String> narrativeIds) throws SQLException {
    if (narrativeIds.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT_NARRATIVE)) {
      for (String narrative : narrativeIds) {
        ps.setString(1, commentId);
        ps.setString(2, narrative);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
