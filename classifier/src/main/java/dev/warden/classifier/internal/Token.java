package dev.warden.classifier.internal;

/**
 * One normalised word and the span of the original text it came from.
 *
 * @param text the normalised form (lower case, de-obfuscated)
 * @param start index of the first original char (inclusive)
 * @param end index after the last original char (exclusive)
 */
public record Token(String text, int start, int end) {
  public Token {
    if (text.isEmpty() || start < 0 || end < start) {
      throw new IllegalArgumentException("bad token " + text + " [" + start + "," + end + ")");
    }
  }
}
