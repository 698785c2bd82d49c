package dev.warden.classifier.internal;

/**
 * Letters of one script that look like letters of another, used to undo mixed-script evasions in one word.
 * Cyrillic and Greek look-alikes are folded into Latin inside a Latin word ({@code іdiоt} with Cyrillic і and о);
 * Latin look-alikes are folded into Cyrillic inside a Cyrillic word ({@code дурaк} with a Latin a). A word is
 * Cyrillic when it has a Cyrillic letter that has no Latin twin (д, л, ж, ы…), so real Ukrainian and Russian words
 * stay untouched and so do Latin words.
 */
final class Confusables {
  private static final String FROM = "аеорсухіїјѕкмтвнгαεοικνρτυχβ";
  private static final String TO = "aeopcyxiijskmtbhraeoiknptuxb";
  /** Latin letters that pass for Cyrillic ones in lower case (after the normaliser's lower-casing). */
  private static final String LATIN_TWINS = "aeopcyxkmthbi";
  private static final String CYRILLIC_TWINS = "аеорсухкмтнві";

  private Confusables() {}

  /** The word with its look-alike letters folded into the word's main script; the word itself if not mixed. */
  static String fold(String word) {
    return isCyrillicWord(word) ? foldIntoCyrillic(word) : foldIntoLatin(word);
  }

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
    return translate(word, FROM, TO);
  }

  static String foldIntoCyrillic(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (LATIN_TWINS.indexOf(word.charAt(i)) >= 0) {
        return translate(word, LATIN_TWINS, CYRILLIC_TWINS);
      }
    }
    return word;
  }

  /** True if the word has a Cyrillic letter without a Latin twin, so it can only be meant as Cyrillic. */
  private static boolean isCyrillicWord(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC && FROM.indexOf(c) < 0) {
        return true;
      }
    }
    return false;
  }

  private static String translate(String word, String from, String to) {
    StringBuilder out = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      int at = from.indexOf(c);
      out.append(at >= 0 ? to.charAt(at) : c);
    }
    return out.toString();
  }
}
