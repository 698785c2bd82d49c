package dev.warden.plugin.store;

import java.util.List;

/**
 * One page of the queue.
 *
 * @param items the comments on this page, in the order asked for (newest first by default)
 * @param total how many comments match the query in all (every page together)
 */
public record QueuePage(List<HeldComment> items, long total) {
  public QueuePage {
    items = List.copyOf(items);
  }
}
