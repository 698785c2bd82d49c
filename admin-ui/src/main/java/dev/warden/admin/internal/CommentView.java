package dev.warden.admin.internal;

import dev.warden.plugin.store.HeldComment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON shape of one comment for moderators: the stored fields (with the article's {@code articleTitle} and
 * {@code articleUrl}, null when unknown; with the coordinated {@code group}, null unless
 * the throttle held it as {@code coordinated}; {@code withdrawal} null unless a moderator asked the site to take a
 * delivered comment down), the scores per label and abuse kind, and from the explanation the
 * top terms per label or kind (with their spans in the text), the language, the flags, the matched narratives, and
 * a plain-sentence reason. The explanation is read defensively: rows written by older versions or other tools lack
 * fields, and a malformed part is skipped rather than failing a page. Stateless.
 */
final class CommentView {
  private static final int MAX_TERMS_PER_LABEL = 10;

  private CommentView() {}

  /** The view without article details ({@code articleTitle} and {@code articleUrl} null). */
  static Map<String, Object> of(HeldComment c) {
    return of(c, null, null);
  }

  /**
   * The view with the article's title (null if unknown) and the path of the article's page (null if unknown).
   */
  static Map<String, Object> of(HeldComment c, String articleTitle, String articleUrl) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", c.id());
    view.put("text", c.text());
    view.put("author", c.author());
    view.put("articleId", c.articleId());
    view.put("articleTitle", articleTitle);
    view.put("articleUrl", articleUrl);
    view.put("posterKey", c.posterKey());
    view.put("scores", new TreeMap<>(c.scores()));
    view.put("terms", terms(c.explanation(), c.text().length()));
    String language = c.explanation().get("language") instanceof String code ? code : null;
    view.put("language", language);
    view.put("languageName", LanguageNames.of(language));
    view.put("flags", ExplanationParts.flags(c.explanation()));
    view.put("narratives", ExplanationParts.narratives(c.explanation()));
    view.put("reason", c.reason());
    view.put("reasonText", ReasonText.of(c));
    view.put("group", c.group());
    view.put("status", c.status().wireName());
    view.put("decision", c.decision().name().toLowerCase(Locale.ROOT));
    view.put("receivedAt", c.receivedAt());
    view.put("decidedAt", c.decidedAt());
    view.put("decidedBy", c.decidedBy());
    view.put("rejectReason", c.rejectReason());
    view.put("deliveryAttempts", c.deliveryAttempts());
    view.put("lastDeliveryError", c.lastDeliveryError());
    view.put("withdrawal", c.withdrawal() == null ? null
        : Map.of("requestedAt", c.withdrawal().requestedAt(), "requestedBy", c.withdrawal().requestedBy()));
    return view;
  }

  /**
   * Top terms per label or kind from {@code explanation.terms}, as {@code [{"text", "weight"?, "start"?,
   * "end"?}]}. Accepts a list of strings or of maps per name; a span is kept only when it lies inside the text.
   */
  static Map<String, List<Map<String, Object>>> terms(Map<String, Object> explanation, int textLength) {
    Map<String, List<Map<String, Object>>> out = new TreeMap<>();
    if (!(explanation.get("terms") instanceof Map<?, ?> byLabel)) {
      return out;
    }
    byLabel.forEach((label, list) -> {
      if (label instanceof String name && list instanceof List<?> items) {
        List<Map<String, Object>> terms = new ArrayList<>();
        for (Object item : items) {
          Map<String, Object> term = term(item, textLength);
          if (term != null && terms.size() < MAX_TERMS_PER_LABEL) {
            terms.add(term);
          }
        }
        out.put(name, terms);
      }
    });
    return out;
  }

  private static Map<String, Object> term(Object item, int textLength) {
    Map<String, Object> term = new LinkedHashMap<>();
    if (item instanceof String text && !text.isBlank()) {
      term.put("text", text);
      return term;
    }
    if (item instanceof Map<?, ?> map && map.get("text") instanceof String text && !text.isBlank()) {
      term.put("text", text);
      if (map.get("weight") instanceof Number weight) {
        term.put("weight", weight.doubleValue());
      }
      if (map.get("start") instanceof Number start && map.get("end") instanceof Number end
          && start.intValue() >= 0 && start.intValue() < end.intValue() && end.intValue() <= textLength) {
        term.put("start", start.intValue());
        term.put("end", end.intValue());
      }
      return term;
    }
    return null;
  }
}
