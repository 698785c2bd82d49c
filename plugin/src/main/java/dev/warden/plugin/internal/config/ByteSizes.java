package dev.warden.plugin.internal.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses config sizes: a number of bytes with an optional suffix {@code B}, {@code KiB}, {@code MiB}. */
public final class ByteSizes {
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB)?");

  private ByteSizes() {}

  /**
   * Parses one size in bytes.
   *
   * @throws IllegalArgumentException if the text is not a size
   */
  public static long parse(String text) {
    Matcher m = SIZE.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("is not a size (e.g. 65536, 64KiB, 1MiB)");
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "B" : m.group(2);
    long factor = switch (unit) {
      case "KiB" -> 1024L;
      case "MiB" -> 1024L * 1024L;
      default -> 1L;
    };
    return Math.multiplyExact(amount, factor);
  }
}
