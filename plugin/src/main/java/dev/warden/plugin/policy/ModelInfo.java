package dev.warden.plugin.policy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * The models in force.
 *
 * @param version the models' version (from their manifest), as every verdict and stored explanation records it
 * @param directory where they were loaded from, resolved through symlinks; null for the model bundled in Warden
 * @param loadedAt when they were put in force
 * @param watched true if Warden polls {@code models.directory} for new models
 */
public record ModelInfo(String version, Path directory, Instant loadedAt, boolean watched) {
  public ModelInfo {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(loadedAt, "loadedAt");
  }
}
