package dev.warden.classifier.internal;

import java.util.List;

/**
 * A comment as the models see it: normalised tokens that remember where they came from.
 *
 * @param original the text as written
 * @param tokens normalised tokens in reading order
 */
public record NormalisedText(String original, List<Token> tokens) {
  public NormalisedText {
    tokens = List.copyOf(tokens);
  }

  /** The normalised words, in order. */
  public String[] words() {
    String[] words = new String[tokens.size()];
    for (int i = 0; i < words.length; i++) {
      words[i] = tokens.get(i).text();
    }
    return words;
  }

  /** The original surface form of one token (e.g. {@code f*ck} for the token {@code fuck}). */
  public String surface(int index) {
    Token token = tokens.get(index);
    return original.substring(token.start(), token.end());
  }
}
