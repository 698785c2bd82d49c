package dev.warden.classifier.internal.narrative;

import dev.warden.classifier.internal.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The terms a text is matched on: content words reduced to a crude stem ({@code nazis} → {@code nazi},
 * {@code shelling} → {@code shell}), spelling variants of names folded ({@code kiev} → {@code kyiv}), and bigrams
 * of adjacent content words. Each term remembers the tokens it came from, so matched keywords can be highlighted.
 */
final class MatchTerms {
  /** Function words and filler that say nothing about which narrative a comment pushes. */
  private static final Set<String> STOP =
      Set.of(
          "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
          "is", "are", "was", "were", "be", "been", "being", "am", "it", "its", "it's", "this", "that", "these",
          "those", "there", "here", "i", "me", "my", "we", "us", "our", "you", "your", "you're", "he", "she",
          "him", "her", "his", "they", "them", "their", "what", "who", "which", "when", "where", "why", "how",
          "do", "does", "did", "have", "has", "had", "so", "if", "then", "than", "too", "very", "just", "not",
          "no", "all", "any", "can", "will", "would", "should", "could", "about", "up", "out", "into", "over",
          "lol", "im", "dont", "don't", "thats", "that's", "theyre", "they're", "also", "even", "only", "now",
          "one", "get", "got", "like", "know", "say", "said", "says", "really", "still", "more", "much", "some",
          "own", "ever", "again", "every", "let", "make", "made", "yes", "yeah", "oh", "ok",
          "u", "ur", "it’s", "don’t", "that’s", "isn't", "isnt", "wasn't", "nothing", "everyone", "anyone");

  /** Spellings commenters use for the same name; folded to one so they match each other. */
  private static final Map<String, String> VARIANTS =
      Map.ofEntries(
          Map.entry("kiev", "kyiv"), Map.entry("donbass", "donbas"), Map.entry("zelenskyy", "zelensky"),
          Map.entry("zelenskiy", "zelensky"), Map.entry("zelinsky", "zelensky"), Map.entry("zelenski", "zelensky"),
          Map.entry("zelinskyy", "zelensky"), Map.entry("zelenskij", "zelensky"), Map.entry("zelenky", "zelensky"),
          Map.entry("ukrainian", "ukraine"), Map.entry("ukrainians", "ukraine"), Map.entry("ukrainain", "ukraine"),
          Map.entry("ukrane", "ukraine"), Map.entry("ukriane", "ukraine"), Map.entry("ukr", "ukraine"),
          Map.entry("ukrs", "ukraine"), Map.entry("russian", "russia"), Map.entry("russians", "russia"),
          Map.entry("theater", "theatre"), Map.entry("olenovka", "olenivka"), Map.entry("neo-nazi", "nazi"),
          Map.entry("neonazi", "nazi"), Map.entry("ukronazi", "nazi"), Map.entry("ukronazis", "nazi"),
          Map.entry("biolab", "biolabs"), Map.entry("bio-labs", "biolabs"), Map.entry("desatanisation", "desatanization"),
          Map.entry("satanic", "satan"), Map.entry("satanist", "satan"), Map.entry("satanists", "satan"),
          Map.entry("satanism", "satan"), Map.entry("usa", "us"), Map.entry("america", "us"),
          Map.entry("american", "us"), Map.entry("americans", "us"), Map.entry("krym", "crimea"),
          Map.entry("crimean", "crimea"), Map.entry("lvov", "lviv"), Map.entry("civillians", "civilian"));

  private MatchTerms() {}

  /** One term and the index of the first and last token it spans. */
  record Term(String text, int first, int last) {}

  /** The terms of a normalised text, in reading order: content stems, then bigrams of adjacent stems. */
  static List<Term> of(List<Token> tokens) {
    List<Term> unigrams = new ArrayList<>(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      String stem = stem(tokens.get(i).text());
      if (stem != null) {
        unigrams.add(new Term(stem, i, i));
      }
    }
    List<Term> terms = new ArrayList<>(unigrams.size() * 2);
    terms.addAll(unigrams);
    for (int k = 0; k + 1 < unigrams.size(); k++) {
      Term a = unigrams.get(k);
      Term b = unigrams.get(k + 1);
      if (b.first() - a.last() <= 3) {
        terms.add(new Term(a.text() + ' ' + b.text(), a.first(), b.last()));
      }
    }
    return terms;
  }

  /** The stem of a normalised word, or null for a word that carries no meaning here. */
  static String stem(String word) {
    String w = word.replace('’', '\'');
    if (w.endsWith("'s")) {
      w = w.substring(0, w.length() - 2);
    }
    w = VARIANTS.getOrDefault(w, w);
    if (w.length() < 2 || STOP.contains(w) || !Character.isLetterOrDigit(w.charAt(0))) {
      return null;
    }
    w = suffix(w);
    return VARIANTS.getOrDefault(w, w);
  }

  private static String suffix(String w) {
    int n = w.length();
    if (n > 5 && w.endsWith("ies")) {
      return w.substring(0, n - 3) + "y";
    }
    if (n > 5 && w.endsWith("ing")) {
      return w.substring(0, n - 3);
    }
    if (n > 4 && w.endsWith("ed") && !w.endsWith("eed")) {
      return w.substring(0, n - 2);
    }
    if (n > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      return w.substring(0, n - 1);
    }
    return w;
  }
}
