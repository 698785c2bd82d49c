package dev.warden.classifier.internal;

import java.util.Set;

/**
 * The features every model uses, over normalised words: word unigrams ({@code w=}), word bigrams ({@code b=}),
 * character 3- to 5-grams of each word with its boundaries ({@code c=}) and lexicon matches ({@code lex=}). One
 * definition shared by training and scoring (through {@link TextFeatures}, which also records which word each
 * feature came from, for explanations, and the feature values).
 */
final class Features {
  /** Character n-grams are taken from at most this many chars of a word (long URLs add nothing). */
  static final int MAX_GRAM_WORD = 24;

  static final int MIN_GRAM = 3;
  static final int MAX_GRAM = 5;

  /** Receives one feature and the word it belongs to; a bigram belongs to words {@code word} and {@code word+1}. */
  interface Sink {
    void accept(String feature, int word, boolean bigram);
  }

  private Features() {}

  /** A constant feature in every text: the model's intercept (so an empty text gets the prior, not 0.5). */
  static final String BIAS = "bias";

  static void unigrams(String[] words, Sink sink) {
    sink.accept(BIAS, -1, false);
    for (int i = 0; i < words.length; i++) {
      sink.accept("w=" + words[i], i, false);
    }
  }

  static void bigrams(String[] words, Sink sink) {
    for (int i = 0; i + 1 < words.length; i++) {
      sink.accept("b=" + words[i] + '_' + words[i + 1], i, true);
    }
  }

  static void charGrams(String[] words, Sink sink) {
    for (int i = 0; i < words.length; i++) {
      String word = words[i];
      String bounded = '^' + (word.length() > MAX_GRAM_WORD ? word.substring(0, MAX_GRAM_WORD) : word) + '$';
      for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
        for (int at = 0; at + n <= bounded.length(); at++) {
          sink.accept("c=" + bounded.substring(at, at + n), i, false);
        }
      }
    }
  }

  /** Words that address the reader of a comment: an insult next to one is aimed at a person in the thread. */
  static final Set<String> SECOND_PERSON =
      Set.of("you", "your", "you're", "youre", "ur", "u", "yourself", "ya", "ye", "ты", "вы", "тебя", "тебе", "твой");

  /** Words that report what someone else said: a slur after one is more often quoted than meant. */
  static final Set<String> REPORTING =
      Set.of("called", "calling", "calls", "call", "said", "says", "say", "saying", "described", "describes",
          "wrote", "writes", "writing", "told", "quote", "quotes", "quoted", "words", "word", "like", "as");

  /**
   * Reporting words that, said of someone else ("the minister said", "a guy who wrote"), mark what follows as a
   * quotation even when it addresses "you" ("he wrote 'hope you die'") — what a moderator wants left alone.
   */
  static final Set<String> STRONG_REPORTING =
      Set.of("called", "calling", "calls", "said", "says", "saying", "described", "describes", "wrote", "writes",
          "writing", "quote", "quotes", "quoted", "quoting", "posted", "tweeted", "chanted", "shouted", "threat",
          "threats", "insults", "slur", "slurs", "reported", "reporting", "claimed", "claims", "declared",
          "announced", "screamed", "yelled", "labelled", "labeled", "branded", "dubbed");

  /** The speaker in front of a reporting word: "you said" or "i said" is the thread talking, not a quotation. */
  private static final Set<String> THREAD_SPEAKERS = Set.of("i", "you", "we", "u", "ya", "ye");

  static final int PRONOUN_WINDOW = 3;
  static final int REPORTING_WINDOW = 5;
  static final int STRONG_REPORTING_WINDOW = 7;

  /**
   * Lexicon matches ({@link Lexicon}): only {@code lex=<kind>+quoted} when it is reported speech — a strong
   * reporting word said of someone else up to {@link #STRONG_REPORTING_WINDOW} words before it — so what is
   * reported does not weigh like what is meant (on the heated-but-legitimate set, quoted insults and threats were
   * most of what was flagged). Otherwise {@code lex=<kind>}, plus {@code lex=<kind>+2p} when a second-person word
   * is within {@link #PRONOUN_WINDOW} words, or {@code lex=<kind>+quoted} when a weaker reporting word ("like",
   * "as", "call") comes up to {@link #REPORTING_WINDOW} words before it ("acting like an idiot" is still abuse).
   */
  static void lexicon(String[] words, Sink sink) {
    for (Lexicon.Hit hit : Lexicon.DEFAULT.match(words)) {
      String feature = "lex=" + hit.kind();
      if (reportedBySomeoneElse(words, hit.from())) {
        sink.accept(feature + "+quoted", hit.from(), false);
      } else if (near(words, SECOND_PERSON, hit.from() - PRONOUN_WINDOW, hit.to() + PRONOUN_WINDOW)) {
        sink.accept(feature, hit.from(), false);
        sink.accept(feature + "+2p", hit.from(), false);
      } else {
        sink.accept(feature, hit.from(), false);
        if (near(words, REPORTING, hit.from() - REPORTING_WINDOW, hit.from())) {
          sink.accept(feature + "+quoted", hit.from(), false);
        }
      }
    }
  }

  private static boolean reportedBySomeoneElse(String[] words, int at) {
    for (int i = Math.max(0, at - STRONG_REPORTING_WINDOW); i < at; i++) {
      if (STRONG_REPORTING.contains(words[i]) && (i == 0 || !THREAD_SPEAKERS.contains(words[i - 1]))) {
        return true;
      }
    }
    return false;
  }

  private static boolean near(String[] words, Set<String> set, int from, int to) {
    for (int i = Math.max(0, from); i < Math.min(words.length, to); i++) {
      if (set.contains(words[i])) {
        return true;
      }
    }
    return false;
  }

  /**
   * All features in the order the trainer's generators produce them. The request path spells the same features
   * without strings ({@link FeatureVector#of}): change both together ({@code FastInferenceEquivalenceTest} fails
   * when they differ).
   */
  static void all(String[] words, Sink sink) {
    unigrams(words, sink);
    bigrams(words, sink);
    charGrams(words, sink);
    lexicon(words, sink);
  }
}
