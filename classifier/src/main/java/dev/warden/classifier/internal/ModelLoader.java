package dev.warden.classifier.internal;

import dev.warden.classifier.ClassificationException;
import dev.warden.classifier.Classifier;
import dev.warden.classifier.Verdict;
import dev.warden.classifier.internal.narrative.DisinformationScore;
import dev.warden.classifier.internal.narrative.NarrativeCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
   * The bundled model with the bundled narrative catalogue extended by these YAML files, in order.
   *
   * @throws ClassificationException if a file is missing or not a valid catalogue
   */
  public static Classifier loadDefault(List<Path> narrativeFiles) {
    if (narrativeFiles.isEmpty()) {
      return Bundled.INSTANCE;
    }
    OpenNlpClassifier bundled = Bundled.INSTANCE;
    NarrativeCatalogue catalogue = NarrativeCatalogue.bundledExtendedBy(narrativeFiles);
    return new OpenNlpClassifier(
        models(bundled), bundled.modelVersion(), NarrativeMatchers.of(catalogue), DisinformationScore.SEED);
  }

  /**
   * Loads a directory written by {@code train}; labels it lacks come from the bundled model. The narrative
   * catalogue is the bundled one, extended by the directory's {@code narratives.yaml} if it has one, then by
   * {@code narrativeFiles} in order.
   *
   * @throws ClassificationException if the directory is missing or holds no model at all, or a catalogue is bad
   */
  public static Classifier load(Path modelDirectory, List<Path> narrativeFiles) {
    List<Path> files = new ArrayList<>();
    Path own = modelDirectory.resolve(NarrativeCatalogue.FILE_NAME);
    if (Files.isRegularFile(own)) {
      files.add(own);
    }
    files.addAll(narrativeFiles);
    OpenNlpClassifier loaded = (OpenNlpClassifier) load(modelDirectory);
    if (files.isEmpty()) {
      return loaded;
    }
    NarrativeCatalogue catalogue = NarrativeCatalogue.bundledExtendedBy(files);
    return new OpenNlpClassifier(
        models(loaded), loaded.modelVersion(), NarrativeMatchers.of(catalogue), loaded.disinformationScore());
  }

  private static Map<String, LabelModel> models(OpenNlpClassifier classifier) {
    Map<String, LabelModel> models = new LinkedHashMap<>();
    Verdict.LABELS.forEach(label -> models.put(label, classifier.model(label)));
    // Keep the abuse-kind models too, or a catalogue extension would silently drop the kind scores.
    for (String kind : Verdict.KINDS) {
      if (classifier.model(kind) != null) {
        models.put(kind, classifier.model(kind));
      }
    }
    return models;
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
    DisinformationScore score =
        contents.models().containsKey(Verdict.DISINFORMATION) ? DisinformationScore.MODEL_ONLY : DisinformationScore.SEED;
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
    String version = borrowed ? contents.version() + "+" + bundled.modelVersion() : contents.version();
    return new OpenNlpClassifier(models, version, NarrativeMatchers.bundled(), score);
  }

  private static OpenNlpClassifier loadBundled() {
    LanguageIdentifier.preload();
    NarrativeMatchers.preload();
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
