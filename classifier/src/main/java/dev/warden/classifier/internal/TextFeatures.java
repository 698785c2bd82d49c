package dev.warden.classifier.internal;

import java.util.Arrays;

/** The features of one normalised comment, each with the word it came from. Built once, read by every model. */
final class TextFeatures {
  final String[] features;
  final int[] words;
  final boolean[] bigrams;

  private TextFeatures(String[] features, int[] words, boolean[] bigrams) {
    this.features = features;
    this.words = words;
    this.bigrams = bigrams;
  }

  static TextFeatures of(String[] normalisedWords) {
    Collector collector = new Collector(normalisedWords.length * 16 + 4);
    Features.all(normalisedWords, collector);
    return collector.build();
  }

  private static final class Collector implements Features.Sink {
    private String[] features;
    private int[] words;
    private boolean[] bigrams;
    private int size;

    Collector(int capacity) {
      features = new String[capacity];
      words = new int[capacity];
      bigrams = new boolean[capacity];
    }

    @Override
    public void accept(String feature, int word, boolean bigram) {
      if (size == features.length) {
        features = Arrays.copyOf(features, size * 2);
        words = Arrays.copyOf(words, size * 2);
        bigrams = Arrays.copyOf(bigrams, size * 2);
      }
      features[size] = feature;
      words[size] = word;
      bigrams[size] = bigram;
      size++;
    }

    TextFeatures build() {
      return new TextFeatures(
          Arrays.copyOf(features, size), Arrays.copyOf(words, size), Arrays.copyOf(bigrams, size));
    }
  }
}
