package dev.warden.classifier.internal;

import java.util.Arrays;

/**
 * The features of one normalised comment that some model knows, as ids of a {@link WeightTable}: the request
 * path's form of {@link TextFeatures}. It generates exactly the features of {@link Features#all} in the same
 * order with the same values ({@link TextFeatures}'s rules), but spells each n-gram into a reusable char buffer
 * and looks it up there, so no feature string is built; features no model knows are dropped, since they change
 * neither a score nor an explanation.
 *
 * <p>Each occurrence keeps the word it came from (for explanations); the distinct ids keep their first-occurrence
 * order and their values summed in occurrence order, as {@link TextFeatures} does, so scores are bit-identical.
 */
final class FeatureVector {
  /** The prefix of word unigram features. */
  static final String WORD = "w=";

  /** Per occurrence: the feature's id, its word (-1 for the bias), whether it is a bigram, its value. */
  final int[] ids;
  final int[] words;
  final boolean[] bigrams;
  final float[] values;
  /** Per distinct feature, in first-occurrence order: its id and summed value. */
  final int[] distinct;
  final float[] summed;

  private FeatureVector(int[] ids, int[] words, boolean[] bigrams, float[] values, int size) {
    this.ids = Arrays.copyOf(ids, size);
    this.words = Arrays.copyOf(words, size);
    this.bigrams = Arrays.copyOf(bigrams, size);
    this.values = Arrays.copyOf(values, size);
    int[] slotOf = new int[Integer.highestOneBit(Math.max(2, size * 2)) << 1];
    int mask = slotOf.length - 1;
    int[] first = new int[size];
    float[] sums = new float[size];
    int n = 0;
    for (int i = 0; i < size; i++) {
      int id = ids[i];
      int s = (id * 0x9E3779B9 >>> 7) & mask;
      while (slotOf[s] != 0 && first[slotOf[s] - 1] != id) {
        s = (s + 1) & mask;
      }
      if (slotOf[s] == 0) {
        slotOf[s] = n + 1;
        first[n] = id;
        sums[n++] = values[i];
      } else {
        sums[slotOf[s] - 1] += values[i];
      }
    }
    this.distinct = Arrays.copyOf(first, n);
    this.summed = Arrays.copyOf(sums, n);
  }

  /** The known features of {@code words} (normalised), as {@link Features#all} would name them. */
  static FeatureVector of(String[] words, WeightTable table) {
    Builder builder = new Builder(table, words.length * 16 + 4, TextFeatures.scale(words.length));
    int[] unigramIds = builder.unigrams(words);
    builder.bigrams(words);
    builder.charGrams(words, unigramIds);
    Features.lexicon(words, builder);
    return builder.build();
  }

  /** The ids of the known character n-grams of one word, in {@link Features#charGrams} order. */
  static int[] charGramIds(String word, WeightTable table) {
    Builder builder = new Builder(table, 16, 1f);
    builder.charGrams(word, 0, null);
    return Arrays.copyOf(builder.ids, builder.size);
  }

  /** Spells features into one buffer per text (no sharing between threads) and collects the known ones. */
  private static final class Builder implements Features.Sink {
    private final WeightTable table;
    private final float wordValue;
    private final float charValue;
    private char[] buffer = new char[64];
    private int[] ids;
    private int[] words;
    private boolean[] bigrams;
    private float[] values;
    private int size;

    Builder(WeightTable table, int capacity, float scale) {
      this.table = table;
      this.wordValue = scale;
      this.charValue = scale * TextFeatures.CHAR_GRAM_WEIGHT;
      ids = new int[capacity];
      words = new int[capacity];
      bigrams = new boolean[capacity];
      values = new float[capacity];
    }

    /** Adds the unigrams and returns each word's unigram id (-1 if unknown). */
    int[] unigrams(String[] text) {
      add(table.id(Features.BIAS), -1, false, 1f);
      int[] unigramIds = new int[text.length];
      for (int i = 0; i < text.length; i++) {
        int length = prefix('w');
        length = append(text[i], 0, text[i].length(), length);
        unigramIds[i] = table.id(buffer, length);
        add(unigramIds[i], i, false, wordValue);
      }
      return unigramIds;
    }

    void bigrams(String[] text) {
      for (int i = 0; i + 1 < text.length; i++) {
        int length = prefix('b');
        length = append(text[i], 0, text[i].length(), length);
        length = ensure(length + 1);
        buffer[length - 1] = '_';
        length = append(text[i + 1], 0, text[i + 1].length(), length);
        add(table.id(buffer, length), i, true, wordValue);
      }
    }

    /** Each word's character n-grams: precomputed for a word the models know, spelled out for any other. */
    void charGrams(String[] text, int[] unigramIds) {
      char[] bounded = new char[Features.MAX_GRAM_WORD + 2];
      for (int i = 0; i < text.length; i++) {
        int[] known = unigramIds[i] < 0 ? null : table.wordGrams(unigramIds[i]);
        if (known != null) {
          for (int id : known) {
            add(id, i, false, charValue);
          }
        } else {
          charGrams(text[i], i, bounded);
        }
      }
    }

    /** {@code c=} plus each 3- to 5-char window of {@code ^word$} (the word cut at {@link Features#MAX_GRAM_WORD}). */
    private void charGrams(String word, int i, char[] buffered) {
      char[] bounded = buffered != null ? buffered : new char[Features.MAX_GRAM_WORD + 2];
      int letters = Math.min(word.length(), Features.MAX_GRAM_WORD);
      bounded[0] = '^';
      word.getChars(0, letters, bounded, 1);
      bounded[letters + 1] = '$';
      int length = letters + 2;
      for (int n = Features.MIN_GRAM; n <= Features.MAX_GRAM; n++) {
        for (int at = 0; at + n <= length; at++) {
          int end = prefix('c');
          System.arraycopy(bounded, at, buffer, end, n);
          add(table.id(buffer, end + n), i, false, charValue);
        }
      }
    }

    /** Lexicon features come as strings ({@link Features#lexicon}): a few per text at most. */
    @Override
    public void accept(String feature, int word, boolean bigram) {
      add(table.id(feature), word, bigram, TextFeatures.isFullWeight(feature) ? 1f : wordValue);
    }

    private int prefix(char kind) {
      buffer[0] = kind;
      buffer[1] = '=';
      return 2;
    }

    private int append(String s, int from, int to, int length) {
      int end = ensure(length + to - from);
      s.getChars(from, to, buffer, length);
      return end;
    }

    private int ensure(int length) {
      if (length > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(length, buffer.length * 2));
      }
      return length;
    }

    private void add(int id, int word, boolean bigram, float value) {
      if (id < 0) {
        return;
      }
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
        words = Arrays.copyOf(words, size * 2);
        bigrams = Arrays.copyOf(bigrams, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      ids[size] = id;
      words[size] = word;
      bigrams[size] = bigram;
      values[size] = value;
      size++;
    }

    FeatureVector build() {
      return new FeatureVector(ids, words, bigrams, values, size);
    }
  }
}
