package dev.warden.plugin.store;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the store holds about one poster key: how many of their comments are in each status and the latest few.
 * Only held and rejected comments are stored, so comments Warden let through are not counted.
 *
 * @param posterKey the poster key
 * @param counts comments per status (every status present, zero if none)
 * @param recent the latest comments in any status, newest first
 */
public record PosterHistory(String posterKey, Map<CommentStatus, Long> counts, List<HeldComment> recent) {
  public PosterHistory {
    Objects.requireNonNull(posterKey, "posterKey");
    counts = Map.copyOf(counts);
    recent = List.copyOf(recent);
  }

  /** How many comments of this poster are stored in all. */
  public long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
