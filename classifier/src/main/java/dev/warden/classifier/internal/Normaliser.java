package dev.warden.classifier.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns a comment into normalised tokens in small steps: fold (NFKC, lower case, no invisible chars), split into
 * words, join spaced-out letters ({@code s t u p i d}), then repair each word ({@link WordRepair}). Every token
 * keeps the span of the original text it came from, so explanations can quote what the reader wrote.
 *
 * <p>Immutable and thread-safe.
 */
public final class Normaliser {
  /** Longer comments are cut here: the head says enough and the request path stays fast. */
  static final int MAX_TOKENS = 600;

  /**
   * Longer words are cut here before repair: no real word is this long, and a megabyte-long "word" must cost no
   * more than a short one.
   */
  static final int MAX_WORD_CHARS = 100;

  private static final int MIN_SPACED_LETTERS = 3;

  private final WordRepair repair;

  /** A normaliser that prefers the words in {@code vocabulary} when undoing stretched or masked letters. */
  public Normaliser(Predicate<String> vocabulary) {
    this.repair = new WordRepair(vocabulary);
  }

  /** A normaliser with no vocabulary beyond its own small lexicon. */
  public Normaliser() {
    this(Set.<String>of()::contains);
  }

  /** Normalises one comment. */
  public NormalisedText normalise(String text) {
    FoldedText folded = FoldedText.of(text);
    List<int[]> spans = joinSpacedLetters(folded, split(folded));
    List<Token> tokens = new ArrayList<>(Math.min(spans.size(), MAX_TOKENS));
    for (int[] span : spans) {
      if (tokens.size() == MAX_TOKENS) {
        break;
      }
      String raw = wordAt(folded, span);
      String word = repair.repair(raw.length() > MAX_WORD_CHARS ? raw.substring(0, MAX_WORD_CHARS) : raw);
      if (!word.isEmpty()) {
        int start = folded.originalStart(span[0]);
        int end = folded.originalEnd(span[1] - 1);
        tokens.add(new Token(word, start, end));
      }
    }
    return new NormalisedText(text, tokens);
  }

  private static String wordAt(FoldedText folded, int[] span) {
    if (span.length == 2) {
      return folded.substring(span[0], span[1]);
    }
    StringBuilder joined = new StringBuilder();
    for (int i = 2; i < span.length; i++) {
      joined.append(folded.charAt(span[i]));
    }
    return joined.toString();
  }

  /** Word spans {from, to} over the folded text, trimmed of edge punctuation that is not part of the word. */
  static List<int[]> split(FoldedText folded) {
    List<int[]> spans = new ArrayList<>();
    int i = 0;
    int n = folded.length();
    while (i < n) {
      if (!isWordChar(folded.charAt(i))) {
        i++;
        continue;
      }
      int end = i;
      while (end < n && isWordChar(folded.charAt(end))) {
        end++;
      }
      int[] trimmed = trim(folded, i, end);
      if (trimmed != null) {
        spans.add(trimmed);
      }
      i = end;
    }
    return spans;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || "*@$!'#%|_".indexOf(c) >= 0;
  }

  private static int[] trim(FoldedText folded, int from, int to) {
    boolean letter = false;
    for (int i = from; i < to; i++) {
      letter |= Character.isLetter(folded.charAt(i));
    }
    while (from < to && !keepsAtStart(folded, from, to, letter)) {
      from++;
    }
    while (to > from && !keepsAtEnd(folded.charAt(to - 1), letter)) {
      to--;
    }
    return from < to ? new int[] {from, to} : null;
  }

  private static boolean keepsAtStart(FoldedText folded, int at, int to, boolean letter) {
    char c = folded.charAt(at);
    if (Character.isLetterOrDigit(c)) {
      return true;
    }
    boolean leetStart = (c == '@' || c == '$' || c == '!' || c == '|') && letter && at + 1 < to;
    return leetStart || (c == '*' && letter && at + 1 < to);
  }

  private static boolean keepsAtEnd(char c, boolean letter) {
    return Character.isLetterOrDigit(c) || (letter && (c == '*' || c == '#'));
  }

  /**
   * Replaces runs of at least three one-char words separated by short gaps of spaces or dots ({@code s t u p i d},
   * {@code f.u.c.k}) with one span that lists the chars: {from, to, i1, i2, ...}.
   */
  static List<int[]> joinSpacedLetters(FoldedText folded, List<int[]> spans) {
    List<int[]> out = new ArrayList<>(spans.size());
    int i = 0;
    while (i < spans.size()) {
      int j = i;
      while (j < spans.size() && isSingle(folded, spans.get(j))
          && (j == i || isShortGap(folded, spans.get(j - 1)[1], spans.get(j)[0]))) {
        j++;
      }
      if (j - i >= MIN_SPACED_LETTERS && countLetters(folded, spans, i, j) >= 2) {
        int[] joined = new int[2 + j - i];
        joined[0] = spans.get(i)[0];
        joined[1] = spans.get(j - 1)[1];
        for (int k = i; k < j; k++) {
          joined[2 + k - i] = spans.get(k)[0];
        }
        out.add(joined);
        i = j;
      } else {
        out.add(spans.get(i));
        i++;
      }
    }
    return out;
  }

  private static boolean isSingle(FoldedText folded, int[] span) {
    return span[1] - span[0] == 1;
  }

  private static boolean isShortGap(FoldedText folded, int from, int to) {
    if (to - from > 3) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = folded.charAt(i);
      if (!Character.isWhitespace(c) && ".-_·,/+*".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static int countLetters(FoldedText folded, List<int[]> spans, int from, int to) {
    int letters = 0;
    for (int k = from; k < to; k++) {
      letters += Character.isLetter(folded.charAt(spans.get(k)[0])) ? 1 : 0;
    }
    return letters;
  }
}
