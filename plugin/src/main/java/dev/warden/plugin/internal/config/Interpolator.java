package dev.warden.plugin.internal.config;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in config values. Names are looked up by a function
 * (normally system properties, then environment variables). Names listed as kept (e.g. {@code data-dir}) are left
 * as they are for a later step. Immutable and thread-safe if the lookup is.
 */
public final class Interpolator {
  private final UnaryOperator<String> lookup;
  private final String kept;

  /**
   * @param lookup returns the value of a name, or null if it is not set
   * @param kept a name left untouched (resolved later by the caller)
   */
  public Interpolator(UnaryOperator<String> lookup, String kept) {
    this.lookup = Objects.requireNonNull(lookup, "lookup");
    this.kept = kept;
  }

  /** Looks names up in system properties, then environment variables. */
  public static UnaryOperator<String> systemLookup() {
    return name -> {
      String value = System.getProperty(name);
      return value != null ? value : System.getenv(name);
    };
  }

  /**
   * Resolves every reference in a value.
   *
   * @throws IllegalArgumentException naming the variable if one is unset and has no default, or a reference is
   *     not closed
   */
  public String resolve(String value) {
    int start = value.indexOf("${");
    if (start < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    int from = 0;
    while (start >= 0) {
      int end = value.indexOf('}', start);
      if (end < 0) {
        throw new IllegalArgumentException("has an unclosed ${ reference");
      }
      out.append(value, from, start);
      out.append(replacement(value.substring(start + 2, end), value.substring(start, end + 1)));
      from = end + 1;
      start = value.indexOf("${", from);
    }
    return out.append(value, from, value.length()).toString();
  }

  private String replacement(String reference, String literal) {
    int dash = reference.indexOf(":-");
    String name = dash < 0 ? reference : reference.substring(0, dash);
    if (name.equals(kept)) {
      return literal;
    }
    String value = lookup.apply(name);
    if (value != null) {
      return value;
    }
    if (dash >= 0) {
      return reference.substring(dash + 2);
    }
    throw new IllegalArgumentException(
        "refers to ${" + name + "}, which is neither a system property nor an environment variable");
  }
}
