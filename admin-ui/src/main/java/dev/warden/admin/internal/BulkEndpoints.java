package dev.warden.admin.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.plugin.store.BulkOutcome;
import dev.warden.plugin.store.CommentStatus;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.HeldCommentStore;
import dev.warden.plugin.store.QueueQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decisions on many comments at once: {@code POST /comments/bulk} ({@code {"action": "approve"|"reject", "ids":
 * [...], "reason"}}) and {@code POST /posters/{key}/reject-pending} ({@code {"reason"}}). Each comment is decided on
 * its own through the store's optimistic check, so the answer lists what was decided, what someone else had already
 * decided (and how), and the ids that do not exist. Moderators only, with the CSRF token. Thread-safe.
 */
final class BulkEndpoints {
  /** The most ids one request may name (a 16 KiB body holds about 400 UUIDs). */
  static final int MAX_IDS = 200;

  private static final Logger LOG = LoggerFactory.getLogger(BulkEndpoints.class);

  private final Access access;
  private final HeldCommentStore store;
  private final Runnable wakeReleaser;

  BulkEndpoints(Access access, HeldCommentStore store, Runnable wakeReleaser) {
    this.access = access;
    this.store = store;
    this.wakeReleaser = wakeReleaser;
  }

  void bulk(HttpServletRequest request, HttpServletResponse response) throws IOException {
    AdminPrincipal moderator = access.requireModerator(request);
    access.requireCsrf(request);
    JsonNode body = Json.readObject(request, false);
    List<String> ids = ids(body.get("ids"));
    String action = body.path("action").asText("");
    BulkOutcome outcome;
    if ("approve".equals(action)) {
      outcome = store.approveAll(ids, moderator.user());
      if (!outcome.decided().isEmpty()) {
        wakeReleaser.run();
      }
    } else if ("reject".equals(action)) {
      outcome = store.rejectAll(ids, moderator.user(), QueueEndpoints.rejectReason(body.get("reason")));
    } else {
      throw ApiException.badRequest("'action' must be approve or reject.");
    }
    LOG.info("Bulk {} by '{}': {} decided, {} already decided, {} missing", action, moderator.user(),
        outcome.decided().size(), outcome.alreadyDecided().size(), outcome.missing().size());
    Json.write(response, 200, view(outcome));
  }

  void rejectPending(HttpServletRequest request, HttpServletResponse response, String key) throws IOException {
    AdminPrincipal moderator = access.requireModerator(request);
    access.requireCsrf(request);
    String posterKey = PosterEndpoints.checked(key);
    String reason = QueueEndpoints.rejectReason(Json.readObject(request, true).get("reason"));
    BulkOutcome outcome = store.rejectPendingFrom(posterKey, moderator.user(), reason);
    long remaining = store.list(QueueQuery.builder(CommentStatus.PENDING).posterKey(posterKey).limit(1).build())
        .total();
    LOG.info("Pending comments of poster {} rejected by '{}' ({}): {} rejected, {} already decided, {} remaining",
        posterKey, moderator.user(), reason, outcome.decided().size(), outcome.alreadyDecided().size(), remaining);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("posterKey", posterKey);
    view.putAll(view(outcome));
    view.put("remaining", remaining);
    Json.write(response, 200, view);
  }

  private static List<String> ids(JsonNode node) {
    if (node == null || !node.isArray() || node.isEmpty() || node.size() > MAX_IDS) {
      throw ApiException.badRequest("'ids' must be an array of 1 to " + MAX_IDS + " comment ids.");
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode id : node) {
      if (!id.isTextual() || !QueueEndpoints.COMMENT_ID.matcher(id.asText()).matches()) {
        throw ApiException.badRequest("'ids' must hold comment ids (letters, digits, '-' and '_').");
      }
      ids.add(id.asText());
    }
    return ids;
  }

  private static Map<String, Object> view(BulkOutcome outcome) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("decided", outcome.decided().stream().map(HeldComment::id).toList());
    view.put("alreadyDecided", outcome.alreadyDecided().stream().map(BulkEndpoints::decided).toList());
    view.put("missing", outcome.missing());
    return view;
  }

  private static Map<String, Object> decided(HeldComment c) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", c.id());
    view.put("status", c.status().wireName());
    view.put("decidedBy", c.decidedBy());
    return view;
  }
}
