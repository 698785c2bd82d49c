package dev.warden.classifier.internal;

/**
 * Cyrillic and Greek letters that look like Latin ones. They are folded only inside a word that also has a
 * Latin letter ({@code іdiоt} with Cyrillic і and о), so Ukrainian and Russian words stay untouched.
 */
final class Confusables {
  private static final String FROM = "аеорсухіїјѕкмтвнгαεοικνρτυχβ";
  private static final String TO = "aeopcyxiijskmtbhraeoiknptuxb";

  private Confusables() {}

  static String foldIntoLatin(String word) {
    boolean latin = false;
    boolean foreign = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c >= 'a' && c <= 'z') {
        latin = true;
      } else if (FROM.indexOf(c) >= 0) {
        foreign = true;
      }
    }
    if (!latin || !foreign) {
      return word;
    }
    StringBuilder out = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      int at = FROM.indexOf(c);
      out.append(at >= 0 ? TO.charAt(at) : c);
    }
    return out.toString();
  }
}
