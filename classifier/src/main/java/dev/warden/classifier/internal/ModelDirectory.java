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
import java.util.LinkedHashMap;
import java.util.Map;
import opennlp.tools.ml.maxent.io.BinaryQNModelWriter;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;

/**
 * The on-disk form of trained models: {@code <label>.bin} per label (OpenNLP's binary maxent format, which has
 * no timestamps, so equal models are equal bytes) and {@code manifest.json} with the version, the labels and
 * the number of training examples per label.
 */
public final class ModelDirectory {
  static final String MANIFEST = "manifest.json";
  static final String BUNDLED = "/dev/warden/classifier/model/";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ModelDirectory() {}

  /** The models found and the version recorded beside them. */
  record Contents(Map<String, LabelModel> models, String version) {}

  /** Writes the trained models and their manifest into {@code dir}, creating it if needed. */
  public static void write(ModelTrainer.Result result, Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, AbstractModel> entry : result.models().entrySet()) {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(entry.getKey() + ".bin")))) {
        new BinaryQNModelWriter(entry.getValue(), new DataOutputStream(out)).persist();
      }
    }
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("version", result.version());
    manifest.put("labels", Verdict.LABELS.stream().filter(result.models()::containsKey).toList());
    manifest.put("examples", new java.util.TreeMap<>(result.examples()));
    manifest.put("trainer", "MAXENT_QN");
    manifest.put("features", ModelTrainer.FEATURES_VERSION);
    Files.writeString(dir.resolve(MANIFEST), JSON.writeValueAsString(manifest) + "\n");
  }

  /** Reads whatever label models {@code dir} holds; an empty map if it holds none. */
  static Contents read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ClassificationException("model directory " + dir + " does not exist or is not a directory");
    }
    Map<String, LabelModel> models = new LinkedHashMap<>();
    for (String label : Verdict.LABELS) {
      Path file = dir.resolve(label + ".bin");
      if (Files.isRegularFile(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          models.put(label, readModel(label, in, file.toString()));
        } catch (IOException e) {
          throw new ClassificationException("cannot read " + file + ": " + e.getMessage(), e);
        }
      }
    }
    return new Contents(models, readVersion(dir.resolve(MANIFEST), dir));
  }

  /** Reads the models bundled on the classpath, or null if this build has none (e.g. run from an IDE). */
  static Contents readBundled() {
    Map<String, LabelModel> models = new LinkedHashMap<>();
    for (String label : Verdict.LABELS) {
      try (InputStream in = ModelDirectory.class.getResourceAsStream(BUNDLED + label + ".bin")) {
        if (in == null) {
          return null;
        }
        models.put(label, readModel(label, in, "bundled " + label + " model"));
      } catch (IOException e) {
        throw new ClassificationException("cannot read the bundled " + label + " model: " + e.getMessage(), e);
      }
    }
    try (InputStream in = ModelDirectory.class.getResourceAsStream(BUNDLED + MANIFEST)) {
      if (in == null) {
        return null;
      }
      return new Contents(models, JSON.readTree(in).path("version").asText("seed-unknown"));
    } catch (IOException e) {
      throw new ClassificationException("cannot read the bundled model manifest: " + e.getMessage(), e);
    }
  }

  private static LabelModel readModel(String label, InputStream in, String where) throws IOException {
    AbstractModel model;
    try {
      model = new GenericModelReader(new BinaryFileDataReader(new BufferedInputStream(in))).getModel();
    } catch (IOException | RuntimeException e) {
      throw new ClassificationException(where + " is not an OpenNLP model: " + e.getMessage(), e);
    }
    return new LabelModel(label, model);
  }

  private static String readVersion(Path manifest, Path dir) {
    if (!Files.isRegularFile(manifest)) {
      return "dir-" + dir.getFileName();
    }
    try {
      JsonNode node = JSON.readTree(manifest.toFile());
      return node.path("version").asText("dir-" + dir.getFileName());
    } catch (IOException e) {
      throw new ClassificationException("cannot read " + manifest + ": " + e.getMessage(), e);
    }
  }
}
