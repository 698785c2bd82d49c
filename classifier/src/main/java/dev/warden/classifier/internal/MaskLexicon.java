package dev.warden.classifier.internal;

import java.util.List;
import java.util.Set;

/**
 * Our own short list of words that people mask or misspell to get past filters ({@code f*ck}, {@code sh!t},
 * {@code m0r0n}). A masked token is restored only when it fits one of these words, so ordinary symbols in
 * ordinary words stay as they are. Longer words come first so that {@code f*cking} beats {@code f*ck}.
 */
final class MaskLexicon {
  static final List<String> WORDS =
      List.of(
          "motherfucker", "cocksucker", "shithead", "dickhead", "asshole", "bullshit", "fucking", "fucker",
          "fucked", "faggot", "bastard", "bitches", "retarded", "retard", "idiots", "idiot", "morons", "moron",
          "stupid", "imbecile", "scumbag", "scum", "whore", "slut", "bitch", "cunt", "shitty", "shit", "fuck",
          "dick", "cock", "pussy", "prick", "twat", "wanker", "piss", "crap", "damn", "hell", "ass", "nazis",
          "nazi", "vatnik", "orcs", "orc", "kill", "die", "dumb", "loser", "trash", "rape", "hang", "shoot",
          "pig", "pigs", "rat", "rats", "vermin", "animals", "subhuman", "traitor", "puppet", "clown", "liar",
          "liars", "propaganda", "gay");

  static final Set<String> SET = Set.copyOf(WORDS);

  private MaskLexicon() {}

  /**
   * The lexicon word that a masked token spells, with any plain-letter suffix kept ({@code f**kers} →
   * {@code fuckers}), or null. Wildcards stand for exactly one letter; {@code !} may also stand for {@code i}.
   */
  static String unmask(String token) {
    for (String word : WORDS) {
      if (token.length() < word.length() || token.length() > word.length() + 3) {
        continue;
      }
      if (fits(token, word) && hasNoWildcard(token, word.length())) {
        return word + token.substring(word.length());
      }
    }
    return null;
  }

  private static boolean fits(String token, String word) {
    boolean masked = false;
    for (int i = 0; i < word.length(); i++) {
      char c = token.charAt(i);
      if (isWildcard(c)) {
        masked = true;
      } else if (c != word.charAt(i)) {
        return false;
      }
    }
    return masked;
  }

  private static boolean hasNoWildcard(String token, int from) {
    for (int i = from; i < token.length(); i++) {
      if (!Character.isLetter(token.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean isWildcard(char c) {
    return c == '*' || c == '#' || c == '%' || c == '!' || c == '_' || c == '.' || c == '-';
  }
}
