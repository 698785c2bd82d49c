package dev.warden.classifier.internal;

import java.util.HashMap;
import java.util.Map;
import opennlp.tools.langdetect.DefaultLanguageDetectorContextGenerator;
import opennlp.tools.langdetect.LanguageDetectorFactory;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;

/**
 * The contexts of OpenNLP's default language-detector context generator (the one {@link LanguageDetectorFactory}
 * makes: the same normalisers, then the distinct lower-cased character 1- to 3-grams), the same strings in the same
 * order, but about ten times faster: OpenNLP collects the n-grams in an {@code NGramCharModel}, which wraps each
 * one in a {@code CharBuffer} and looks it up three times. Here each n-gram is one {@code HashMap} insert under a
 * key that hashes like the {@code CharBuffer} would, so the map iterates in the very same order and the model sums
 * its evidence in the same order: the probabilities are bit-identical.
 *
 * <p>Stateless and thread-safe.
 */
final class LanguageContexts extends DefaultLanguageDetectorContextGenerator {
  static final int MIN_GRAM = 1;
  static final int MAX_GRAM = 3;

  LanguageContexts() {
    super(MIN_GRAM, MAX_GRAM,
        EmojiCharSequenceNormalizer.getInstance(),
        UrlCharSequenceNormalizer.getInstance(),
        TwitterCharSequenceNormalizer.getInstance(),
        NumberCharSequenceNormalizer.getInstance(),
        ShrinkCharSequenceNormalizer.getInstance());
  }

  /**
   * OpenNLP's normalisers in the factory's order, each run only when its patterns could match: most comments hold
   * no emoji, URL, hashtag, number or stretched letters, and five regex passes cost more than the n-grams.
   * {@link NormaliserGuards} are conservative: when one says "no", the regexes would have changed nothing.
   */
  static CharSequence normalise(CharSequence text) {
    CharSequence out = text;
    if (NormaliserGuards.emoji(out)) {
      out = EmojiCharSequenceNormalizer.getInstance().normalize(out);
    }
    if (NormaliserGuards.url(out)) {
      out = UrlCharSequenceNormalizer.getInstance().normalize(out);
    }
    if (NormaliserGuards.twitter(out)) {
      out = TwitterCharSequenceNormalizer.getInstance().normalize(out);
    }
    if (NormaliserGuards.number(out)) {
      out = NumberCharSequenceNormalizer.getInstance().normalize(out);
    }
    if (NormaliserGuards.shrink(out)) {
      out = ShrinkCharSequenceNormalizer.getInstance().normalize(out);
    }
    return out;
  }

  /** Whether this factory builds the generator we replicate (a model with its own factory keeps its own). */
  static boolean replicates(LanguageDetectorFactory factory) {
    return factory.getClass() == LanguageDetectorFactory.class
        && factory.getContextGenerator().getClass() == DefaultLanguageDetectorContextGenerator.class;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends CharSequence> T[] getContext(CharSequence document) {
    return (T[]) contexts(document);
  }

  /** The distinct n-grams as strings, in the order OpenNLP's generator returns them. */
  String[] contexts(CharSequence document) {
    char[] chars = lowerCase(normalise(document));
    Map<Gram, Boolean> grams = new HashMap<>();
    for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
      for (int at = 0; at + n <= chars.length; at++) {
        grams.putIfAbsent(Gram.of(chars, at, n), Boolean.TRUE);
      }
    }
    String[] out = new String[grams.size()];
    int i = 0;
    for (Gram gram : grams.keySet()) {
      out[i++] = gram.text;
    }
    return out;
  }

  /**
   * Lower case per code point, as OpenNLP's {@code StringUtil.toLowerCaseCharBuffer}, which also keeps the input's
   * length (a shorter lower case would leave NULs at the end).
   */
  private static char[] lowerCase(CharSequence text) {
    String s = text.toString();
    char[] out = new char[s.length()];
    int length = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      length += Character.toChars(Character.toLowerCase(cp), out, length);
    }
    return out;
  }

  /** An n-gram whose hash is {@code CharBuffer.hashCode()} of the same chars. */
  private static final class Gram {
    final String text;
    final int hash;

    private Gram(String text, int hash) {
      this.text = text;
      this.hash = hash;
    }

    static Gram of(char[] chars, int from, int length) {
      int h = 1;
      for (int i = from + length - 1; i >= from; i--) {
        h = 31 * h + chars[i];
      }
      return new Gram(new String(chars, from, length), h);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Gram gram && gram.hash == hash && gram.text.equals(text);
    }
  }
}
