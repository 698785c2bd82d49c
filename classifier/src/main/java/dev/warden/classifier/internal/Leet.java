package dev.warden.classifier.internal;

/**
 * Leetspeak: digits and symbols standing for letters ({@code 1→i, 0→o, 3→e, 4→a, 5→s, 7→t, @→a, $→s}).
 * Only runs between two letters are mapped unconditionally ({@code m0r0n}, {@code id10t}); a run at the edge of
 * a word ({@code t72}, {@code 5tupid}) is mapped only when the result is a known word or the word already had
 * an inner run ({@code h4t3}), so model names and numbers keep their digits.
 */
final class Leet {
  private Leet() {}

  static boolean isLeet(char c) {
    return letterFor(c) != 0;
  }

  static char letterFor(char c) {
    switch (c) {
      case '0': return 'o';
      case '1': return 'i';
      case '3': return 'e';
      case '4': return 'a';
      case '5': return 's';
      case '7': return 't';
      case '@': return 'a';
      case '$': return 's';
      case '!': return 'i';
      case '|': return 'l';
      default: return 0;
    }
  }

  /** Maps leet runs that have a letter (or a wildcard) on both sides. */
  static String mapInner(String w) {
    StringBuilder out = new StringBuilder(w);
    int i = 0;
    while (i < w.length()) {
      if (!isLeet(w.charAt(i)) || w.charAt(i) == '!') {
        i++;
        continue;
      }
      int end = i;
      while (end < w.length() && isLeet(w.charAt(end)) && w.charAt(end) != '!') {
        end++;
      }
      if (i > 0 && end < w.length() && isWordChar(w.charAt(i - 1)) && isWordChar(w.charAt(end))) {
        for (int k = i; k < end; k++) {
          out.setCharAt(k, letterFor(w.charAt(k)));
        }
      }
      i = end;
    }
    return out.toString();
  }

  /** Maps every leet char except {@code !}, which stays a possible wildcard. */
  static String mapAll(String w) {
    StringBuilder out = new StringBuilder(w.length());
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      out.append(isLeet(c) && c != '!' ? letterFor(c) : c);
    }
    return out.toString();
  }

  private static boolean isWordChar(char c) {
    return Character.isLetter(c) || MaskLexicon.isWildcard(c);
  }
}
