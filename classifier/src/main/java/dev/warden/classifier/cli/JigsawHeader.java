package dev.warden.classifier.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Where the Jigsaw columns are in one CSV file, and how a record becomes a labelled comment. */
final class JigsawHeader {
  private final int text;
  private final Map<String, Integer> labels;

  private JigsawHeader(int text, Map<String, Integer> labels) {
    this.text = text;
    this.labels = labels;
  }

  /** Finds the columns by name (any order, extra columns such as {@code id} ignored); all are required. */
  static JigsawHeader of(List<String> header, Path file) {
    List<String> names = header.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
    int text = names.indexOf("comment_text");
    Map<String, Integer> labels = new LinkedHashMap<>();
    for (String column : TrainingData.JIGSAW_COLUMNS.keySet()) {
      labels.put(column, names.indexOf(column));
    }
    List<String> missing = new java.util.ArrayList<>();
    if (text < 0) {
      missing.add("comment_text");
    }
    labels.forEach((column, index) -> {
      if (index < 0) {
        missing.add(column);
      }
    });
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          file + ": not a Jigsaw CSV, missing column(s) " + missing
              + " (expected comment_text,toxic,severe_toxic,obscene,threat,insult,identity_hate)");
    }
    return new JigsawHeader(text, labels);
  }

  /** The record as a labelled comment, or null when it is unlabelled (Jigsaw marks those with -1). */
  TrainingData.Labelled parse(List<String> record, String where) {
    if (record.size() <= Math.max(text, labels.values().stream().mapToInt(Integer::intValue).max().orElse(0))) {
      throw new IllegalArgumentException(where + ": expected " + labels.size() + 1 + " or more fields, got " + record.size());
    }
    boolean abuse = false;
    Set<String> kinds = new LinkedHashSet<>();
    for (Map.Entry<String, Integer> column : labels.entrySet()) {
      String value = record.get(column.getValue()).trim();
      switch (value) {
        case "0":
          break;
        case "1":
          abuse = true;
          String kind = TrainingData.JIGSAW_COLUMNS.get(column.getKey());
          if (kind != null) {
            kinds.add(kind);
          }
          break;
        case "-1":
          return null;
        default:
          throw new IllegalArgumentException(
              where + ": column " + column.getKey() + " must be 0 or 1, got '" + value + "'");
      }
    }
    return new TrainingData.Labelled(record.get(text), abuse ? "abuse" : "ok", kinds);
  }
}
