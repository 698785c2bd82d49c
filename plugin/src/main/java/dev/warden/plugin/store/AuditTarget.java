package dev.warden.plugin.store;

import java.util.Locale;
import java.util.Objects;

/**
 * What an audited action was about.
 *
 * @param kind a comment, a poster, an article, a user, a version of the live policies or a narrative
 * @param id the comment id, poster key, article id, user name, policy version number or narrative id; 1 to {@value #MAX_ID}
 *     characters
 */
public record AuditTarget(Kind kind, String id) {
  /** Longest id. */
  public static final int MAX_ID = 512;

  /** The kinds of thing an action can be about. */
  public enum Kind {
    COMMENT,
    POSTER,
    ARTICLE,
    USER,
    /** A version of the live policies (the publishers' console). */
    POLICY,
    /** A narrative of the catalogue, by id (the publishers' console). */
    NARRATIVE;

    /** The lower-case name used in the database and in JSON, e.g. {@code poster}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a {@link #wireName()} (case-insensitive). */
    public static Kind fromWireName(String name) {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
  }

  public AuditTarget {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    if (id.isEmpty() || id.length() > MAX_ID) {
      throw new IllegalArgumentException("target id must be 1 to " + MAX_ID + " characters, got " + id.length());
    }
  }

  /** A stored comment. */
  public static AuditTarget comment(String id) {
    return new AuditTarget(Kind.COMMENT, id);
  }

  /** A poster key, e.g. {@code ip:203.0.113.7}. */
  public static AuditTarget poster(String key) {
    return new AuditTarget(Kind.POSTER, key);
  }

  /** An article id. */
  public static AuditTarget article(String id) {
    return new AuditTarget(Kind.ARTICLE, id);
  }

  /** A version of the live policies, by number. */
  public static AuditTarget policy(long version) {
    return new AuditTarget(Kind.POLICY, Long.toString(version));
  }

  /** A narrative of the catalogue, by id. */
  public static AuditTarget narrative(String id) {
    return new AuditTarget(Kind.NARRATIVE, id);
  }

  /** An admin user. */
  public static AuditTarget user(String name) {
    return new AuditTarget(Kind.USER, name);
  }
}
