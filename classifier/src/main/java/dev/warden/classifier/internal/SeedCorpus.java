package dev.warden.classifier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import dev.warden.classifier.Verdict;

/** The seed corpus we wrote, read from the classpath in the order its {@code index.txt} lists the files. */
public final class SeedCorpus {
  static final String ROOT = "/dev/warden/classifier/seed/";

  private static final ObjectMapper JSON = new ObjectMapper();

  private SeedCorpus() {}

  /** Every seed example, in a fixed order. */
  public static List<Example> load() {
    List<Example> examples = new ArrayList<>();
    for (String file : lines(ROOT + "index.txt")) {
      if (file.isBlank() || file.startsWith("#")) {
        continue;
      }
      int lineNo = 0;
      for (String line : lines(ROOT + file.trim())) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        try {
          JsonNode node = JSON.readTree(line);
          examples.add(example(node));
        } catch (IOException | RuntimeException e) {
          throw new IllegalStateException("seed " + file + " line " + lineNo + ": " + e.getMessage(), e);
        }
      }
    }
    return examples;
  }

  /** The seed's {@code kind} of an abuse line is its abuse kind; other lines' kinds are informational. */
  private static Example example(JsonNode node) {
    String label = Example.canonical(node.get("label").asText());
    String kind = node.path("kind").asText("");
    Set<String> kinds = label.equals(Example.ABUSE) && Verdict.KINDS.contains(kind) ? Set.of(kind) : Set.of();
    return new Example(node.get("text").asText(), label, kinds);
  }

  private static List<String> lines(String resource) {
    try (InputStream in = SeedCorpus.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing seed resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return reader.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
