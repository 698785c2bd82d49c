package dev.warden.classifier.internal;

import dev.warden.classifier.ClassificationException;
import dev.warden.classifier.Classifier;
import java.nio.file.Path;

/** Loads classifiers from the bundled model or a model directory. (Skeleton: the classifier work fills it.) */
public final class ModelLoader {
  private ModelLoader() {}

  public static Classifier loadDefault() {
    throw new ClassificationException("no bundled model yet");
  }

  public static Classifier load(Path modelDirectory) {
    throw new ClassificationException("no model in " + modelDirectory);
  }
}
