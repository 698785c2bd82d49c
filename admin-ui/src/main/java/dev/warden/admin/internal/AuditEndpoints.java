package dev.warden.admin.internal;

import dev.warden.plugin.store.AuditEvent;
import dev.warden.plugin.store.AuditPage;
import dev.warden.plugin.store.AuditQuery;
import dev.warden.plugin.store.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit trail, read-only: {@code GET /audit?limit&offset&actor&action&target}, newest first, with exact-match
 * filters. Every role may read it (moderators, publishers and admins all answer for their actions). Thread-safe.
 */
final class AuditEndpoints {
  static final int MAX_LIMIT = 200;
  private static final int MAX_FILTER = 512;

  private final Access access;
  private final AuditTrail audit;

  AuditEndpoints(Access access, AuditTrail audit) {
    this.access = access;
    this.audit = audit;
  }

  void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
    AdminPrincipal principal = access.requireUser(request);
    if (!principal.canModerate() && !principal.canPublish()) {
      throw ApiException.forbidden("A moderator, publisher or admin role is needed.");
    }
    int limit = QueueEndpoints.intParam(request, "limit", 50, 1, MAX_LIMIT);
    int offset = QueueEndpoints.intParam(request, "offset", 0, 0, Integer.MAX_VALUE);
    AuditQuery query = new AuditQuery(filter(request, "actor"), filter(request, "action"),
        filter(request, "target"), limit, offset);
    AuditPage page = audit.list(query);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", page.items().stream().map(AuditEndpoints::view).toList());
    body.put("total", page.total());
    body.put("limit", limit);
    body.put("offset", offset);
    Json.write(response, 200, body);
  }

  /** An exact-match filter: absent or empty means any; otherwise printable text of bounded length. */
  private static String filter(HttpServletRequest request, String name) {
    String value = request.getParameter(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.length() > MAX_FILTER || value.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.badRequest("'" + name + "' must be printable text of at most " + MAX_FILTER
          + " characters.");
    }
    return value;
  }

  static Map<String, Object> view(AuditEvent event) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("at", event.at().toString());
    view.put("actor", event.actor());
    view.put("address", event.address());
    view.put("action", event.action());
    view.put("targetType", event.target() == null ? null : event.target().kind().wireName());
    view.put("target", event.target() == null ? null : event.target().id());
    view.put("before", event.before() == null ? null : event.before().wireName());
    view.put("after", event.after() == null ? null : event.after().wireName());
    view.put("detail", event.detail());
    return view;
  }
}
