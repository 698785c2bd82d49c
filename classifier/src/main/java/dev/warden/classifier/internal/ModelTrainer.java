package dev.warden.classifier.internal;

import dev.warden.classifier.ClassificationException;
import dev.warden.classifier.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains one binary OpenNLP document categorizer per label with L-BFGS maxent ({@code MAXENT_QN}).
 *
 * <p>Deterministic: fixed parameters, one thread, examples in input order; the same examples give
 * byte-identical models and the same version.
 */
public final class ModelTrainer {
  /** Bumped whenever the normaliser or the features change meaning, so the version changes with them. */
  static final String FEATURES_VERSION = "features-3";

  /** Below this many examples every feature is kept; above it a feature must occur twice. */
  static final int SMALL_CORPUS = 5000;

  private ModelTrainer() {}

  /** What training produced: one model per label that had examples (in label order), the version and example counts. */
  public record Result(Map<String, AbstractModel> models, String version, Map<String, Integer> examples) {
    public Result {
      models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
      examples = Collections.unmodifiableMap(new LinkedHashMap<>(examples));
    }
  }

  /**
   * Trains a model for every label that has positive examples.
   *
   * @param versionPrefix e.g. {@code seed}; the version is the prefix, a dash and 12 hex of a hash
   * @throws ClassificationException if no label can be trained (no positives, or no {@code ok}-side examples)
   */
  public static Result train(List<Example> examples, String versionPrefix) {
    TrainingParameters params = parameters(examples.size());
    Normaliser normaliser = new Normaliser(vocabulary(examples)::contains);
    List<String[]> words = new ArrayList<>(examples.size());
    for (Example example : examples) {
      words.add(normaliser.normalise(example.text()).words());
    }
    Map<String, AbstractModel> models = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String label : Verdict.LABELS) {
      String wanted = Verdict.ABUSE.equals(label) ? Example.ABUSE : Example.DISINFO;
      List<DocumentSample> samples = samples(examples, words, wanted, label);
      long positives = samples.stream().filter(s -> s.getCategory().equals(label)).count();
      if (positives == 0) {
        continue;
      }
      if (positives == samples.size()) {
        throw new ClassificationException(
            "cannot train " + label + ": every example is " + wanted + ", none is ok");
      }
      models.put(label, trainOne(samples, params, label));
      counts.put(label, samples.size());
    }
    if (models.isEmpty()) {
      throw new ClassificationException("no example labelled abuse or disinfo: nothing to train");
    }
    return new Result(models, versionPrefix + "-" + hash(examples, params), counts);
  }

  static TrainingParameters parameters(int size) {
    TrainingParameters params = new TrainingParameters();
    params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
    params.put(TrainingParameters.ITERATIONS_PARAM, 150);
    params.put(TrainingParameters.CUTOFF_PARAM, size < SMALL_CORPUS ? 1 : 2);
    params.put(TrainingParameters.THREADS_PARAM, 1);
    params.put("L1Cost", 0.05);
    params.put("L2Cost", 0.5);
    params.put("DataIndexer", "OnePass");
    params.put("PrintMessages", false);
    return params;
  }

  private static List<DocumentSample> samples(
      List<Example> examples, List<String[]> words, String wanted, String label) {
    List<DocumentSample> samples = new ArrayList<>(examples.size());
    for (int i = 0; i < examples.size(); i++) {
      String category = examples.get(i).label().equals(wanted) ? label : LabelModel.NEGATIVE;
      samples.add(new DocumentSample(category, words.get(i)));
    }
    return samples;
  }

  private static AbstractModel trainOne(List<DocumentSample> samples, TrainingParameters params, String label) {
    FeatureGenerator[] generators = {new WordUnigramFeatures(), new WordBigramFeatures(), new CharNgramFeatures(), new LexiconFeatures()};
    try {
      return (AbstractModel)
          DocumentCategorizerME.train(
                  "und", ObjectStreamUtils.createObjectStream(samples), params, new DoccatFactory(generators))
              .getMaxentModel();
    } catch (IOException e) {
      throw new ClassificationException("training the " + label + " model failed: " + e.getMessage(), e);
    }
  }

  /** Plain alphabetic words of the corpus, so the normaliser can tell {@code kill} from {@code kil}. */
  private static Set<String> vocabulary(List<Example> examples) {
    Normaliser plain = new Normaliser();
    Set<String> vocabulary = new HashSet<>();
    for (Example example : examples) {
      for (String word : plain.normalise(example.text()).words()) {
        if (word.chars().allMatch(Character::isLetter)) {
          vocabulary.add(word);
        }
      }
    }
    return vocabulary;
  }

  private static String hash(List<Example> examples, TrainingParameters params) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Example example : examples) {
        digest.update((example.label() + '\t' + example.text() + '\n').getBytes(StandardCharsets.UTF_8));
      }
      Map<String, Object> sorted = new TreeMap<>(params.getObjectSettings());
      digest.update((FEATURES_VERSION + sorted).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always present", e);
    }
  }
}
