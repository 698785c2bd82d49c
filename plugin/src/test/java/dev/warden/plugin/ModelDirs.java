package dev.warden.plugin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.classifier.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Model directories for reload tests: copies of the model bundled in warden-classifier (what {@code train} writes),
 * with their manifest's version changed, and the atomic symlink swap an operator does.
 */
final class ModelDirs {
  private static final String BUNDLED = "/dev/warden/classifier/model/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelDirs() {}

  /** A complete model directory {@code parent/name} whose manifest says {@code version}. */
  static Path write(Path parent, String name, String version) throws IOException {
    Path dir = Files.createDirectories(parent.resolve(name));
    for (String model : Stream.concat(Verdict.LABELS.stream(), Verdict.KINDS.stream()).toList()) {
      try (InputStream in = ModelDirs.class.getResourceAsStream(BUNDLED + model + ".bin")) {
        if (in == null) {
          throw new IllegalStateException("no bundled " + model + " model on the test classpath");
        }
        Files.copy(in, dir.resolve(model + ".bin"), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    writeManifest(dir, version);
    return dir;
  }

  /** Writes the bundled manifest into {@code dir} with another version. */
  static void writeManifest(Path dir, String version) throws IOException {
    ObjectNode manifest;
    try (InputStream in = ModelDirs.class.getResourceAsStream(BUNDLED + "manifest.json")) {
      manifest = (ObjectNode) JSON.readTree(in);
    }
    manifest.put("version", version);
    Files.writeString(dir.resolve("manifest.json"), JSON.writeValueAsString(manifest));
  }

  /** Points the symlink {@code link} at {@code target} in one atomic rename, as an operator's deploy does. */
  static void swap(Path link, Path target) throws IOException {
    Path next = link.resolveSibling(link.getFileName() + ".next");
    Files.deleteIfExists(next);
    Files.createSymbolicLink(next, target);
    Files.move(next, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
