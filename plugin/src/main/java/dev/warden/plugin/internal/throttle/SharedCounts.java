package dev.warden.plugin.internal.throttle;

import dev.warden.plugin.throttle.ThrottleDecision;
import dev.warden.plugin.throttle.ThrottleStatus;

/**
 * Where a node counts the allowances it shares with other nodes (the minimum interval, the window, the per-article
 * cap and the per-address cap). Asked only after this node's own counts admitted a comment, so a refusal that the
 * node can see for itself never leaves the JVM. Implementations are thread-safe and never wait longer than their
 * timeout.
 */
public interface SharedCounts extends AutoCloseable {
  /** No sharing: each node counts alone. */
  SharedCounts NONE = new SharedCounts() {
    @Override
    public ThrottleDecision admit(SharedAttempt attempt, long now) {
      return null;
    }

    @Override
    public ThrottleStatus status() {
      return ThrottleStatus.local();
    }

    @Override
    public void close() {}
  };

  /**
   * Checks the attempt against the shared counts and, if they allow it, counts it there. Returns the refusal, or
   * null if the comment is admitted, or if the shared counts cannot be asked now (the node's own counts decide).
   *
   * @param now the throttle's ticker reading
   */
  ThrottleDecision admit(SharedAttempt attempt, long now);

  /** Whether the counts are shared now, or fell back to this node. */
  ThrottleStatus status();

  @Override
  void close();
}
