package dev.warden.plugin.store;

import java.time.Instant;

/**
 * Aggregates over moderation for the stats page, computed by the database. Thread-safe; failures to reach the
 * database surface as {@link StoreException}.
 */
public interface ModerationStats {
  /**
   * Moderators' decisions per moderator and UTC day (by {@code decided_at}), holds per reason (by
   * {@code received_at}) over the comments classified (the score sample), and moderators' verdicts on held comments
   * per reason (by {@code decided_at}), all since {@code since}.
   */
  StatsReport since(Instant since);
}
