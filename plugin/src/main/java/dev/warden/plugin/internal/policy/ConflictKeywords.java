package dev.warden.plugin.internal.policy;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a conflict keyword is a whole word of an article id ({@code belarus-troops-border}) or title ("Belarus
 * masses troops on the border"): words are runs of letters or digits, compared lower-case, so {@code war} matches
 * "war-diary" but not "warsaw". Stateless.
 */
final class ConflictKeywords {
  private ConflictKeywords() {}

  /** True if any of {@code keywords} (lower-case) is a word of {@code text}. */
  static boolean anyIn(Set<String> keywords, String text) {
    if (keywords.isEmpty() || text == null || text.isEmpty()) {
      return false;
    }
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      if (i > start && keywords.contains(text.substring(start, i).toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
