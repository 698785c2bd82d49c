package dev.warden.plugin;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which classifier models to use ({@code models:} in warden.yaml).
 *
 * @param directory a model directory written by the classifier's {@code train} command, or null for the model
 *     bundled in warden-classifier
 */
public record ModelsConfig(Path directory) {
  public ModelsConfig {
    if (directory != null && !Files.isDirectory(directory)) {
      throw new WardenConfigException("models.directory", directory.toString(), "is not a directory");
    }
  }
}
