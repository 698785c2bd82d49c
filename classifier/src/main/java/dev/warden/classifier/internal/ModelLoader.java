package dev.warden.classifier.internal;

import dev.warden.classifier.ClassificationException;
import dev.warden.classifier.Classifier;
import dev.warden.classifier.Verdict;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads classifiers from the bundled model or a model directory. Never touches the network.
 *
 * <p>The bundled classifier is loaded once and shared (it is immutable).
 */
public final class ModelLoader {
  private static final Logger LOG = LoggerFactory.getLogger(ModelLoader.class);

  private ModelLoader() {}

  private static final class Bundled {
    static final OpenNlpClassifier INSTANCE = loadBundled();
  }

  /** The classifier built into this jar. */
  public static Classifier loadDefault() {
    return Bundled.INSTANCE;
  }

  /**
   * Loads a directory written by {@code train}; labels it lacks come from the bundled model.
   *
   * @throws ClassificationException if the directory is missing or holds no model at all
   */
  public static Classifier load(Path modelDirectory) {
    ModelDirectory.Contents contents = ModelDirectory.read(modelDirectory);
    if (Verdict.LABELS.stream().noneMatch(contents.models()::containsKey)) {
      throw new ClassificationException(
          "no model in " + modelDirectory + ": expected abuse.bin and/or disinformation.bin written by 'train'");
    }
    Map<String, LabelModel> models = new LinkedHashMap<>(contents.models());
    OpenNlpClassifier bundled = Bundled.INSTANCE;
    boolean borrowed = false;
    for (String label : Verdict.LABELS) {
      if (!models.containsKey(label)) {
        LOG.info("Model directory {} has no {} model; using the bundled one", modelDirectory, label);
        models.put(label, bundled.model(label));
        borrowed = true;
      }
    }
    if (Verdict.KINDS.stream().noneMatch(models::containsKey)) {
      // Kinds are bounded by the abuse score, so the seed kind models still say which kind an abuse is.
      for (String kind : Verdict.KINDS) {
        if (bundled.model(kind) != null) {
          models.put(kind, bundled.model(kind));
          borrowed = true;
        }
      }
    }
    return new OpenNlpClassifier(models, borrowed ? contents.version() + "+" + bundled.modelVersion() : contents.version());
  }

  private static OpenNlpClassifier loadBundled() {
    ModelDirectory.Contents contents = ModelDirectory.readBundled();
    if (contents != null) {
      return new OpenNlpClassifier(contents.models(), contents.version());
    }
    LOG.warn("No bundled model on the classpath (not built with Maven?); training one from the seed corpus now");
    return trainFromSeed();
  }

  /** Trains the seed models in memory; used when the build did not bundle them. */
  static OpenNlpClassifier trainFromSeed() {
    ModelTrainer.Result result = ModelTrainer.train(SeedCorpus.load(), "seed");
    Map<String, LabelModel> models = new LinkedHashMap<>();
    result.models().forEach(
        (label, model) -> models.put(label, new LabelModel(label, model, result.calibrations().get(label))));
    return new OpenNlpClassifier(models, result.version());
  }
}
