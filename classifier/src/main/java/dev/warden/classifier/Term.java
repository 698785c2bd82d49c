package dev.warden.classifier;

import java.util.Objects;

/**
 * A term that pushed a score up, with its weight (larger = stronger) and, where it could be mapped back, its span
 * in the original comment so that a UI can highlight it.
 *
 * @param text the term as it appears in the original comment where it could be mapped back, else as normalised
 * @param weight how much the term contributed; positive
 * @param start index of the term's first char in the original text, or -1 when unknown
 * @param end index after the term's last char in the original text, or -1 when unknown
 */
public record Term(String text, double weight, int start, int end) {
  public Term {
    Objects.requireNonNull(text, "text");
    if (!Double.isFinite(weight)) {
      throw new IllegalArgumentException("weight must be finite: " + weight);
    }
    if (start < -1 || end < -1 || (start >= 0) != (end >= 0) || end < start) {
      throw new IllegalArgumentException("bad span [" + start + "," + end + ")");
    }
  }

  /** A term without a known span. */
  public Term(String text, double weight) {
    this(text, weight, -1, -1);
  }

  /** True when {@link #start()} and {@link #end()} point into the original text. */
  public boolean hasSpan() {
    return start >= 0;
  }
}
