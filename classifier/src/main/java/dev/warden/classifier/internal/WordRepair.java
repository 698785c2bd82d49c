package dev.warden.classifier.internal;

import java.util.function.Predicate;

/**
 * Undoes the usual evasions inside one folded word: look-alike Cyrillic/Greek letters in a Latin word, leetspeak
 * digits and symbols, masked letters and stretched letters. Stateless apart from the vocabulary it consults.
 */
final class WordRepair {
  private final Predicate<String> vocabulary;

  WordRepair(Predicate<String> vocabulary) {
    this.vocabulary = word -> vocabulary.test(word) || MaskLexicon.SET.contains(word);
  }

  String repair(String word) {
    String w = Confusables.fold(word);
    if (hasObfuscation(w)) {
      w = deobfuscate(w);
    }
    return unstretch(w);
  }

  private static boolean hasObfuscation(String w) {
    boolean letter = false;
    boolean other = false;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (Character.isLetter(c)) {
        letter = true;
      } else if (Leet.isLeet(c) || MaskLexicon.isWildcard(c)) {
        other = true;
      }
    }
    return letter && other;
  }

  private String deobfuscate(String w) {
    String inner = Leet.mapInner(w);
    String unmasked = MaskLexicon.unmask(inner);
    if (unmasked != null) {
      return unmasked;
    }
    String all = Leet.mapAll(inner);
    String allUnmasked = MaskLexicon.unmask(all);
    if (allUnmasked != null) {
      return allUnmasked;
    }
    boolean clearlyLeet = !inner.equals(w);
    if (clearlyLeet || vocabulary.test(unstretch(stripWildcards(all)))) {
      return stripWildcards(all);
    }
    return stripWildcards(inner.replace('!', 'i'));
  }

  private static String stripWildcards(String w) {
    StringBuilder out = new StringBuilder(w.length());
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (!MaskLexicon.isWildcard(c) || c == '-' && i > 0 && i < w.length() - 1) {
        out.append(c);
      }
    }
    return out.length() == 0 ? w : out.toString();
  }

  /** Runs of three or more equal letters become two or one, whichever the vocabulary knows (one if neither). */
  String unstretch(String w) {
    if (!hasStretch(w)) {
      return w;
    }
    String one = collapse(w, 1);
    if (vocabulary.test(one)) {
      return one;
    }
    String two = collapse(w, 2);
    return vocabulary.test(two) ? two : one;
  }

  private static boolean hasStretch(String w) {
    int run = 1;
    for (int i = 1; i < w.length(); i++) {
      run = w.charAt(i) == w.charAt(i - 1) ? run + 1 : 1;
      if (run >= 3 && Character.isLetter(w.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Keeps at most {@code keep} of each run of three or more of the same letter. One pass over the runs: counting
   * each char's run again made a long stretched word ({@code a} a million times) quadratic, minutes per comment.
   */
  static String collapse(String w, int keep) {
    StringBuilder out = new StringBuilder(w.length());
    int i = 0;
    while (i < w.length()) {
      char c = w.charAt(i);
      int end = i + 1;
      while (end < w.length() && w.charAt(end) == c) {
        end++;
      }
      int run = end - i;
      int copies = Character.isLetter(c) && run >= 3 ? Math.min(run, keep) : run;
      for (int k = 0; k < copies; k++) {
        out.append(c);
      }
      i = end;
    }
    return out.toString();
  }
}
