package dev.warden.classifier.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import opennlp.tools.ml.ArrayMath;

/**
 * The weights of several {@link LabelModel}s in one table, for the request path: every feature any model knows
 * gets an id, and for each id the weights of each model's positive and negative outcome lie side by side. One
 * hash lookup per feature then serves every model, instead of one lookup per feature per model in OpenNLP's
 * {@code Map<String, Context>}; and a feature is looked up straight from chars ({@link #id(char[], int)}), so
 * scoring builds no feature strings.
 *
 * <p>The scores are bit-identical to {@code AbstractModel.eval(predicates, values)}: each model's outcome sums
 * are accumulated in the same order with the same operations (a feature a model lacks adds {@code v * 0.0}, which
 * changes nothing), then normalised with OpenNLP's own {@link ArrayMath#logSumOfExps} and {@link StrictMath#exp}.
 *
 * <p>Immutable and thread-safe.
 */
final class WeightTable {
  private final int models;
  private final int size;
  /** Every feature's chars, one after the other: feature {@code id} is {@code pool[offsets[id], offsets[id + 1])}. */
  private final char[] pool;
  private final int[] offsets;
  /** Open addressing: {@code hash << 32 | (id + 1)}, 0 for an empty slot; one memory read finds hash and id. */
  private final long[] slots;
  private final int mask;
  /** {@code weights[(id * models + m) * 2]}: model m's positive outcome; {@code + 1}: its negative one. */
  private final double[] weights;
  /**
   * For the id of a word unigram ({@code w=word}): the ids of that word's known character n-grams, in
   * {@link Features#charGrams} order. Most words of a comment are words the models know, and this turns a dozen
   * lookups per word into none.
   */
  private final int[][] wordGrams;

  private WeightTable(int models, String[] keys, double[] weights) {
    this.models = models;
    this.size = keys.length;
    this.weights = weights;
    this.offsets = new int[keys.length + 1];
    for (int id = 0; id < keys.length; id++) {
      offsets[id + 1] = offsets[id] + keys[id].length();
    }
    this.pool = new char[offsets[keys.length]];
    for (int id = 0; id < keys.length; id++) {
      keys[id].getChars(0, keys[id].length(), pool, offsets[id]);
    }
    int capacity = Integer.highestOneBit(Math.max(4, keys.length * 2 - 1)) << 1;
    this.slots = new long[capacity];
    this.mask = capacity - 1;
    for (int id = 0; id < keys.length; id++) {
      int h = mix(keys[id].hashCode());
      int i = h & mask;
      while (slots[i] != 0) {
        i = (i + 1) & mask;
      }
      slots[i] = (long) h << 32 | (id + 1);
    }
    this.wordGrams = new int[keys.length][];
    for (int id = 0; id < keys.length; id++) {
      if (keys[id].startsWith(FeatureVector.WORD)) {
        wordGrams[id] = FeatureVector.charGramIds(keys[id].substring(FeatureVector.WORD.length()), this);
      }
    }
  }

  /** The table of these models, in this order (model {@code m} of the table is {@code models.get(m)}). */
  static WeightTable of(List<LabelModel> models) {
    int stride = models.size() * 2;
    Map<String, Integer> ids = new HashMap<>();
    List<String> keys = new ArrayList<>();
    double[][] weights = {new double[1024 * stride]};
    for (int m = 0; m < models.size(); m++) {
      int column = m * 2;
      models.get(m).forEachWeight((feature, positive, negative) -> {
        int id = ids.computeIfAbsent(feature, f -> {
          keys.add(f);
          return keys.size() - 1;
        });
        if ((id + 1) * stride > weights[0].length) {
          weights[0] = Arrays.copyOf(weights[0], weights[0].length * 2);
        }
        weights[0][id * stride + column] = positive;
        weights[0][id * stride + column + 1] = negative;
      });
    }
    return new WeightTable(models.size(), keys.toArray(String[]::new), Arrays.copyOf(weights[0], keys.size() * stride));
  }

  /** Every word the models know (their unigram features without the prefix). */
  Set<String> vocabulary() {
    Set<String> words = new HashSet<>();
    for (int id = 0; id < size; id++) {
      String key = feature(id);
      if (key.startsWith(FeatureVector.WORD)) {
        words.add(key.substring(FeatureVector.WORD.length()));
      }
    }
    return Set.copyOf(words);
  }

  int models() {
    return models;
  }

  int size() {
    return size;
  }

  /** The feature with this id. */
  String feature(int id) {
    return new String(pool, offsets[id], offsets[id + 1] - offsets[id]);
  }

  /** The id of a feature, or -1 when no model knows it. */
  int id(String feature) {
    int h = 0;
    for (int i = 0; i < feature.length(); i++) {
      h = 31 * h + feature.charAt(i);
    }
    return find(mix(h), feature, null, feature.length());
  }

  /** The id of the feature spelled by {@code chars[0, length)}, or -1 when no model knows it. */
  int id(char[] chars, int length) {
    int h = 0;
    for (int i = 0; i < length; i++) {
      h = 31 * h + chars[i];
    }
    return find(mix(h), null, chars, length);
  }

  private int find(int h, String feature, char[] chars, int length) {
    int i = h & mask;
    while (true) {
      long slot = slots[i];
      if (slot == 0) {
        return -1;
      }
      int id = (int) slot - 1;
      if ((int) (slot >>> 32) == h && same(id, feature, chars, length)) {
        return id;
      }
      i = (i + 1) & mask;
    }
  }

  private boolean same(int id, String feature, char[] chars, int length) {
    int from = offsets[id];
    if (offsets[id + 1] - from != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = feature != null ? feature.charAt(i) : chars[i];
      if (pool[from + i] != c) {
        return false;
      }
    }
    return true;
  }

  /** The known character n-grams of the word whose unigram has this id, or null if it is not a unigram's id. */
  int[] wordGrams(int unigramId) {
    return wordGrams[unigramId];
  }

  /** Spreads String-style hashes over the low bits that pick a slot. */
  private static int mix(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 16);
  }

  /**
   * Each model's (uncalibrated) probability of its positive outcome, as {@code AbstractModel.eval} computes it,
   * in one pass over the features.
   */
  double[] rawScores(FeatureVector x) {
    double[] sums = new double[models * 2];
    int[] ids = x.distinct;
    float[] values = x.summed;
    for (int k = 0; k < ids.length; k++) {
      double value = values[k];
      int row = ids[k] * models * 2;
      for (int j = 0; j < sums.length; j++) {
        sums[j] += value * weights[row + j];
      }
    }
    double[] probabilities = new double[models];
    double[] pair = new double[2];
    for (int m = 0; m < models; m++) {
      pair[0] = sums[m * 2];
      pair[1] = sums[m * 2 + 1];
      double logSum = ArrayMath.logSumOfExps(pair);
      probabilities[m] = StrictMath.exp(pair[0] - logSum);
    }
    return probabilities;
  }

  /** Model {@code m}'s log-odds weight of a feature for its positive outcome (positive minus negative weight). */
  double contribution(int m, int id) {
    int at = (id * models + m) * 2;
    return weights[at] - weights[at + 1];
  }

  @Override
  public String toString() {
    return "WeightTable[" + models + " models, " + size + " features, " + slots.length + " slots]";
  }
}
