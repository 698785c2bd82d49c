package dev.warden.plugin.store;

import java.util.List;

/**
 * What a bulk decision did. Each comment is decided on its own, with the same optimistic check as a single
 * decision: a comment someone else decided first is reported, never overwritten.
 *
 * @param decided the comments this call decided, as they are now
 * @param alreadyDecided the comments that were no longer decidable, as they are now (who decided them and how)
 * @param missing ids of comments that do not exist
 */
public record BulkOutcome(List<HeldComment> decided, List<HeldComment> alreadyDecided, List<String> missing) {
  public BulkOutcome {
    decided = List.copyOf(decided);
    alreadyDecided = List.copyOf(alreadyDecided);
    missing = List.copyOf(missing);
  }
}
