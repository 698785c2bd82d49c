package dev.warden.admin.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.plugin.store.Actor;
import dev.warden.plugin.store.Article;
import dev.warden.plugin.store.ArticleRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The article registry the CMS fills: {@code PUT /articles/{id}} (bearer {@code admin.api-token}, or a publisher
 * or admin session with CSRF) and {@code GET /articles/{id}} (any logged-in user or the token). Thread-safe.
 */
final class ArticleEndpoints {
  /** The audit trail's actor for the CMS's bearer token. */
  static final String API_TOKEN_ACTOR = "api-token";
  private static final Logger LOG = LoggerFactory.getLogger(ArticleEndpoints.class);
  private static final Pattern ARTICLE_ID = Pattern.compile("[\\p{L}\\p{N}._~:-]{1,200}");
  private static final int MAX_TITLE = 500;
  private static final int MAX_SECTION = 100;
  private static final int MAX_TAGS = 50;
  private static final int MAX_TAG = 100;

  private final Access access;
  private final ArticleRegistry registry;

  ArticleEndpoints(Access access, ArticleRegistry registry) {
    this.access = access;
    this.registry = registry;
  }

  void get(HttpServletRequest request, HttpServletResponse response, String id) throws IOException {
    if (!access.hasApiToken(request)) {
      access.requireUser(request);
    }
    Article article = registry.find(checkId(id)).orElseThrow(() -> ApiException.notFound("No article " + id + "."));
    Json.write(response, 200, view(article));
  }

  void put(HttpServletRequest request, HttpServletResponse response, String id) throws IOException {
    Actor who = authorizePut(request);
    checkId(id);
    Article article = parse(id, Json.readObject(request, false));
    boolean existed = registry.find(id).isPresent();
    registry.put(article, who);
    LOG.info("Article {} registered by '{}'", id, who.name());
    Json.write(response, existed ? 200 : 201, view(article));
  }

  private Actor authorizePut(HttpServletRequest request) {
    if (access.hasApiToken(request)) {
      return new Actor(API_TOKEN_ACTOR, Access.clientAddress(request));
    }
    if (Access.hasBearer(request)) {
      throw new ApiException(401, "bad_token", "The bearer token is not admin.api-token.");
    }
    AdminPrincipal principal = access.requireUser(request);
    if (!principal.canPublish()) {
      throw ApiException.forbidden("The publisher role is needed.");
    }
    access.requireCsrf(request);
    return Access.actor(principal, request);
  }

  private static String checkId(String id) {
    if (!ARTICLE_ID.matcher(id).matches()) {
      throw ApiException.badRequest("The article id may use letters, digits and . _ ~ : - (at most 200).");
    }
    return id;
  }

  private static Article parse(String id, JsonNode body) {
    String title = optionalText(body, "title", MAX_TITLE);
    String section = optionalText(body, "section", MAX_SECTION);
    List<String> tags = new ArrayList<>();
    JsonNode tagsNode = body.get("tags");
    if (tagsNode != null && !tagsNode.isNull()) {
      if (!tagsNode.isArray() || tagsNode.size() > MAX_TAGS) {
        throw ApiException.badRequest("'tags' must be an array of at most " + MAX_TAGS + " strings.");
      }
      for (JsonNode tag : tagsNode) {
        if (!tag.isTextual() || tag.asText().isBlank() || tag.asText().length() > MAX_TAG) {
          throw ApiException.badRequest("Each tag must be a non-blank string of at most " + MAX_TAG + " characters.");
        }
        tags.add(tag.asText());
      }
    }
    JsonNode conflictNode = body.get("conflict");
    Boolean conflict = null;
    if (conflictNode != null && !conflictNode.isNull()) {
      if (!conflictNode.isBoolean()) {
        throw ApiException.badRequest("'conflict' must be true, false or null.");
      }
      conflict = conflictNode.asBoolean();
    }
    return new Article(id, title, section, tags, conflict);
  }

  private static String optionalText(JsonNode body, String field, int max) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return "";
    }
    if (!node.isTextual() || node.asText().length() > max) {
      throw ApiException.badRequest("'" + field + "' must be a string of at most " + max + " characters.");
    }
    return node.asText();
  }

  private static Map<String, Object> view(Article a) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", a.id());
    view.put("title", a.title());
    view.put("section", a.section());
    view.put("tags", a.tags());
    view.put("conflict", a.conflict());
    return view;
  }
}
