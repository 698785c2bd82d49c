package dev.warden.admin.internal;

import dev.warden.plugin.store.Decision;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.throttle.ThrottleDecision;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One plain sentence saying why a comment was held or rejected, e.g. "Held: threat score 0.81 is above the
 * conflict policy's hold threshold 0.50", "Held: the comment is in Russian (rus), which the models do not cover; a
 * moderator should read it.", with "; it matches the known narrative '…' (similarity 0.72)" when the comment
 * resembles a known disinformation narrative. Holds by the throttle ({@code coordinated}, {@code surge}) say what the
 * throttle saw, and what the classifier alone would have done when it would have held the comment too. Uses the
 * explanation's {@code policy}, {@code thresholds} ({@code name -> {hold, reject}}), {@code language},
 * {@code narratives} and {@code throttle.classifier_reason} when present. Stateless.
 */
final class ReasonText {
  private ReasonText() {}

  static String of(HeldComment c) {
    String verb = c.decision() == Decision.REJECT ? "Rejected automatically" : "Held";
    String reason = c.reason();
    if ("classifier_error".equals(reason)) {
      return verb + ": the classifier failed on this comment, so the policy holds it for review.";
    }
    if ("unsupported_language".equals(reason)) {
      return verb + ": " + unsupportedLanguage(c.explanation());
    }
    if (ThrottleDecision.COORDINATED.equals(reason)) {
      // How many posters is not stored with the comment; the page shows the group's live count next to it.
      return verb + ": the same text came from several posters within a short time (coordinated)"
          + classifierToo(c) + ".";
    }
    if (ThrottleDecision.SURGE.equals(reason)) {
      return verb + ": the article is in pre-moderation after a surge of comments" + classifierToo(c) + ".";
    }
    String label = label(c);
    String sentence = label == null ? verb + ": " + reason.replace('_', ' ') : scoreSentence(c, verb, label);
    List<Map<String, Object>> narratives = ExplanationParts.narratives(c.explanation());
    if (narratives.isEmpty()) {
      return label == null ? sentence + "." : sentence;
    }
    Map<String, Object> top = narratives.get(0);
    return sentence + "; it matches the known narrative '" + top.get("title") + "' (similarity "
        + fmt((Double) top.get("similarity")) + ")";
  }

  /**
   * For a throttle hold: "; the classifier would have held it too (abuse score 0.93)" when the classifier's own
   * reason ({@code explanation.throttle.classifier_reason}) was a hold, else nothing: a comment the classifier let
   * through is held only because of the throttle.
   */
  private static String classifierToo(HeldComment c) {
    if (!(c.explanation().get("throttle") instanceof Map<?, ?> throttle)
        || !(throttle.get("classifier_reason") instanceof String own) || own.isBlank() || "none".equals(own)) {
      return "";
    }
    String label = label(own, c.scores());
    String what = label == null ? own.replace('_', ' ')
        : label.replace('_', ' ') + " score " + fmt(c.scores().get(label));
    return "; the classifier would have held it too (" + what + ")";
  }

  private static String unsupportedLanguage(Map<String, Object> explanation) {
    String code = explanation.get("language") instanceof String s && !s.isBlank() ? s : null;
    String name = LanguageNames.of(code);
    String in;
    if (name != null) {
      in = "the comment is in " + name + " (" + code + "), which the models do not cover";
    } else if (code != null && !"und".equals(code)) {
      in = "the comment is in a language the models do not cover (" + code + ")";
    } else {
      in = "the models could not tell which language the comment is in";
    }
    return in + "; a moderator should read it.";
  }

  private static String scoreSentence(HeldComment c, String verb, String label) {
    double score = c.scores().get(label);
    StringBuilder s = new StringBuilder(verb).append(": ").append(label.replace('_', ' ')).append(" score ")
        .append(fmt(score));
    String kind = c.decision() == Decision.REJECT ? "reject" : "hold";
    Double threshold = threshold(c.explanation(), label, kind);
    if (threshold == null) {
      return s.toString();
    }
    s.append(score > threshold ? " is above the " : " reaches the ");
    if (c.explanation().get("policy") instanceof String policy && !policy.isBlank()) {
      s.append(policy).append(" policy's ");
    }
    return s.append(kind).append(" threshold ").append(fmt(threshold)).toString();
  }

  /** The scored label or kind the reason code names: {@code threat}, or the prefix of {@code abuse_hold}. */
  private static String label(HeldComment c) {
    return label(c.reason(), c.scores());
  }

  private static String label(String reason, Map<String, Double> scores) {
    if (scores.containsKey(reason)) {
      return reason;
    }
    int cut = reason.lastIndexOf('_');
    String prefix = cut > 0 ? reason.substring(0, cut) : null;
    return prefix != null && scores.containsKey(prefix) ? prefix : null;
  }

  /**
   * The threshold that decided: {@code thresholds.<name>.hold|reject} (the plugin's shape), a plain number per
   * name, or a single {@code threshold}.
   */
  private static Double threshold(Map<String, Object> explanation, String label, String kind) {
    if (explanation.get("thresholds") instanceof Map<?, ?> map) {
      Object value = map.get(label);
      if (value instanceof Map<?, ?> pair && pair.get(kind) instanceof Number n) {
        return n.doubleValue();
      }
      if (value instanceof Number n) {
        return n.doubleValue();
      }
    }
    return explanation.get("threshold") instanceof Number n ? n.doubleValue() : null;
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
