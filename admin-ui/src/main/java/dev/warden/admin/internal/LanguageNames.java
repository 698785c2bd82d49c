package dev.warden.admin.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * English names of the ISO 639-3 codes the classifier reports, e.g. {@code rus -> Russian}. The JDK knows names by
 * two-letter code, so the table is built once from those; a code without a name is shown as itself. Thread-safe.
 */
final class LanguageNames {
  private static final Map<String, String> NAMES = table();

  private LanguageNames() {}

  /** The English name of an ISO 639-3 code, or null when unknown (including {@code und}). */
  static String of(String code) {
    if (code == null || code.isBlank() || "und".equals(code)) {
      return null;
    }
    return NAMES.get(code.toLowerCase(Locale.ROOT));
  }

  private static Map<String, String> table() {
    Map<String, String> names = new HashMap<>();
    for (String two : Locale.getISOLanguages()) {
      Locale locale = Locale.forLanguageTag(two);
      String name = locale.getDisplayLanguage(Locale.ENGLISH);
      try {
        String three = locale.getISO3Language();
        if (!three.isEmpty() && !name.isEmpty() && !name.equals(two)) {
          names.put(three, name);
        }
      } catch (java.util.MissingResourceException e) {
        // no three-letter code for this language; the classifier never reports it
      }
    }
    return Map.copyOf(names);
  }
}
