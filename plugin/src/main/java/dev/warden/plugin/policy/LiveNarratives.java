package dev.warden.plugin.policy;

import dev.warden.classifier.Classifier;
import dev.warden.classifier.NarrativeDefinition;
import dev.warden.plugin.store.Actor;
import java.util.List;
import java.util.Optional;

/**
 * The narrative catalogue in force, which publishers extend, edit and retire while Warden runs: the bundled
 * narratives and the {@code models.narratives} files of start-up, with every publisher's change on top. Every change
 * is stored as a new version of that narrative and audited, and takes effect on this node at once (a new
 * {@link #classifier()} with the same models is swapped in) and on other nodes at their next refresh
 * ({@code console.refresh}).
 *
 * <p>Thread-safe. {@link #classifier()} and {@link #catalogue()} are memory reads; the other methods reach the store
 * and then throw {@link dev.warden.plugin.store.StoreException} when it is down.
 */
public interface LiveNarratives {
  /** The classifier in force: read it once per comment. */
  Classifier classifier();

  /** Every narrative known, active or retired: start-up's catalogue in its order, then the publishers' own. */
  List<CatalogueEntry> catalogue();

  /** One narrative of {@link #catalogue()}. */
  default Optional<CatalogueEntry> find(String id) {
    return catalogue().stream().filter(e -> e.narrative().id().equals(id)).findFirst();
  }

  /** The stored changes of a narrative, newest first (at most 100). */
  List<NarrativeEdit> history(String id);

  /**
   * Adds a narrative, or replaces one with the same id (bundled, from a file or a publisher's), active.
   *
   * @throws IllegalArgumentException naming the field, if the narrative has no phrasing
   * @throws VersionConflictException if another change of the same narrative was stored at the same moment
   */
  NarrativeEdit save(NarrativeDefinition narrative, Actor author);

  /**
   * Stops matching a narrative (it stays listed and can be restored).
   *
   * @throws java.util.NoSuchElementException if there is no such narrative
   */
  NarrativeEdit retire(String id, Actor author);

  /**
   * Matches a retired narrative again.
   *
   * @throws java.util.NoSuchElementException if there is no such narrative
   */
  NarrativeEdit restore(String id, Actor author);

  /** Re-reads the publishers' changes from the store now (what the periodic refresh does). */
  void refresh();
}
