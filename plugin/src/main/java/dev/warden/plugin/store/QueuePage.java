package dev.warden.plugin.store;

import java.util.List;

/**
 * One page of the queue.
 *
 * @param items the comments on this page, newest first
 * @param total how many comments have this status in all
 */
public record QueuePage(List<HeldComment> items, long total) {
  public QueuePage {
    items = List.copyOf(items);
  }
}
