package dev.warden.classifier.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.classifier.Verdict;
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
import java.util.Set;

/**
 * Labelled comments for {@code eval}, one JSONL line each, in either shape: {@code {"text","label","labels"}} as
 * {@code train} reads it, or {@code {"text","abuse":"abuse"|"ok","disinfo":"disinfo"|"ok","abuse_kinds":[…]}}
 * as in hand-labelled real comments. Each row knows which labels it is labelled for.
 */
final class EvalData {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EvalData() {}

  /**
   * One comment and its truth.
   *
   * @param truth for each label or kind this row is labelled for, whether it is positive
   */
  record Row(String text, java.util.Map<String, Boolean> truth) {
    Row {
      truth = java.util.Map.copyOf(truth);
    }
  }

  /** The labels and kinds with at least one positive row, in display order. */
  static List<String> labelsIn(List<Row> rows) {
    Set<String> present = new LinkedHashSet<>();
    List<String> order = new ArrayList<>(Verdict.LABELS);
    order.addAll(Verdict.KINDS);
    for (String name : order) {
      for (Row row : rows) {
        if (Boolean.TRUE.equals(row.truth().get(name))) {
          present.add(name);
          break;
        }
      }
    }
    return List.copyOf(present);
  }

  static List<Row> read(Path file) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (!line.isBlank()) {
          rows.add(parse(line, file + ":" + lineNo));
        }
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + file);
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("no labelled rows in " + file);
    }
    return rows;
  }

  private static Row parse(String line, String where) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(where + ": not JSON: " + e.getOriginalMessage());
    }
    JsonNode text = node.get("text");
    if (text == null || !text.isTextual()) {
      throw new IllegalArgumentException(where + ": needs a string field 'text'");
    }
    java.util.Map<String, Boolean> truth = new java.util.LinkedHashMap<>();
    try {
      if (node.path("label").isTextual()) {
        fromLabel(Example.canonical(node.get("label").asText()), node.path("labels"), truth);
      }
      fromAxis(node, "abuse", Example.ABUSE, Verdict.ABUSE, truth);
      fromAxis(node, "disinfo", Example.DISINFO, Verdict.DISINFORMATION, truth);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage());
    }
    if (truth.isEmpty()) {
      throw new IllegalArgumentException(where + ": needs 'label', or 'abuse'/'disinfo' fields");
    }
    return new Row(text.asText(), truth);
  }

  /** A single-label row is positive for its label only, and negative for the others (ok is negative for all). */
  private static void fromLabel(String label, JsonNode kinds, java.util.Map<String, Boolean> truth) {
    truth.put(Verdict.ABUSE, Example.ABUSE.equals(label));
    truth.put(Verdict.DISINFORMATION, Example.DISINFO.equals(label));
    addKinds(Example.ABUSE.equals(label), kinds, truth);
  }

  private static void fromAxis(
      JsonNode node, String field, String positive, String label, java.util.Map<String, Boolean> truth) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      return;
    }
    String canonical = Example.canonical(value.asText());
    truth.put(label, positive.equals(canonical));
    if (Verdict.ABUSE.equals(label)) {
      addKinds(truth.get(label), node.path("abuse_kinds"), truth);
    }
  }

  /**
   * Kinds are known for a row that is not abuse (none) and for an abuse row that lists its kinds; an abuse row
   * without kinds says nothing about them.
   */
  private static void addKinds(boolean abuse, JsonNode kinds, java.util.Map<String, Boolean> truth) {
    if (abuse && (!kinds.isArray() || kinds.isEmpty())) {
      return;
    }
    for (String kind : Verdict.KINDS) {
      truth.putIfAbsent(kind, false);
    }
    for (JsonNode kind : kinds) {
      String ours = kind.isTextual() ? TrainingData.kind(kind.asText()) : null;
      if (ours != null) {
        truth.put(ours, true);
      }
    }
  }
}
