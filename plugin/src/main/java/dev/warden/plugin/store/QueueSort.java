package dev.warden.plugin.store;

import java.util.Locale;

/** The order of a queue page. */
public enum QueueSort {
  /** Most recently received first (the default). */
  NEWEST,
  /** Oldest first: the comment that has waited longest on top. */
  OLDEST,
  /** Highest score of any label or kind first; comments without scores last; newest first among equals. */
  SCORE;

  /** The lower-case name used in URLs, e.g. {@code score}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a {@link #wireName()}.
   *
   * @throws IllegalArgumentException naming the allowed values
   */
  public static QueueSort fromWireName(String name) {
    for (QueueSort sort : values()) {
      if (sort.wireName().equals(name)) {
        return sort;
      }
    }
    throw new IllegalArgumentException("sort must be one of newest, oldest, score: " + name);
  }
}
