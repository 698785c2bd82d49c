package dev.warden.plugin.policy;

import dev.warden.classifier.NarrativeDefinition;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One stored change of a narrative by a publisher: the whole narrative as it is from then on and whether it is
 * matched. The edit with the highest version of an id is in force; older ones are its history. Immutable.
 *
 * @param narrative the narrative in the catalogue's shape
 * @param status whether comments are matched against it
 * @param version 1 for the first change of this id, then one more per change
 * @param author who made the change
 * @param changedAt when
 */
public record NarrativeEdit(NarrativeDefinition narrative, Status status, long version, String author,
    Instant changedAt) {
  /** Whether a narrative is matched. */
  public enum Status {
    ACTIVE,
    RETIRED;

    /** The lower-case name used in the database and in JSON. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a {@link #wireName()}. */
    public static Status fromWireName(String name) {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
  }

  public NarrativeEdit {
    Objects.requireNonNull(narrative, "narrative");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(changedAt, "changedAt");
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1: " + version);
    }
  }

  /** The narrative's id. */
  public String id() {
    return narrative.id();
  }
}
