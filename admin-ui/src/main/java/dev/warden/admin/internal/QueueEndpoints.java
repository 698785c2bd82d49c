package dev.warden.admin.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.plugin.store.CommentStatus;
import dev.warden.plugin.store.DecisionConflictException;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.HeldCommentStore;
import dev.warden.plugin.store.QueuePage;
import dev.warden.plugin.store.QueueQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The moderation queue: {@code GET /queue} (sorted and filtered, see {@link QueueParams}), {@code GET /counts}, {@code GET /comments/{id}},
 * {@code POST /comments/{id}/approve}, {@code POST /comments/{id}/reject}, {@code POST /comments/{id}/undo}.
 * Thread-safe.
 */
final class QueueEndpoints {
  private static final Logger LOG = LoggerFactory.getLogger(QueueEndpoints.class);
  static final List<String> REJECT_REASONS = List.of("abuse", "disinformation", "spam", "off_topic", "other");
  static final Pattern COMMENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final Access access;
  private final HeldCommentStore store;
  private final Runnable wakeReleaser;
  private final ArticleLinks links;

  QueueEndpoints(Access access, HeldCommentStore store, Runnable wakeReleaser, ArticleLinks links) {
    this.access = access;
    this.store = store;
    this.wakeReleaser = wakeReleaser;
    this.links = links;
  }

  void queue(HttpServletRequest request, HttpServletResponse response) throws IOException {
    access.requireModerator(request);
    QueueQuery query = QueueParams.query(request);
    QueuePage page = store.list(query);
    Map<String, Object> body = new LinkedHashMap<>();
    ArticleLinks.PerRequest articles = links.forRequest(request.getContextPath());
    body.put("items", page.items().stream().map(articles::view).toList());
    body.put("total", page.total());
    body.put("sort", query.sort().wireName());
    body.put("limit", query.limit());
    body.put("offset", query.offset());
    Json.write(response, 200, body);
  }

  void counts(HttpServletRequest request, HttpServletResponse response) throws IOException {
    access.requireModerator(request);
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<CommentStatus, Long> stored = store.counts();
    for (CommentStatus status : CommentStatus.values()) {
      counts.put(status.wireName(), stored.getOrDefault(status, 0L));
    }
    Json.write(response, 200, counts);
  }

  void comment(HttpServletRequest request, HttpServletResponse response, String id) throws IOException {
    access.requireModerator(request);
    Json.write(response, 200, links.forRequest(request.getContextPath()).view(find(id)));
  }

  void approve(HttpServletRequest request, HttpServletResponse response, String id) throws IOException {
    AdminPrincipal moderator = access.requireModerator(request);
    access.requireCsrf(request);
    HeldComment approved = decide(id, () -> store.approve(id, Access.actor(moderator, request)));
    LOG.info("Comment {} approved by '{}'", id, moderator.user());
    wakeReleaser.run();
    Json.write(response, 200, links.forRequest(request.getContextPath()).view(approved));
  }

  void reject(HttpServletRequest request, HttpServletResponse response, String id) throws IOException {
    AdminPrincipal moderator = access.requireModerator(request);
    access.requireCsrf(request);
    JsonNode body = Json.readObject(request, true);
    String reason = rejectReason(body.get("reason"));
    HeldComment rejected = decide(id, () -> store.reject(id, Access.actor(moderator, request), reason));
    LOG.info("Comment {} rejected by '{}' ({})", id, moderator.user(), reason);
    Json.write(response, 200, links.forRequest(request.getContextPath()).view(rejected));
  }

  /**
   * Undoes a decision made by mistake (see {@link HeldCommentStore#undo}): an approved comment not yet delivered or
   * a rejected one goes back to the queue; a delivered one is flagged for the site to take down.
   */
  void undo(HttpServletRequest request, HttpServletResponse response, String id) throws IOException {
    AdminPrincipal moderator = access.requireModerator(request);
    access.requireCsrf(request);
    find(id);
    HeldComment undone;
    try {
      undone = store.undo(id, moderator.user());
    } catch (NoSuchElementException e) {
      throw ApiException.notFound("No comment " + id + ".");
    } catch (DecisionConflictException e) {
      throw new ApiException(409, "cannot_undo", cannotUndo(e.current()), CommentView.of(e.current()));
    }
    LOG.info("Decision on comment {} undone by '{}': now {}{}", id, moderator.user(), undone.status().wireName(),
        undone.withdrawal() == null ? "" : ", withdrawal requested");
    Json.write(response, 200, links.forRequest(request.getContextPath()).view(undone));
  }

  private static String cannotUndo(HeldComment current) {
    return switch (current.status()) {
      case PENDING, AUTO_REJECTED -> "Comment is " + current.status().wireName().replace('_', ' ')
          + ": there is no decision to undo.";
      case APPROVED -> "The comment is being delivered to the site right now; try again in a moment.";
      default -> "Comment changed meanwhile: it is now " + current.status().wireName().replace('_', ' ') + ".";
    };
  }

  private HeldComment find(String id) {
    if (!COMMENT_ID.matcher(id).matches()) {
      throw ApiException.notFound("No comment " + id + ".");
    }
    return store.find(id).orElseThrow(() -> ApiException.notFound("No comment " + id + "."));
  }

  private HeldComment decide(String id, java.util.function.Supplier<HeldComment> decision) {
    find(id);
    try {
      return decision.get();
    } catch (NoSuchElementException e) {
      throw ApiException.notFound("No comment " + id + ".");
    } catch (DecisionConflictException e) {
      HeldComment current = e.current();
      String by = current.decidedBy() == null ? "the system" : current.decidedBy();
      throw new ApiException(409, "already_decided",
          "Comment is already " + current.status().wireName().replace('_', ' ') + ", decided by " + by + ".",
          CommentView.of(current));
    }
  }

  /** A reject reason from a request body: one of {@link #REJECT_REASONS}, {@code other} if absent, else 400. */
  static String rejectReason(JsonNode node) {
    if (node == null || node.isNull()) {
      return "other";
    }
    if (!node.isTextual() || !REJECT_REASONS.contains(node.asText())) {
      throw ApiException.badRequest("'reason' must be one of " + REJECT_REASONS + ".");
    }
    return node.asText();
  }

  static int intParam(HttpServletRequest request, String name, int dflt, int min, int max) {
    String value = request.getParameter(name);
    if (value == null || value.isEmpty()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw ApiException.badRequest("'" + name + "' must be an integer from " + min
        + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ".");
  }
}
