package dev.warden.admin.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.classifier.NarrativeDefinition;
import dev.warden.plugin.policy.CatalogueEntry;
import dev.warden.plugin.policy.LiveNarratives;
import dev.warden.plugin.policy.NarrativeEdit;
import dev.warden.plugin.policy.VersionConflictException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The narrative catalogue of the publishers' console: {@code GET /narratives} (every narrative, bundled, from a
 * file or a publisher's, active or retired), {@code PUT /narratives/{id}} (add or edit), {@code POST
 * /narratives/{id}/retire} and {@code /restore}. Publishers and admins only; changes need the CSRF token. A bad value
 * is a 400 whose {@code field} names it. Thread-safe.
 */
final class NarrativeEndpoints {
  /** The same rule as the catalogue file's ids. */
  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,79}");
  static final int MAX_TITLE = 200;
  static final int MAX_TEXT = 2000;
  static final int MAX_ITEMS = 100;
  static final int MAX_ITEM = 500;

  private static final Logger LOG = LoggerFactory.getLogger(NarrativeEndpoints.class);
  private static final Set<String> KEYS = Set.of("id", "title", "description", "phrasings", "keywords", "debunk");

  private final Access access;
  private final LiveNarratives narratives;

  NarrativeEndpoints(Access access, LiveNarratives narratives) {
    this.access = access;
    this.narratives = narratives;
  }

  void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
    access.requirePublisher(request);
    List<Map<String, Object>> items = new ArrayList<>();
    narratives.catalogue().forEach(e -> items.add(view(e)));
    Json.write(response, 200, Map.of("narratives", items));
  }

  void put(HttpServletRequest request, HttpServletResponse response, String id) throws IOException {
    AdminPrincipal publisher = access.requirePublisher(request);
    access.requireCsrf(request);
    JsonNode body = Json.readObject(request, false);
    NarrativeDefinition narrative = parse(id, body);
    NarrativeEdit edit = change(() -> narratives.save(narrative, Access.actor(publisher, request)));
    LOG.info("Narrative {} version {} saved by '{}' from {}", edit.id(), edit.version(), publisher.user(),
        request.getRemoteAddr());
    Json.write(response, 200, view(narratives.find(edit.id()).orElseThrow()));
  }

  void retire(HttpServletRequest request, HttpServletResponse response, String id) throws IOException {
    AdminPrincipal publisher = access.requirePublisher(request);
    access.requireCsrf(request);
    NarrativeEdit edit = change(() -> narratives.retire(id, Access.actor(publisher, request)));
    LOG.info("Narrative {} retired by '{}' from {}", edit.id(), publisher.user(), request.getRemoteAddr());
    Json.write(response, 200, view(narratives.find(edit.id()).orElseThrow()));
  }

  void restore(HttpServletRequest request, HttpServletResponse response, String id) throws IOException {
    AdminPrincipal publisher = access.requirePublisher(request);
    access.requireCsrf(request);
    NarrativeEdit edit = change(() -> narratives.restore(id, Access.actor(publisher, request)));
    LOG.info("Narrative {} restored by '{}' from {}", edit.id(), publisher.user(), request.getRemoteAddr());
    Json.write(response, 200, view(narratives.find(edit.id()).orElseThrow()));
  }

  private static NarrativeEdit change(java.util.function.Supplier<NarrativeEdit> change) {
    try {
      return change.get();
    } catch (VersionConflictException e) {
      throw ApiException.withDetails(409, "version_conflict",
          "The narrative was changed meanwhile; reload and make your change again.", Map.of());
    } catch (NoSuchElementException e) {
      throw ApiException.notFound("No such narrative.");
    }
  }

  /** The narrative of a PUT, each field checked as the catalogue file's are; a 400 names the first bad one. */
  static NarrativeDefinition parse(String id, JsonNode body) {
    body.fieldNames().forEachRemaining(key -> {
      if (!KEYS.contains(key)) {
        throw ApiException.invalidField(key, "Unknown field '" + key + "'; expected one of " + KEYS + ".");
      }
    });
    if (!ID.matcher(id).matches()) {
      throw ApiException.invalidField("id", "The id must be 1-80 of a-z, 0-9, _ and -, starting with a letter or "
          + "digit.");
    }
    if (body.hasNonNull("id") && !id.equals(body.get("id").asText())) {
      throw ApiException.invalidField("id", "The id in the body must be the id in the path.");
    }
    String title = text(body, "title", MAX_TITLE);
    if (title == null || title.isBlank()) {
      throw ApiException.invalidField("title", "A narrative needs a title.");
    }
    List<String> phrasings = lines(body, "phrasings");
    if (phrasings.isEmpty()) {
      throw ApiException.invalidField("phrasings", "A narrative needs at least one phrasing.");
    }
    String debunk = text(body, "debunk", MAX_ITEM);
    if (debunk != null && !debunk.isBlank() && !isHttpUrl(debunk.strip())) {
      throw ApiException.invalidField("debunk", "The debunk must be an http(s) link.");
    }
    try {
      return new NarrativeDefinition(id, title, text(body, "description", MAX_TEXT), phrasings,
          lines(body, "keywords"), debunk);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  private static String text(JsonNode body, String field, int max) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || value.asText().length() > max) {
      throw ApiException.invalidField(field, "'" + field + "' must be text of at most " + max + " characters.");
    }
    return value.asText();
  }

  private static List<String> lines(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray() || value.size() > MAX_ITEMS) {
      throw ApiException.invalidField(field, "'" + field + "' must be a list of at most " + MAX_ITEMS + " texts.");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual() || item.asText().length() > MAX_ITEM) {
        throw ApiException.invalidField(field, "Each of '" + field + "' must be text of at most " + MAX_ITEM
            + " characters.");
      }
      if (!item.asText().isBlank()) {
        out.add(item.asText().strip());
      }
    }
    return out;
  }

  private static boolean isHttpUrl(String url) {
    try {
      URI uri = new URI(url);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static Map<String, Object> view(CatalogueEntry entry) {
    NarrativeDefinition n = entry.narrative();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", n.id());
    out.put("title", n.title());
    out.put("description", n.description());
    out.put("phrasings", n.phrasings());
    out.put("keywords", n.keywords());
    out.put("debunk", n.debunk());
    out.put("source", entry.source().wireName());
    out.put("status", entry.status().wireName());
    NarrativeEdit edit = entry.edit();
    out.put("version", edit == null ? 0 : edit.version());
    out.put("author", edit == null ? null : edit.author());
    out.put("changedAt", edit == null ? null : edit.changedAt().toString());
    return out;
  }
}
