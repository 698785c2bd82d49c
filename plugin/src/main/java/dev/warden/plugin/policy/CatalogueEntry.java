package dev.warden.plugin.policy;

import dev.warden.classifier.NarrativeDefinition;
import java.util.Objects;

/**
 * One narrative of the running catalogue as the console lists it. Immutable.
 *
 * @param narrative the narrative in force (a publisher's edit wins over the bundled or file version)
 * @param source where the narrative comes from: the bundled catalogue, a {@code models.narratives} file, or a
 *     publisher (a narrative that only exists through the console)
 * @param status whether comments are matched against it
 * @param edit the publisher's latest edit of it, or null if it was never changed in the console
 */
public record CatalogueEntry(NarrativeDefinition narrative, Source source, NarrativeEdit.Status status,
    NarrativeEdit edit) {
  /** Where a narrative comes from. */
  public enum Source {
    BUNDLED,
    FILE,
    PUBLISHER;

    /** The lower-case name used in JSON. */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public CatalogueEntry {
    Objects.requireNonNull(narrative, "narrative");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(status, "status");
  }
}
