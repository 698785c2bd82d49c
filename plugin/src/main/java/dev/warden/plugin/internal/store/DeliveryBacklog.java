package dev.warden.plugin.internal.store;

import java.time.Instant;

/**
 * What waits in the release outbox, for the health endpoint.
 *
 * @param approved approved comments not delivered yet (due now or waiting for a retry)
 * @param failed comments whose delivery gave up ({@code delivery_failed})
 * @param oldestDue when the longest-waiting approved comment became due, or null if none waits
 */
public record DeliveryBacklog(long approved, long failed, Instant oldestDue) {}
