package dev.warden.classifier.internal;

import java.text.Normalizer;

/**
 * Step one of normalisation: NFKC, lower case and no invisible characters, one code point at a time so that
 * every folded char still knows which span of the original it came from.
 *
 * <p>Folding per code point means combining sequences are not composed across code points; that costs little
 * here (we compare against lower-case Latin words) and keeps the offset map exact.
 */
final class FoldedText {
  private final String original;
  private final StringBuilder chars;
  private final int[] starts;
  private final int[] ends;

  private FoldedText(String original, StringBuilder chars, int[] starts, int[] ends) {
    this.original = original;
    this.chars = chars;
    this.starts = starts;
    this.ends = ends;
  }

  static FoldedText of(String original) {
    StringBuilder out = new StringBuilder(original.length());
    int[] starts = new int[original.length() * 2 + 4];
    int[] ends = new int[starts.length];
    int i = 0;
    while (i < original.length()) {
      char c = original.charAt(i);
      if (c < 0x80) {
        if ((c < 0x20 || c == 0x7F) && isInvisible(c)) {
          i++; // NUL, ESC, BEL...: dropped like a zero-width char, so "id\u0000iot" is still one word
          continue;
        }
        // ASCII (most of every comment): folds to its lower case alone; no String per char.
        if (out.length() == starts.length) {
          starts = java.util.Arrays.copyOf(starts, starts.length * 2);
          ends = java.util.Arrays.copyOf(ends, ends.length * 2);
        }
        starts[out.length()] = i;
        ends[out.length()] = i + 1;
        out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        i++;
        continue;
      }
      int cp = original.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (!isInvisible(cp)) {
        String folded = fold(cp);
        for (int k = 0; k < folded.length(); k++) {
          if (out.length() == starts.length) {
            starts = java.util.Arrays.copyOf(starts, starts.length * 2);
            ends = java.util.Arrays.copyOf(ends, ends.length * 2);
          }
          starts[out.length()] = i;
          ends[out.length()] = next;
          out.append(folded.charAt(k));
        }
      }
      i = next;
    }
    return new FoldedText(original, out, starts, ends);
  }

  /**
   * Zero-width spaces and joiners, soft hyphens, BOMs, bidi marks, variation selectors, and control characters
   * other than whitespace: dropped, so they cannot split a word.
   */
  static boolean isInvisible(int cp) {
    int type = Character.getType(cp);
    return type == Character.FORMAT
        || (type == Character.CONTROL && !Character.isWhitespace(cp) && cp != 0x85)
        || (cp >= 0xFE00 && cp <= 0xFE0F)
        || (cp >= 0xE0100 && cp <= 0xE01EF)
        || cp == 0x034F
        || cp == 0x115F
        || cp == 0x1160
        || cp == 0x3164;
  }

  private static String fold(int cp) {
    if (cp < 0x80) {
      return String.valueOf((char) Character.toLowerCase(cp));
    }
    if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) {
      return "'";
    }
    String nfkc = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
    StringBuilder lower = new StringBuilder(nfkc.length());
    nfkc.codePoints().forEach(c -> lower.appendCodePoint(Character.toLowerCase(c)));
    return lower.toString();
  }

  String original() {
    return original;
  }

  int length() {
    return chars.length();
  }

  char charAt(int index) {
    return chars.charAt(index);
  }

  String substring(int from, int to) {
    return chars.substring(from, to);
  }

  /** Start in the original of the folded char at {@code index}. */
  int originalStart(int index) {
    return starts[index];
  }

  /** End (exclusive) in the original of the folded char at {@code index}. */
  int originalEnd(int index) {
    return ends[index];
  }

  @Override
  public String toString() {
    return chars.toString();
  }
}
