package dev.warden.plugin;

import dev.warden.plugin.internal.config.Durations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Which classifier models to use ({@code models:} in warden.yaml). Relative paths in warden.yaml are resolved
 * against the file's directory.
 *
 * @param directory a model directory written by the classifier's {@code train} command, or null for the model
 *     bundled in warden-classifier
 * @param narratives narrative catalogue files (YAML) a publisher maintains, added to the classifier's catalogue;
 *     each must be a readable file
 * @param reload whether and how often Warden looks for new models in {@code directory} ({@code models.reload})
 */
public record ModelsConfig(Path directory, List<Path> narratives, Reload reload) {
  public ModelsConfig {
    Objects.requireNonNull(reload, "reload");
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

  /** Models with the default reload settings ({@link Reload#DEFAULT}). */
  public ModelsConfig(Path directory, List<Path> narratives) {
    this(directory, narratives, Reload.DEFAULT);
  }

  /** The bundled model, or a model directory, with the classifier's own narrative catalogue only. */
  public ModelsConfig(Path directory) {
    this(directory, List.of());
  }

  /**
   * Reloading new models without a restart ({@code models.reload}): an operator writes a new model directory and
   * swaps {@code models.directory} to it (a symlink or a rename); Warden notices, loads and checks it in the
   * background and puts it in force. Only a {@code models.directory} is watched (the bundled model never changes).
   *
   * @param watch poll {@code models.directory} for changes ({@code watch}, default true)
   * @param interval how often ({@code interval}, default 10s; 1s to 1h)
   */
  public record Reload(boolean watch, Duration interval) {
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    static final Duration MAX_INTERVAL = Duration.ofHours(1);

    /** Watch every 10 seconds. */
    public static final Reload DEFAULT = new Reload(true, Duration.ofSeconds(10));

    public Reload {
      Objects.requireNonNull(interval, "interval");
      if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
        throw new WardenConfigException("models.reload.interval", Durations.format(interval),
            "must be between 1s and 1h");
      }
    }
  }
}
