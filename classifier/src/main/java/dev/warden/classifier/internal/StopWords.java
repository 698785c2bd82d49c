package dev.warden.classifier.internal;

import java.util.Set;

/**
 * Function words never shown as explanation terms: they carry weight in the model (a comment addressing
 * "you" is more often abuse) but tell a moderator nothing. They stay in the features.
 */
final class StopWords {
  private static final Set<String> WORDS =
      Set.of(
          "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
          "is", "are", "was", "were", "be", "been", "being", "am", "it", "its", "it's", "this", "that", "these",
          "those", "there", "here", "i", "me", "my", "we", "us", "our", "you", "your", "you're", "he", "she",
          "him", "her", "his", "they", "them", "their", "what", "who", "which", "when", "where", "why", "how",
          "do", "does", "did", "have", "has", "had", "so", "if", "then", "than", "too", "very", "just", "not",
          "no", "all", "any", "can", "will", "would", "should", "could", "about", "up", "out", "into", "over");

  private StopWords() {}

  static boolean isStopWord(String word) {
    return WORDS.contains(word);
  }
}
