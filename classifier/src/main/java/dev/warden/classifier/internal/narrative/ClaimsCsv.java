package dev.warden.classifier.internal.narrative;

import java.io.IOException;
import java.io.Reader;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads claims as fact-checking projects publish them: a CSV (RFC 4180 quoting, UTF-8) whose header names at
 * least {@code title}, {@code keywords} ({@code ;}- or {@code ,}-separated) and {@code date}, and optionally
 * {@code url}, {@code id} and {@code description}. Each good row becomes a {@link Narrative} whose id is slugified
 * from the title when absent and whose title is its one phrasing; each bad row becomes a {@link Problem} with its
 * line number.
 */
public final class ClaimsCsv {
  static final List<String> REQUIRED = List.of("title", "keywords", "date");

  /** A row that could not be read, with the line it starts on. */
  public record Problem(int line, String message) {
    @Override
    public String toString() {
      return "line " + line + ": " + message;
    }
  }

  /** What reading gave: the narratives in file order and the rows that were rejected. */
  public record Result(List<Narrative> narratives, List<Problem> problems) {}

  private ClaimsCsv() {}

  /**
   * Reads every row.
   *
   * @throws IllegalArgumentException if the header lacks a required column or the file is empty
   */
  public static Result read(Reader in) throws IOException {
    List<Row> rows = parse(in);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("the CSV is empty: expected a header with " + REQUIRED);
    }
    Map<String, Integer> columns = new HashMap<>();
    List<String> header = rows.get(0).cells();
    for (int i = 0; i < header.size(); i++) {
      columns.put(header.get(i).strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT), i);
    }
    for (String column : REQUIRED) {
      if (!columns.containsKey(column)) {
        throw new IllegalArgumentException("the CSV header has no '" + column + "' column (it has " + header + ")");
      }
    }
    List<Narrative> narratives = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Row row : rows.subList(1, rows.size())) {
      if (row.cells().size() == 1 && row.cells().get(0).isBlank()) {
        continue;
      }
      try {
        narratives.add(narrative(row, columns));
      } catch (IllegalArgumentException | DateTimeParseException e) {
        problems.add(new Problem(row.line(), e.getMessage()));
      }
    }
    return new Result(narratives, problems);
  }

  /** A URL- and YAML-safe id from a title: ASCII letters and digits joined by {@code _}, at most 60 chars. */
  public static String slug(String title) {
    String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (slug.length() > 60) {
      slug = slug.substring(0, 60).replaceAll("_+$", "");
    }
    return slug.isEmpty() ? "claim" : slug;
  }

  private static Narrative narrative(Row row, Map<String, Integer> columns) {
    if (row.cells().size() != columns.size()) {
      throw new IllegalArgumentException(
          "expected " + columns.size() + " fields, found " + row.cells().size());
    }
    String title = cell(row, columns, "title");
    if (title.isEmpty()) {
      throw new IllegalArgumentException("no title");
    }
    List<String> keywords = Arrays.stream(cell(row, columns, "keywords").split("[;,]"))
        .map(String::strip).filter(k -> !k.isEmpty()).toList();
    if (keywords.isEmpty()) {
      throw new IllegalArgumentException("no keywords");
    }
    String date = cell(row, columns, "date");
    LocalDate since = date.isEmpty() ? null : parseDate(date);
    String id = cell(row, columns, "id");
    return new Narrative(id.isEmpty() ? slug(title) : id, title, cell(row, columns, "description"),
        List.of(title), keywords, emptyToNull(cell(row, columns, "url")), since);
  }

  private static LocalDate parseDate(String date) {
    try {
      return LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("date '" + date + "' is not yyyy-mm-dd");
    }
  }

  private static String cell(Row row, Map<String, Integer> columns, String name) {
    Integer at = columns.get(name);
    return at == null ? "" : row.cells().get(at).strip();
  }

  private static String emptyToNull(String value) {
    return value.isEmpty() ? null : value;
  }

  /** One CSV record and the line it starts on. */
  private record Row(int line, List<String> cells) {}

  /** RFC 4180: fields separated by commas, optionally quoted with {@code "}, {@code ""} inside quotes. */
  private static List<Row> parse(Reader in) throws IOException {
    List<Row> rows = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int line = 1;
    int start = 1;
    int c;
    while ((c = in.read()) != -1) {
      any = true;
      if (quoted) {
        if (c == '"') {
          in.mark(1);
          int next = in.read();
          if (next == '"') {
            cell.append('"');
          } else {
            quoted = false;
            if (next != -1) {
              in.reset();
            }
          }
        } else {
          line += c == '\n' ? 1 : 0;
          cell.append((char) c);
        }
      } else if (c == '"' && cell.isEmpty()) {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n') {
        cells.add(cell.toString());
        rows.add(new Row(start, List.copyOf(cells)));
        cells.clear();
        cell.setLength(0);
        start = ++line;
      } else if (c != '\r') {
        cell.append((char) c);
      }
    }
    if (any && (!cells.isEmpty() || !cell.isEmpty())) {
      cells.add(cell.toString());
      rows.add(new Row(start, List.copyOf(cells)));
    }
    return rows;
  }
}
