package dev.warden.plugin.internal.throttle;

import java.text.Normalizer;

/**
 * The identity of a comment text for duplicate and coordinated detection: a 64-bit hash of its normalised form (NFKC,
 * lower case, letters and digits only), and that form's length in code points. Only the hash is kept, never the
 * text.
 *
 * <p>Texts that are pure ASCII (most comments) are hashed in one pass over their chars without allocating: ASCII is
 * already NFKC. Anything else is NFKC-normalised first (a pass that allocates only if the text changes). The hash is
 * fast and well mixed but not cryptographic: a crafted collision could at worst make a poster's own text look like a
 * duplicate, or join a text to a coordinated group it has no part in.
 *
 * @param hash the hash of the normalised text
 * @param length the normalised text's length in code points; zero means there is nothing to compare
 */
record TextFingerprint(long hash, int length) {
  /** Lower-cased letters and digits by ASCII char; zero for every other char (dropped). */
  private static final byte[] ASCII_KEPT = new byte[128];
  private static final long SEED = 0x9E3779B97F4A7C15L;
  private static final long MULTIPLIER = 0xC2B2AE3D27D4EB4FL;

  static {
    for (char c = '0'; c <= '9'; c++) {
      ASCII_KEPT[c] = (byte) c;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      ASCII_KEPT[c] = (byte) c;
      ASCII_KEPT[Character.toUpperCase(c)] = (byte) c;
    }
  }

  /**
   * The fingerprint of {@code text}: its normalised letters and digits, one byte each if ASCII, packed eight to a
   * word and hashed.
   * The ASCII loop has no branch on the char's kind (a dropped char shifts the word by zero bits), because
   * unpredictable branches on spaces and punctuation cost more than the rest of the loop.
   */
  static TextFingerprint of(CharSequence text) {
    long hash = SEED;
    long word = 0;
    int bytes = 0;
    int length = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        return ofNormalised(Normalizer.normalize(text, Normalizer.Form.NFKC));
      }
      int kept = ASCII_KEPT[c];
      int isKept = (kept + 0xFF) >>> 8; // 1 if kept, else 0 (kept < 0x80)
      word = (word << (isKept << 3)) | kept;
      bytes += isKept;
      if (bytes == 8) {
        hash = mix(hash, word);
        length += 8;
        word = 0;
        bytes = 0;
      }
    }
    return new TextFingerprint(finish(hash, word, length + bytes), length + bytes);
  }

  /**
   * The fingerprint of an NFKC-normalised text; the same as {@link #of} for the same letters and digits. A
   * non-ASCII code point is packed as three bytes with the high bit set, so it can never read as ASCII.
   */
  private static TextFingerprint ofNormalised(String text) {
    Packer packer = new Packer();
    int length = 0;
    for (int i = 0, n = text.length(); i < n; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      int kept = cp < 0x80 ? ASCII_KEPT[cp] : keptNonAscii(cp);
      if (kept == 0) {
        continue;
      }
      length++;
      if (kept < 0x80) {
        packer.push(kept);
      } else {
        packer.push(0x80 | kept >>> 14);
        packer.push(0x80 | (kept >>> 7 & 0x7F));
        packer.push(0x80 | (kept & 0x7F));
      }
    }
    return new TextFingerprint(finish(packer.hash, packer.word, packer.bytes), length);
  }

  /**
   * A non-ASCII code point in lower case if it is a letter or digit ({@link Character#isLetterOrDigit} has exactly
   * these six types), else zero. One type lookup, and a case lookup only for capitals: both are slow.
   */
  private static int keptNonAscii(int cp) {
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.TITLECASE_LETTER -> Character.toLowerCase(cp);
      case Character.LOWERCASE_LETTER, Character.MODIFIER_LETTER, Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER -> cp;
      default -> 0;
    };
  }

  /** Packs bytes eight to a word and mixes each full word into the hash. */
  private static final class Packer {
    long hash = SEED;
    long word;
    int bytes;

    void push(int b) {
      word = (word << 8) | b;
      if ((++bytes & 7) == 0) {
        hash = mix(hash, word);
        word = 0;
      }
    }
  }

  /** A 64-bit hash of a short string (an article id), for compact per-poster history. */
  static long hashOf(String s) {
    long hash = SEED;
    for (int i = 0, n = s.length(); i < n; i++) {
      hash = mix(hash, s.charAt(i));
    }
    return finish(hash, 0, s.length());
  }

  /** One multiply per word; the rotation spreads high bits back down before the next word. */
  private static long mix(long hash, long word) {
    return Long.rotateLeft((hash ^ word) * MULTIPLIER, 31);
  }

  /** Folds in the partial last word and the byte count, then MurmurHash3's finaliser (full avalanche). */
  private static long finish(long hash, long word, int byteCount) {
    long h = mix(hash, word) ^ byteCount;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    return h ^ (h >>> 33);
  }
}
