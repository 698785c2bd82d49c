package dev.warden.admin.internal;

import dev.warden.plugin.store.HeldCommentStore;
import dev.warden.plugin.throttle.CoordinatedGroup;
import dev.warden.plugin.throttle.Surge;
import dev.warden.plugin.throttle.ThrottlePolicy;
import dev.warden.plugin.throttle.ThrottleReport;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the throttle did, for moderators: {@code GET /throttle} (refusals and holds by reason, the top throttled
 * posters, articles in surge pre-moderation, recent coordinated groups) and {@code GET /coordinated/{group}} (a
 * group with its held comments). Figures are this node's. Thread-safe.
 */
final class ThrottleEndpoints {
  private static final Pattern GROUP = Pattern.compile("[0-9a-f]{1,64}");
  private static final int MAX_TOP = 100;
  private static final int GROUPS_SHOWN = 20;
  private static final int GROUP_COMMENTS = 200;

  private final Access access;
  private final ThrottlePolicy throttle;
  private final HeldCommentStore comments;

  ThrottleEndpoints(Access access, ThrottlePolicy throttle, HeldCommentStore comments) {
    this.access = access;
    this.throttle = throttle;
    this.comments = comments;
  }

  void report(HttpServletRequest request, HttpServletResponse response) throws IOException {
    access.requireModerator(request);
    int top = QueueEndpoints.intParam(request, "top", 20, 1, MAX_TOP);
    ThrottleReport report = throttle.report(top);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("refusedByReason", report.refusedByReason());
    body.put("heldByReason", report.heldByReason());
    body.put("topPosters", report.topPosters().stream().map(p -> {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("key", p.posterKey());
      view.put("refusals", p.refusals());
      view.put("lastReason", p.lastReason());
      view.put("lastRefusedAt", String.valueOf(p.lastRefusedAt()));
      return view;
    }).toList());
    body.put("trackedPosters", report.trackedPosters());
    body.put("evictions", report.evictions());
    body.put("surges", throttle.surges().stream().map(ThrottleEndpoints::view).toList());
    body.put("coordinated", throttle.coordinatedGroups(GROUPS_SHOWN).stream().map(ThrottleEndpoints::view).toList());
    Json.write(response, 200, body);
  }

  void group(HttpServletRequest request, HttpServletResponse response, String group) throws IOException {
    access.requireModerator(request);
    if (!GROUP.matcher(group).matches()) {
      throw ApiException.notFound("No coordinated group " + group + ".");
    }
    var held = comments.listGroup(group, GROUP_COMMENTS);
    var known = throttle.coordinatedGroups(Integer.MAX_VALUE).stream().filter(g -> g.group().equals(group))
        .findFirst();
    if (held.isEmpty() && known.isEmpty()) {
      throw ApiException.notFound("No coordinated group " + group + ".");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("group", group);
    body.put("seen", known.map(ThrottleEndpoints::view).orElse(null));
    body.put("comments", held.stream().map(CommentView::of).toList());
    Json.write(response, 200, body);
  }

  private static Map<String, Object> view(Surge surge) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("articleId", surge.articleId());
    view.put("since", surge.since().toString());
    view.put("recentRate", surge.recentRate());
    view.put("baselineRate", surge.baselineRate());
    return view;
  }

  private static Map<String, Object> view(CoordinatedGroup group) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("group", group.group());
    view.put("posters", group.posters());
    view.put("comments", group.comments());
    view.put("posterKeys", group.posterKeys());
    view.put("firstSeen", group.firstSeen().toString());
    view.put("lastSeen", group.lastSeen().toString());
    return view;
  }
}
