package dev.warden.admin.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.plugin.store.CommentStatus;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.HeldCommentStore;
import dev.warden.plugin.store.PosterHistory;
import dev.warden.plugin.store.PosterNote;
import dev.warden.plugin.store.PosterNotes;
import dev.warden.plugin.store.PosterSuspensions;
import dev.warden.plugin.throttle.ThrottlePolicy;
import dev.warden.plugin.throttle.ThrottleReport.ThrottledPoster;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What moderators know about a poster: {@code GET /posters/{key}/history} (stored comments per status and the
 * latest few, this node's throttle refusals, the suspension in force) and the notes moderators leave for each other,
 * {@code GET /posters/{key}/notes} and {@code POST /posters/{key}/notes} ({@code {"text"}}, with the CSRF token).
 * Moderators only. Thread-safe.
 */
final class PosterDeskEndpoints {
  private static final Logger LOG = LoggerFactory.getLogger(PosterDeskEndpoints.class);
  private static final int NOTES_SHOWN = 50;
  /** Every poster the throttle still remembers, so that one with few refusals is found too. */
  private static final int ALL_THROTTLED = Integer.MAX_VALUE;

  private final Access access;
  private final HeldCommentStore comments;
  private final ThrottlePolicy throttle;
  private final PosterSuspensions suspensions;
  private final PosterNotes notes;
  private final Clock clock;

  PosterDeskEndpoints(Access access, HeldCommentStore comments, ThrottlePolicy throttle,
      PosterSuspensions suspensions, PosterNotes notes, Clock clock) {
    this.access = access;
    this.comments = comments;
    this.throttle = throttle;
    this.suspensions = suspensions;
    this.notes = notes;
    this.clock = clock;
  }

  void history(HttpServletRequest request, HttpServletResponse response, String key) throws IOException {
    access.requireModerator(request);
    String posterKey = PosterEndpoints.checked(key);
    int recent = QueueEndpoints.intParam(request, "recent", 5, 1, 50);
    PosterHistory history = comments.posterHistory(posterKey, recent);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", posterKey);
    Map<String, Long> counts = new LinkedHashMap<>();
    for (CommentStatus status : CommentStatus.values()) {
      counts.put(status.wireName(), history.counts().get(status));
    }
    body.put("counts", counts);
    body.put("total", history.total());
    body.put("recent", history.recent().stream().map(PosterDeskEndpoints::earlier).toList());
    body.put("throttle", throttle.report(ALL_THROTTLED).topPosters().stream()
        .filter(p -> p.posterKey().equals(posterKey)).findFirst().map(PosterDeskEndpoints::refusals).orElse(null));
    body.put("suspension", suspensions.find(posterKey, clock.instant()).map(PosterEndpoints::view).orElse(null));
    Json.write(response, 200, body);
  }

  void notes(HttpServletRequest request, HttpServletResponse response, String key) throws IOException {
    access.requireModerator(request);
    String posterKey = PosterEndpoints.checked(key);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", posterKey);
    body.put("items", notes.list(posterKey, NOTES_SHOWN).stream().map(PosterDeskEndpoints::view).toList());
    Json.write(response, 200, body);
  }

  void addNote(HttpServletRequest request, HttpServletResponse response, String key) throws IOException {
    AdminPrincipal moderator = access.requireModerator(request);
    access.requireCsrf(request);
    String posterKey = PosterEndpoints.checked(key);
    JsonNode text = Json.readObject(request, false).get("text");
    if (text == null || !text.isTextual() || text.asText().isBlank()
        || text.asText().strip().length() > PosterNotes.MAX_TEXT) {
      throw ApiException.badRequest("'text' must be a note of 1 to " + PosterNotes.MAX_TEXT + " characters.");
    }
    PosterNote note;
    try {
      note = notes.add(posterKey, moderator.user(), text.asText());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    LOG.info("Note {} on poster {} added by '{}'", note.id(), posterKey, moderator.user());
    Json.write(response, 201, view(note));
  }

  /** An earlier comment, in brief: enough to recognise it and see what became of it. */
  private static Map<String, Object> earlier(HeldComment c) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", c.id());
    view.put("text", c.text());
    view.put("articleId", c.articleId());
    view.put("status", c.status().wireName());
    view.put("reason", c.reason());
    view.put("receivedAt", c.receivedAt());
    view.put("decidedBy", c.decidedBy());
    view.put("rejectReason", c.rejectReason());
    return view;
  }

  private static Map<String, Object> refusals(ThrottledPoster p) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("refusals", p.refusals());
    view.put("lastReason", p.lastReason());
    view.put("lastRefusedAt", p.lastRefusedAt());
    return view;
  }

  static Map<String, Object> view(PosterNote note) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", note.id());
    view.put("key", note.posterKey());
    view.put("at", note.at());
    view.put("author", note.author());
    view.put("text", note.text());
    return view;
  }
}
