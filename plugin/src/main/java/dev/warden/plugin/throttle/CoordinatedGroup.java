package dev.warden.plugin.throttle;

import java.time.Instant;
import java.util.List;

/**
 * The same (normalised) text posted by several posters in a short window: a coordinated-campaign signal.
 *
 * @param group the group id (a hash of the normalised text); held comments carry it as {@code group}
 * @param posters how many distinct posters sent it
 * @param comments how many comments carried it
 * @param posterKeys some of the posters (at most 20)
 * @param firstSeen when the text was first seen
 * @param lastSeen when it was last seen
 */
public record CoordinatedGroup(String group, int posters, int comments, List<String> posterKeys, Instant firstSeen,
    Instant lastSeen) {
  public CoordinatedGroup {
    posterKeys = List.copyOf(posterKeys);
  }
}
