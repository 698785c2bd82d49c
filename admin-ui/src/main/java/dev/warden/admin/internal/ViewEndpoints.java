package dev.warden.admin.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.plugin.store.SavedView;
import dev.warden.plugin.store.SavedViews;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A moderator's saved queue views: {@code GET /views} lists the caller's own, {@code POST /views} with
 * {@code {"name","query"}} saves one (replacing the caller's view of that name), {@code DELETE /views/{name}}
 * deletes one. Moderator role; changes need the CSRF token. Thread-safe.
 */
final class ViewEndpoints {
  private static final Logger LOG = LoggerFactory.getLogger(ViewEndpoints.class);

  private final Access access;
  private final SavedViews views;

  ViewEndpoints(Access access, SavedViews views) {
    this.access = access;
    this.views = views;
  }

  void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
    AdminPrincipal moderator = access.requireModerator(request);
    Json.write(response, 200, Map.of("items", views.list(moderator.user()).stream().map(ViewEndpoints::view)
        .toList()));
  }

  void save(HttpServletRequest request, HttpServletResponse response) throws IOException {
    AdminPrincipal moderator = access.requireModerator(request);
    access.requireCsrf(request);
    JsonNode body = Json.readObject(request, false);
    String name = text(body, "name");
    String query = text(body, "query");
    if (name.isBlank() || name.length() > SavedViews.MAX_NAME || name.contains("/")) {
      throw ApiException.badRequest("'name' must be 1 to " + SavedViews.MAX_NAME
          + " characters, without a slash.");
    }
    if (query.startsWith("#") || query.startsWith("?")) {
      query = query.substring(1);
    }
    SavedView saved;
    try {
      saved = views.save(moderator.user(), name, query);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    LOG.info("View '{}' saved by '{}'", name, moderator.user());
    Json.write(response, 201, view(saved));
  }

  void delete(HttpServletRequest request, HttpServletResponse response, String name) throws IOException {
    AdminPrincipal moderator = access.requireModerator(request);
    access.requireCsrf(request);
    if (name.isBlank() || name.length() > SavedViews.MAX_NAME) {
      throw ApiException.notFound("No such view.");
    }
    SavedView deleted;
    try {
      deleted = views.delete(moderator.user(), name).orElseThrow(() -> ApiException.notFound("No such view."));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("No such view.");
    }
    LOG.info("View '{}' deleted by '{}'", name, moderator.user());
    Json.write(response, 200, view(deleted));
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual()) {
      throw ApiException.badRequest("'" + field + "' must be a string.");
    }
    return value.asText();
  }

  private static Map<String, Object> view(SavedView view) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", view.name());
    json.put("query", view.query());
    json.put("createdAt", view.createdAt().toString());
    return json;
  }
}
