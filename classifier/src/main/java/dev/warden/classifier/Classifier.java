package dev.warden.classifier;

import dev.warden.classifier.internal.ModelLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * Scores a comment for abuse and disinformation and says which terms drove each score.
 *
 * <p>Implementations are immutable and thread-safe: one instance is shared by every request.
 */
public interface Classifier {

  /**
   * Scores one comment.
   *
   * @param text the comment as the reader wrote it (not normalised); never null
   * @return the verdict, with a score in [0,1] for every label in {@link Verdict#LABELS}
   * @throws ClassificationException if the text cannot be scored
   */
  Verdict classify(String text);

  /** The version of the models this classifier uses, e.g. {@code seed-3f2a9c1d}. */
  String modelVersion();

  /** The narratives this classifier matches comments against, in catalogue order (none by default). */
  default List<NarrativeDefinition> narratives() {
    return List.of();
  }

  /**
   * A classifier with the same models that matches exactly these narratives (in this order) instead of its own
   * catalogue. The models are shared, not reloaded; only the narrative index is built (the seed corpus's IDF is
   * reused). This classifier is unchanged.
   *
   * @throws IllegalArgumentException if two narratives have the same id
   * @throws UnsupportedOperationException if this implementation cannot change its narratives
   */
  default Classifier withNarratives(List<NarrativeDefinition> narratives) {
    throw new UnsupportedOperationException(getClass().getName() + " cannot change its narratives");
  }

  /** Loads the model bundled in this jar (trained from the seed corpus at build time). */
  static Classifier loadDefault() {
    return ModelLoader.loadDefault();
  }

  /**
   * Loads models from a directory written by the {@code train} command. If the directory holds a
   * {@code narratives.yaml}, it extends the bundled narrative catalogue.
   *
   * @throws ClassificationException if the directory holds no usable model
   */
  static Classifier load(Path modelDirectory) {
    return ModelLoader.load(modelDirectory, List.of());
  }

  /**
   * Loads the bundled model, matching comments against the bundled narrative catalogue extended by these YAML
   * files in order (a narrative with an id already known replaces it; new ids are added).
   *
   * @throws ClassificationException if a file is missing or is not a valid narrative catalogue
   */
  static Classifier loadDefault(List<Path> narrativeFiles) {
    return ModelLoader.loadDefault(List.copyOf(narrativeFiles));
  }

  /**
   * Loads models from a directory as {@link #load(Path)} does, and extends the narrative catalogue by these YAML
   * files after the directory's own {@code narratives.yaml}.
   *
   * @throws ClassificationException if the directory holds no usable model, or a catalogue file is bad
   */
  static Classifier load(Path modelDirectory, List<Path> narrativeFiles) {
    return ModelLoader.load(modelDirectory, List.copyOf(narrativeFiles));
  }
}
