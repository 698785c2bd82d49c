package dev.warden.classifier.internal;

import dev.warden.classifier.Verdict;
import java.util.Objects;
import java.util.Set;

/**
 * One labelled comment for training.
 *
 * @param text the comment as written
 * @param label {@code ok}, {@code abuse} or {@code disinfo}/{@code disinformation}
 * @param kinds the abuse kinds ({@link Verdict#KINDS}) of an abuse example; empty when unknown or not abuse
 */
public record Example(String text, String label, Set<String> kinds) {
  public static final String OK = "ok";
  public static final String ABUSE = "abuse";
  public static final String DISINFO = "disinfo";

  public Example {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(label, "label");
    label = canonical(label);
    kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    for (String kind : kinds) {
      if (!Verdict.KINDS.contains(kind)) {
        throw new IllegalArgumentException("unknown abuse kind '" + kind + "' (expected one of " + Verdict.KINDS + ")");
      }
    }
    if (!kinds.isEmpty() && !label.equals(ABUSE)) {
      throw new IllegalArgumentException("abuse kinds " + kinds + " on an example labelled " + label);
    }
  }

  /** An example without abuse kinds. */
  public Example(String text, String label) {
    this(text, label, Set.of());
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
