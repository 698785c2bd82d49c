package dev.warden.plugin.internal.store;

import dev.warden.plugin.store.BulkOutcome;
import dev.warden.plugin.store.DecisionConflictException;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.HeldCommentStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;

/** Bulk decisions as a series of single ones. Stateless. */
final class BulkDecisions {
  private BulkDecisions() {}

  /**
   * Decides each comment in its own transaction, with the optimistic check of a single decision, so that a bulk
   * action never overwrites what another moderator decided meanwhile and one bad id does not undo the others.
   */
  static BulkOutcome decideEach(List<String> ids, Function<String, HeldComment> decision) {
    Objects.requireNonNull(ids, "ids");
    if (ids.isEmpty() || ids.size() > HeldCommentStore.MAX_BULK) {
      throw new IllegalArgumentException(
          "a bulk decision takes 1 to " + HeldCommentStore.MAX_BULK + " ids: " + ids.size());
    }
    List<HeldComment> decided = new ArrayList<>();
    List<HeldComment> conflicts = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String id : new LinkedHashSet<>(ids)) {
      try {
        decided.add(decision.apply(Objects.requireNonNull(id, "id")));
      } catch (DecisionConflictException e) {
        conflicts.add(e.current());
      } catch (NoSuchElementException e) {
        missing.add(id);
      }
    }
    return new BulkOutcome(decided, conflicts, missing);
  }
}
