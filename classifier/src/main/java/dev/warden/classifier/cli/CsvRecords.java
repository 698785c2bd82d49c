package dev.warden.classifier.cli;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time: comma-separated fields, fields in double quotes may hold commas, line
 * breaks and doubled quotes ({@code ""}); records end with CRLF or LF. Not thread-safe (it reads a stream).
 */
final class CsvRecords {
  private final Reader in;
  private int line = 1;
  private int recordLine = 1;

  CsvRecords(Reader in) {
    this.in = in;
  }

  /** The line on which the record last returned by {@link #next()} started (1-based). */
  int recordLine() {
    return recordLine;
  }

  /** The next record's fields, or null at the end of the input. */
  List<String> next() throws IOException {
    int c = in.read();
    if (c < 0) {
      return null;
    }
    recordLine = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean afterQuote = false;
    while (true) {
      if (c < 0) {
        if (quoted) {
          throw new IllegalArgumentException("line " + recordLine + ": unterminated quoted field");
        }
        fields.add(field.toString());
        return fields;
      }
      if (quoted) {
        if (c == '"') {
          quoted = false;
          afterQuote = true;
        } else {
          countLine(c);
          field.append((char) c);
        }
      } else if (c == '"') {
        if (afterQuote) {
          field.append('"'); // a doubled quote inside a quoted field
          quoted = true;
          afterQuote = false;
        } else if (field.length() == 0) {
          quoted = true;
        } else {
          throw new IllegalArgumentException("line " + line + ": quote inside an unquoted field");
        }
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        afterQuote = false;
      } else if (c == '\n') {
        line++;
        fields.add(field.toString());
        return fields;
      } else if (c != '\r') {
        if (afterQuote) {
          throw new IllegalArgumentException("line " + line + ": text after a closing quote");
        }
        field.append((char) c);
      }
      c = in.read();
    }
  }

  private void countLine(int c) {
    if (c == '\n') {
      line++;
    }
  }
}
