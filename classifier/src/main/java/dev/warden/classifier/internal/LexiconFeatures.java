package dev.warden.classifier.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Our lexicon matches as features ({@link Features#lexicon}). Stateless with a public no-arg constructor, because
 * OpenNLP re-creates feature generators by reflection.
 */
public final class LexiconFeatures implements FeatureGenerator {
  @Override
  public Collection<String> extractFeatures(String[] text, Map<String, Object> extraInformation) {
    List<String> features = new ArrayList<>();
    Features.lexicon(text, (feature, word, bigram) -> features.add(feature));
    return features;
  }
}
