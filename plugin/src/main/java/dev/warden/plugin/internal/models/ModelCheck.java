package dev.warden.plugin.internal.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.classifier.Classifier;
import dev.warden.classifier.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The checks new models must pass before they replace the ones in force. Before loading: the directory has a
 * {@code manifest.json} with a version, and every model file the manifest lists is there (so a directory still
 * being copied is refused, whatever order its files arrive in). After loading: a few fixed probe comments are
 * scored, and every score must be a finite number in [0,1]. Stateless.
 */
final class ModelCheck {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MANIFEST = "manifest.json";

  /** Benign, abusive, a false claim, and not English: the kinds of comment every model must be able to score. */
  static final List<String> PROBES = List.of(
      "Thanks for the careful reporting on the evacuation.",
      "You are a worthless idiot and a disgusting liar, shut up.",
      "The massacre was staged by crisis actors, it was a false flag.",
      "Merci pour cet article, très bien écrit.");

  private ModelCheck() {}

  /**
   * Refuses a directory that is not a complete model directory yet.
   *
   * @throws ModelRefusedException naming what is missing
   */
  static void beforeLoading(Path directory) {
    Path manifest = directory.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      throw new ModelRefusedException("no " + MANIFEST + " in " + directory + " (not a model directory, or still "
          + "being written)");
    }
    JsonNode root;
    try {
      root = JSON.readTree(manifest.toFile());
    } catch (IOException e) {
      throw new ModelRefusedException(MANIFEST + " in " + directory + " is not valid JSON (still being written?): "
          + e.getMessage());
    }
    if (root == null || root.path("version").asText("").isBlank()) {
      throw new ModelRefusedException(MANIFEST + " in " + directory + " has no version");
    }
    for (String list : List.of("labels", "kinds")) {
      for (JsonNode name : root.path(list)) {
        Path file = directory.resolve(name.asText() + ".bin");
        if (!Files.isRegularFile(file)) {
          throw new ModelRefusedException(MANIFEST + " in " + directory + " lists " + name.asText() + " but "
              + file.getFileName() + " is missing");
        }
      }
    }
  }

  /**
   * Scores the probe comments with loaded models.
   *
   * @throws ModelRefusedException if a probe cannot be scored or a score is not a number in [0,1]
   */
  static void afterLoading(Classifier classifier) {
    if (classifier.modelVersion() == null || classifier.modelVersion().isBlank()) {
      throw new ModelRefusedException("the models have no version");
    }
    for (int i = 0; i < PROBES.size(); i++) {
      Verdict verdict;
      try {
        verdict = classifier.classify(PROBES.get(i));
      } catch (RuntimeException e) {
        throw new ModelRefusedException("probe comment " + (i + 1) + " could not be scored: " + e);
      }
      for (Map.Entry<String, Double> score : verdict.scores().entrySet()) {
        double value = score.getValue();
        if (!(value >= 0.0 && value <= 1.0)) {
          throw new ModelRefusedException("probe comment " + (i + 1) + " scored " + score.getKey() + " " + value
              + ", not a number in [0,1]");
        }
      }
    }
  }
}
