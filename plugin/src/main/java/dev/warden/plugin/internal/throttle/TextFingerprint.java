package dev.warden.plugin.internal.throttle;

import java.text.Normalizer;

/**
 * The identity of a comment text for duplicate and coordinated detection: a 64-bit hash of its normalised form (NFKC,
 * lower case, letters and digits only), and that form's length in code points. Only the hash is kept, never the
 * text.
 *
 * <p>Texts that are pure ASCII (most comments) are hashed in one pass over their chars without allocating: ASCII is
 * already NFKC. Anything else is NFKC-normalised first. The hash is fast and well mixed but not cryptographic; a
 * crafted collision could at worst make a poster's own text look like a duplicate, or join a text to a
 * coordinated group it has no part in.
 *
 * @param hash the hash of the normalised text
 * @param length the normalised text's length in code points; zero means there is nothing to compare
 */
record TextFingerprint(long hash, int length) {
  /** Lower-cased letters and digits by ASCII char; zero for every other char (dropped). */
  private static final byte[] ASCII_KEPT = new byte[128];
  private static final long SEED = 0x9E3779B97F4A7C15L;
  private static final long MULTIPLIER = 0xC2B2AE3D27D4EB4FL;
  /** Code points fit in 21 bits, so three of them pack losslessly into one 63-bit word. */
  private static final int BITS_PER_CODE_POINT = 21;

  static {
    for (char c = '0'; c <= '9'; c++) {
      ASCII_KEPT[c] = (byte) c;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      ASCII_KEPT[c] = (byte) c;
      ASCII_KEPT[Character.toUpperCase(c)] = (byte) c;
    }
  }

  /** The fingerprint of {@code text}. */
  static TextFingerprint of(CharSequence text) {
    long hash = SEED;
    long word = 0;
    int length = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        return ofNormalised(Normalizer.normalize(text, Normalizer.Form.NFKC));
      }
      int kept = ASCII_KEPT[c];
      if (kept != 0) {
        word = (word << BITS_PER_CODE_POINT) | kept;
        if (++length % 3 == 0) {
          hash = mix(hash, word);
          word = 0;
        }
      }
    }
    return new TextFingerprint(finish(hash, word, length), length);
  }

  /** The fingerprint of an NFKC-normalised text; same hash as {@link #of} gives for ASCII. */
  private static TextFingerprint ofNormalised(String text) {
    long hash = SEED;
    long word = 0;
    int length = 0;
    for (int i = 0, n = text.length(); i < n; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        word = (word << BITS_PER_CODE_POINT) | Character.toLowerCase(cp);
        if (++length % 3 == 0) {
          hash = mix(hash, word);
          word = 0;
        }
      }
    }
    return new TextFingerprint(finish(hash, word, length), length);
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

  /** Folds in the partial last word and the length, then MurmurHash3's finaliser (full avalanche). */
  private static long finish(long hash, long word, int length) {
    long h = mix(hash, word) ^ length;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    return h ^ (h >>> 33);
  }
}
