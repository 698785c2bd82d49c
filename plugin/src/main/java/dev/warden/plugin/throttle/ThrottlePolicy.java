package dev.warden.plugin.throttle;

import dev.warden.plugin.store.Decision;
import dev.warden.plugin.store.Suspension;
import java.util.List;

/**
 * Decides, before a comment is classified, whether its poster may post now, and remembers what it needs to decide
 * the next one. Checks are cheap (no I/O on the request path, except one round trip bounded by
 * {@code throttle.shared.timeout} for an admitted comment in shared mode) so that a throttled comment costs almost
 * nothing. Implementations are thread-safe. The default one keeps its state per JVM; behind a load balancer each
 * node counts only what it sees unless {@code throttle.shared.mode} is {@code redis} (see the README, "Several web
 * nodes").
 */
public interface ThrottlePolicy {

  /**
   * Checks one submission and, when it may proceed (or is held), counts it against the poster's allowance.
   * Refused attempts are counted in the report but do not use up allowance.
   */
  ThrottleDecision check(PostAttempt attempt);

  /**
   * Tells the throttle what moderation decided for a comment that was checked: a held or rejected comment gives
   * its poster a strike (a stricter allowance that decays over time).
   */
  void recordModeration(String posterKey, Decision decision);

  /** Makes a new or changed suspension effective on this node at once (other nodes see it on their refresh). */
  void suspensionChanged(Suspension suspension);

  /** Makes a lifted suspension ineffective on this node at once. */
  void suspensionLifted(String posterKey);

  /** Refusal and hold counts by reason, and the {@code top} most throttled posters. */
  ThrottleReport report(int top);

  /** Articles in temporary pre-moderation because of a surge, most recent first. */
  List<Surge> surges();

  /** Recently seen coordinated groups (same text from several posters), most recent first, at most {@code limit}. */
  List<CoordinatedGroup> coordinatedGroups(int limit);

  /** How this throttle counts right now (per node, or shared across nodes, and whether it fell back). */
  default ThrottleStatus status() {
    return ThrottleStatus.local();
  }
}
