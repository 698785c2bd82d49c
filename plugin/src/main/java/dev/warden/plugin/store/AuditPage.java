package dev.warden.plugin.store;

import java.util.List;

/**
 * One page of the audit trail.
 *
 * @param items the events on this page, newest first
 * @param total how many events match the query in all
 */
public record AuditPage(List<AuditEvent> items, long total) {
  public AuditPage {
    items = List.copyOf(items);
  }
}
