package dev.warden.classifier.internal;

import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;

/**
 * Cheap tests that tell when one of OpenNLP's language-detection normalisers cannot change a text, so
 * {@link LanguageContexts} can skip its regexes. Each test is an over-approximation of "some pattern of that
 * normaliser matches somewhere": it may say yes when the pattern would not match (the regex then runs and decides),
 * never no when it would.
 */
final class NormaliserGuards {
  private NormaliserGuards() {}

  /**
   * The BMP chars OpenNLP's emoji pattern replaces on their own, found by asking the normaliser itself once (its
   * class {@code [\\uD83C-\\uDBFF\\uDC00-\\uDFFF]} reads {@code \\uDBFF\\uDC00} as one code point, so
   * it is a range up to U+10FC00 plus a literal {@code -}: far more than emoji); every surrogate counts too, since
   * a supplementary code point is made of them.
   */
  private static final boolean[] EMOJI = emojiChars();

  private static boolean[] emojiChars() {
    boolean[] chars = new boolean[Character.MAX_VALUE + 1];
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      String one = String.valueOf((char) c);
      chars[c] = Character.isSurrogate((char) c)
          || !EmojiCharSequenceNormalizer.getInstance().normalize(one).toString().equals(one);
    }
    return chars;
  }

  /** Whether the emoji pattern could match: some char it removes, or a surrogate. */
  static boolean emoji(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (EMOJI[s.charAt(i)]) {
        return true;
      }
    }
    return false;
  }

  /** {@code https?://…} and {@code …@…}: need "http" or an {@code @}. */
  static boolean url(CharSequence s) {
    String text = s.toString();
    return text.indexOf('@') >= 0 || text.contains("http");
  }

  /**
   * {@code [#@]\\S+}, {@code \\b(rt[ :])+}, {@code [:;x]-?[()dop]}, {@code ([hj])+([aieou])+(\\1+\\2+)+}, the last
   * three case-insensitive (ASCII): need a {@code #} or {@code @}, an "rt", a face, or an h/j followed by a vowel.
   */
  static boolean twitter(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char next = i + 1 < s.length() ? lower(s.charAt(i + 1)) : 0;
      switch (lower(c)) {
        case '#', '@' -> {
          return true;
        }
        case 'r' -> {
          if (next == 't') {
            return true;
          }
        }
        case 'h', 'j' -> {
          if ("aieou".indexOf(next) >= 0 && next != 0) {
            return true;
          }
        }
        case ':', ';', 'x' -> {
          char after = next == '-' && i + 2 < s.length() ? lower(s.charAt(i + 2)) : next;
          if (isMouth(next) || isMouth(after)) {
            return true;
          }
        }
        default -> { }
      }
    }
    return false;
  }

  private static boolean isMouth(char c) {
    return c == '(' || c == ')' || c == 'd' || c == 'o' || c == 'p';
  }

  /** {@code \\d+} (ASCII digits without UNICODE_CHARACTER_CLASS). */
  static boolean number(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code (.)\\1{2,}} (case-insensitive), {@code \\s{2,}} and a final {@code trim()}: need three equal code
   * points in a row (compared after case folding, more loosely than the regex), two whitespace chars in a row, or a
   * control char or space at either end.
   */
  static boolean shrink(CharSequence s) {
    if (s.length() > 0 && (s.charAt(0) <= ' ' || s.charAt(s.length() - 1) <= ' ')) {
      return true;
    }
    int previous = -1;
    int run = 0;
    boolean space = false;
    for (int i = 0; i < s.length(); ) {
      int cp = Character.codePointAt(s, i);
      i += Character.charCount(cp);
      int folded = Character.toLowerCase(Character.toUpperCase(cp));
      run = folded == previous ? run + 1 : 1;
      previous = folded;
      if (run >= 3) {
        return true;
      }
      boolean isSpace = cp == ' ' || cp == '\t' || cp == '\n' || cp == 0x0B || cp == '\f' || cp == '\r';
      if (isSpace && space) {
        return true;
      }
      space = isSpace;
    }
    return false;
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}
