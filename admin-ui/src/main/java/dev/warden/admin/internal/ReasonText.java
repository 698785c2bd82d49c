package dev.warden.admin.internal;

import dev.warden.plugin.store.Decision;
import dev.warden.plugin.store.HeldComment;
import java.util.Locale;
import java.util.Map;

/**
 * One plain sentence saying why a comment was held or rejected, e.g. "Held: abuse score 0.93 is above the
 * conflict policy's hold threshold 0.50". Uses the explanation's {@code policy} (policy name) and
 * {@code thresholds} ({@code label -> {hold, reject}}) when present. Stateless.
 */
final class ReasonText {
  private ReasonText() {}

  static String of(HeldComment c) {
    String verb = c.decision() == Decision.REJECT ? "Rejected automatically" : "Held";
    String reason = c.reason();
    if ("classifier_error".equals(reason)) {
      return verb + ": the classifier failed on this comment, so the policy holds it for review.";
    }
    String label = label(c);
    if (label == null) {
      return verb + ": " + reason.replace('_', ' ') + ".";
    }
    double score = c.scores().get(label);
    StringBuilder s = new StringBuilder(verb).append(": ").append(label).append(" score ").append(fmt(score));
    String kind = c.decision() == Decision.REJECT ? "reject" : "hold";
    Double threshold = threshold(c.explanation(), label, kind);
    if (threshold == null) {
      return s.append('.').toString();
    }
    s.append(score > threshold ? " is above the " : " reaches the ");
    if (c.explanation().get("policy") instanceof String policy && !policy.isBlank()) {
      s.append(policy).append(" policy's ");
    }
    return s.append(kind).append(" threshold ").append(fmt(threshold)).toString();
  }

  /** The scored label the reason code names: {@code abuse}, or the prefix of {@code abuse_hold}. */
  private static String label(HeldComment c) {
    String reason = c.reason();
    if (c.scores().containsKey(reason)) {
      return reason;
    }
    int cut = reason.lastIndexOf('_');
    String prefix = cut > 0 ? reason.substring(0, cut) : null;
    return prefix != null && c.scores().containsKey(prefix) ? prefix : null;
  }

  /**
   * The threshold that decided: {@code thresholds.<label>.hold|reject} (the plugin's shape), a plain number per
   * label, or a single {@code threshold}.
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
