package dev.warden.plugin.policy;

import java.time.Instant;

/**
 * The bounded sample of recent scores behind the what-if charts ({@code console.samples}). Samples are written off
 * the request path: the filter queues them, a background thread writes them in batches; when the queue is full a
 * sample is dropped and counted rather than slowing a reader's request. Thread-safe.
 */
public interface ScoreSamples {
  /**
   * The distribution of one label's or kind's scores since {@code since}: for {@code default} and {@code conflict},
   * the comments that policy moderated; for {@code section:<name>}, the comments on the section's registered
   * articles, whatever policy applied (so a new section policy has data before it ever applied).
   *
   * @throws IllegalArgumentException if the label or the policy name is unknown
   */
  ScoreHistogram histogram(String policy, String label, Instant since);

  /** Writes what is queued now, on the calling thread (the what-if API calls it so a chart is up to date). */
  void flush();

  /** Samples lost since start: dropped from a full queue or in a failed write. */
  long dropped();
}
