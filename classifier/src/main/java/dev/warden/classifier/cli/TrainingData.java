package dev.warden.classifier.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.classifier.internal.Example;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads labelled comments for {@code train}: JSONL lines {@code {"text":…,"label":…,"labels":[…]}} or a
 * Jigsaw-style CSV ({@code comment_text,toxic,severe_toxic,obscene,threat,insult,identity_hate}), chosen by the
 * file's extension. Abuse kinds are mapped to ours ({@code obscene} → {@code profanity}, {@code identity_hate} →
 * {@code identity_attack}, …); kinds we do not score are dropped.
 */
final class TrainingData {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Jigsaw columns, each with the abuse kind it implies (null: abuse without a kind of ours). */
  static final Map<String, String> JIGSAW_COLUMNS = jigsawColumns();

  private static Map<String, String> jigsawColumns() {
    Map<String, String> columns = new java.util.LinkedHashMap<>();
    columns.put("toxic", null);
    columns.put("severe_toxic", null);
    columns.put("obscene", "profanity");
    columns.put("threat", "threat");
    columns.put("insult", "insult");
    columns.put("identity_hate", "identity_attack");
    return java.util.Collections.unmodifiableMap(columns);
  }

  private static final Map<String, String> KIND_NAMES = Map.ofEntries(
      Map.entry("insult", "insult"),
      Map.entry("threat", "threat"),
      Map.entry("identity_attack", "identity_attack"),
      Map.entry("identity_based_attack", "identity_attack"),
      Map.entry("identity_hate", "identity_attack"),
      Map.entry("hate_speech", "identity_attack"),
      Map.entry("hateful", "identity_attack"),
      Map.entry("profanity", "profanity"),
      Map.entry("obscene", "profanity"),
      Map.entry("profane_obscene", "profanity"));

  private TrainingData() {}

  /**
   * One labelled comment.
   *
   * @param label {@code ok}, {@code abuse} or {@code disinfo}
   * @param kinds our abuse kinds ({@code insult}, {@code threat}, {@code identity_attack}, {@code profanity})
   */
  record Labelled(String text, String label, Set<String> kinds) {
    Labelled {
      label = Example.canonical(label);
      kinds = Set.copyOf(kinds);
    }

    /** The training example; kinds only travel with abuse (a kind on an ok row is noise, not a label). */
    Example toExample() {
      return new Example(text, label, Example.ABUSE.equals(label) ? kinds : Set.of());
    }
  }

  /** Reads one file; {@code .csv} is Jigsaw CSV, anything else JSONL. */
  static List<Labelled> read(Path file) throws IOException {
    try {
      return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? readCsv(file) : readJsonl(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + file);
    }
  }

  /** Our kind for a kind name from someone's data, or null for one we do not score. */
  static String kind(String name) {
    return KIND_NAMES.get(name.trim().toLowerCase(Locale.ROOT));
  }

  static List<Labelled> readJsonl(Path file) throws IOException {
    List<Labelled> examples = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (!line.isBlank()) {
          examples.add(parseJson(line, file, lineNo));
        }
      }
    }
    return examples;
  }

  private static Labelled parseJson(String line, Path file, int lineNo) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ":" + lineNo + ": not JSON: " + e.getOriginalMessage());
    }
    JsonNode text = node.get("text");
    JsonNode label = node.get("label");
    if (text == null || !text.isTextual() || label == null || !label.isTextual()) {
      throw new IllegalArgumentException(file + ":" + lineNo + ": needs string fields 'text' and 'label'");
    }
    Set<String> kinds = new LinkedHashSet<>();
    for (JsonNode kind : node.path("labels")) {
      String ours = kind.isTextual() ? kind(kind.asText()) : null;
      if (ours != null) {
        kinds.add(ours);
      }
    }
    try {
      return new Labelled(text.asText(), label.asText(), kinds);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ":" + lineNo + ": " + e.getMessage());
    }
  }

  static List<Labelled> readCsv(Path file) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      CsvRecords csv = new CsvRecords(reader);
      List<String> header = csv.next();
      if (header == null) {
        throw new IllegalArgumentException(file + ": empty CSV");
      }
      JigsawHeader columns = JigsawHeader.of(header, file);
      List<Labelled> examples = new ArrayList<>();
      List<String> record;
      while ((record = nextRecord(csv, file)) != null) {
        if (record.size() == 1 && record.get(0).isBlank()) {
          continue;
        }
        Labelled example = columns.parse(record, file + ":" + csv.recordLine());
        if (example != null) {
          examples.add(example);
        }
      }
      return examples;
    }
  }

  private static List<String> nextRecord(CsvRecords csv, Path file) throws IOException {
    try {
      return csv.next();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
  }
}
