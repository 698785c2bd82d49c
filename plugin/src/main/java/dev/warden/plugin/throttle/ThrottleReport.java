package dev.warden.plugin.throttle;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the throttle did since this node started.
 *
 * @param refusedByReason 429 refusals per reason
 * @param heldByReason comments held by the throttle per reason ({@code coordinated}, {@code surge})
 * @param topPosters the most refused posters still remembered, most refusals first
 * @param trackedPosters posters currently tracked (bounded by {@code throttle.cache.max-posters})
 * @param evictions entries evicted from the throttle's caches because of their bounds
 */
public record ThrottleReport(Map<String, Long> refusedByReason, Map<String, Long> heldByReason,
    List<ThrottledPoster> topPosters, long trackedPosters, long evictions) {
  public ThrottleReport {
    refusedByReason = Map.copyOf(refusedByReason);
    heldByReason = Map.copyOf(heldByReason);
    topPosters = List.copyOf(topPosters);
  }

  /**
   * One throttled poster.
   *
   * @param posterKey the poster key
   * @param refusals refusals counted while remembered
   * @param lastReason the reason of the latest refusal
   * @param lastRefusedAt when it was refused last
   */
  public record ThrottledPoster(String posterKey, long refusals, String lastReason, Instant lastRefusedAt) {}
}
