package dev.warden.admin.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the flags and matched narratives out of a stored explanation for the API, defensively: anything malformed
 * is skipped, and a debunk link is passed on only when it is an http(s) URL, so the page never gets a
 * {@code javascript:} or {@code data:} link from a publisher's catalogue. Stateless.
 */
final class ExplanationParts {
  private static final int MAX_FLAGS = 10;
  private static final int MAX_NARRATIVES = 5;

  private ExplanationParts() {}

  /** {@code explanation.flags} as strings; empty when absent. */
  static List<String> flags(Map<String, Object> explanation) {
    List<String> flags = new ArrayList<>();
    if (explanation.get("flags") instanceof List<?> list) {
      for (Object flag : list) {
        if (flag instanceof String text && !text.isBlank() && flags.size() < MAX_FLAGS) {
          flags.add(text);
        }
      }
    }
    return flags;
  }

  /**
   * {@code explanation.narratives} as {@code [{"id", "title", "description", "similarity", "debunkUrl"?}]}, most
   * similar first as stored; an item without id, title or similarity is skipped.
   */
  static List<Map<String, Object>> narratives(Map<String, Object> explanation) {
    List<Map<String, Object>> narratives = new ArrayList<>();
    if (!(explanation.get("narratives") instanceof List<?> list)) {
      return narratives;
    }
    for (Object item : list) {
      if (narratives.size() < MAX_NARRATIVES && item instanceof Map<?, ?> map
          && map.get("id") instanceof String id && map.get("title") instanceof String title
          && map.get("similarity") instanceof Number similarity) {
        Map<String, Object> narrative = new LinkedHashMap<>();
        narrative.put("id", id);
        narrative.put("title", title);
        narrative.put("description", map.get("description") instanceof String d ? d : "");
        narrative.put("similarity", similarity.doubleValue());
        String url = map.get("debunkUrl") instanceof String u ? webUrl(u) : null;
        if (url != null) {
          narrative.put("debunkUrl", url);
        }
        narratives.add(narrative);
      }
    }
    return narratives;
  }

  /** The URL if it is an http or https URL without spaces or control characters, else null. */
  static String webUrl(String url) {
    String trimmed = url.trim();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    boolean web = lower.startsWith("https://") || lower.startsWith("http://");
    return web && trimmed.length() > 8 && trimmed.chars().noneMatch(c -> c <= ' ' || c == 0x7f) ? trimmed : null;
  }
}
