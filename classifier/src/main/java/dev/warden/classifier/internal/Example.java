package dev.warden.classifier.internal;

import java.util.Objects;

/**
 * One labelled comment for training.
 *
 * @param text the comment as written
 * @param label {@code ok}, {@code abuse} or {@code disinfo}/{@code disinformation}
 */
public record Example(String text, String label) {
  public static final String OK = "ok";
  public static final String ABUSE = "abuse";
  public static final String DISINFO = "disinfo";

  public Example {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(label, "label");
    label = canonical(label);
  }

  /** The label in canonical form ({@code disinformation} → {@code disinfo}), or an exception naming it. */
  public static String canonical(String label) {
    switch (label.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "ok": return OK;
      case "abuse": return ABUSE;
      case "disinfo":
      case "disinformation": return DISINFO;
      default: throw new IllegalArgumentException("unknown label '" + label + "' (expected ok, abuse, disinfo)");
    }
  }
}
