package dev.warden.classifier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.warden.classifier.ClassificationException;
import dev.warden.classifier.Verdict;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import opennlp.tools.ml.maxent.io.BinaryQNModelWriter;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;

/**
 * The on-disk form of trained models: {@code <label>.bin} per label and {@code <kind>.bin} per abuse kind
 * (OpenNLP's binary maxent format, which has no timestamps, so equal models are equal bytes) and
 * {@code manifest.json} with the version, the labels and kinds, the number of training examples and each model's
 * calibration ({@link Calibration}: {@code slope}, {@code intercept}, {@code trainingPrior}, {@code targetPrior}).
 * A model without a calibration entry (written before calibration existed) scores uncalibrated.
 */
public final class ModelDirectory {
  static final String MANIFEST = "manifest.json";
  static final String BUNDLED = "/dev/warden/classifier/model/";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ModelDirectory() {}

  /** The label and kind models found and the version recorded beside them. */
  record Contents(Map<String, LabelModel> models, String version) {}

  /** Every label, then every kind: the names a model file may have. */
  static List<String> names() {
    return Stream.concat(Verdict.LABELS.stream(), Verdict.KINDS.stream()).toList();
  }

  /** Writes the trained models and their manifest into {@code dir}, without a date (for reproducible builds). */
  public static void write(ModelTrainer.Result result, Path dir) throws IOException {
    write(result, dir, List.of(), null);
  }

  /**
   * Writes the trained models and their manifest into {@code dir}, creating it if needed.
   *
   * @param sources what the models were trained on (file names), recorded in the manifest
   * @param trainedAt when they were trained, or null to leave the date out (the bundled model: reproducible)
   */
  public static void write(ModelTrainer.Result result, Path dir, List<String> sources, Instant trainedAt)
      throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, AbstractModel> entry : result.models().entrySet()) {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(entry.getKey() + ".bin")))) {
        new BinaryQNModelWriter(entry.getValue(), new DataOutputStream(out)).persist();
      }
    }
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("version", result.version());
    manifest.put("labels", Verdict.LABELS.stream().filter(result.models()::containsKey).toList());
    manifest.put("kinds", Verdict.KINDS.stream().filter(result.models()::containsKey).toList());
    manifest.put("examples", new TreeMap<>(result.examples()));
    if (!sources.isEmpty()) {
      manifest.put("trainedOn", List.copyOf(sources));
    }
    if (trainedAt != null) {
      manifest.put("trainedAt", trainedAt.toString());
    }
    manifest.put("metrics", new TreeMap<>(result.metrics()));
    manifest.put("trainer", "MAXENT_QN");
    manifest.put("features", ModelTrainer.FEATURES_VERSION);
    Map<String, Object> calibration = new LinkedHashMap<>();
    result.calibrations().forEach((name, c) -> calibration.put(name, c));
    manifest.put("calibration", calibration);
    Files.writeString(dir.resolve(MANIFEST), JSON.writeValueAsString(manifest) + "\n");
  }

  /** Reads whatever label and kind models {@code dir} holds; an empty map if it holds none. */
  static Contents read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ClassificationException("model directory " + dir + " does not exist or is not a directory");
    }
    JsonNode manifest = readManifest(dir.resolve(MANIFEST));
    Map<String, LabelModel> models = new LinkedHashMap<>();
    for (String name : names()) {
      Path file = dir.resolve(name + ".bin");
      if (Files.isRegularFile(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          models.put(name, readModel(name, in, file.toString(), manifest));
        } catch (IOException e) {
          throw new ClassificationException("cannot read " + file + ": " + e.getMessage(), e);
        }
      }
    }
    return new Contents(models, manifest.path("version").asText("dir-" + dir.getFileName()));
  }

  /** Reads the models bundled on the classpath, or null if this build has none (e.g. run from an IDE). */
  static Contents readBundled() {
    JsonNode manifest;
    try (InputStream in = ModelDirectory.class.getResourceAsStream(BUNDLED + MANIFEST)) {
      if (in == null) {
        return null;
      }
      manifest = JSON.readTree(in);
    } catch (IOException e) {
      throw new ClassificationException("cannot read the bundled model manifest: " + e.getMessage(), e);
    }
    Map<String, LabelModel> models = new LinkedHashMap<>();
    for (String name : names()) {
      try (InputStream in = ModelDirectory.class.getResourceAsStream(BUNDLED + name + ".bin")) {
        if (in == null) {
          if (Verdict.LABELS.contains(name)) {
            return null;
          }
          continue;
        }
        models.put(name, readModel(name, in, "bundled " + name + " model", manifest));
      } catch (IOException e) {
        throw new ClassificationException("cannot read the bundled " + name + " model: " + e.getMessage(), e);
      }
    }
    return new Contents(models, manifest.path("version").asText("seed-unknown"));
  }

  private static LabelModel readModel(String name, InputStream in, String where, JsonNode manifest) throws IOException {
    AbstractModel model;
    try {
      model = new GenericModelReader(new BinaryFileDataReader(new BufferedInputStream(in))).getModel();
    } catch (IOException | RuntimeException e) {
      throw new ClassificationException(where + " is not an OpenNLP model: " + e.getMessage(), e);
    }
    return new LabelModel(name, model, calibration(manifest.path("calibration").path(name), where));
  }

  private static Calibration calibration(JsonNode node, String where) {
    if (node.isMissingNode()) {
      return Calibration.IDENTITY;
    }
    try {
      return new Calibration(
          node.path("slope").asDouble(Double.NaN),
          node.path("intercept").asDouble(Double.NaN),
          node.path("trainingPrior").asDouble(Double.NaN),
          node.path("targetPrior").asDouble(Double.NaN));
    } catch (IllegalArgumentException e) {
      throw new ClassificationException("bad calibration for " + where + " in the manifest: " + e.getMessage(), e);
    }
  }

  private static JsonNode readManifest(Path manifest) {
    if (!Files.isRegularFile(manifest)) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(manifest.toFile());
    } catch (IOException e) {
      throw new ClassificationException("cannot read " + manifest + ": " + e.getMessage(), e);
    }
  }
}
