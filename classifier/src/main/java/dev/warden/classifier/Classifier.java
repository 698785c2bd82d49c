package dev.warden.classifier;

import dev.warden.classifier.internal.ModelLoader;
import java.nio.file.Path;

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

  /** Loads the model bundled in this jar (trained from the seed corpus at build time). */
  static Classifier loadDefault() {
    return ModelLoader.loadDefault();
  }

  /**
   * Loads models from a directory written by the {@code train} command.
   *
   * @throws ClassificationException if the directory holds no usable model
   */
  static Classifier load(Path modelDirectory) {
    return ModelLoader.load(modelDirectory);
  }
}
