package dev.warden.plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which classifier models to use ({@code models:} in warden.yaml). Relative paths in warden.yaml are resolved
 * against the file's directory.
 *
 * @param directory a model directory written by the classifier's {@code train} command, or null for the model
 *     bundled in warden-classifier
 * @param narratives narrative catalogue files (YAML) a publisher maintains, added to the classifier's catalogue;
 *     each must be a readable file
 */
public record ModelsConfig(Path directory, List<Path> narratives) {
  public ModelsConfig {
    if (directory != null && !Files.isDirectory(directory)) {
      throw new WardenConfigException("models.directory", directory.toString(), "is not a directory");
    }
    narratives = List.copyOf(narratives);
    for (int i = 0; i < narratives.size(); i++) {
      Path file = narratives.get(i);
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw new WardenConfigException("models.narratives[" + i + "]", file.toString(), "is not a readable file");
      }
    }
  }

  /** The bundled model, or a model directory, with the classifier's own narrative catalogue only. */
  public ModelsConfig(Path directory) {
    this(directory, List.of());
  }
}
