package dev.warden.classifier;

import java.util.Objects;

/**
 * A term that pushed a label's score up, with its weight (larger = stronger).
 *
 * @param text the term as it appears in the original comment where it could be mapped back, else as normalised
 * @param weight how much the term contributed; positive
 */
public record Term(String text, double weight) {
  public Term {
    Objects.requireNonNull(text, "text");
    if (!Double.isFinite(weight)) {
      throw new IllegalArgumentException("weight must be finite: " + weight);
    }
  }
}
