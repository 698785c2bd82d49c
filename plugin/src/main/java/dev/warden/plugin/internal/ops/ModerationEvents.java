package dev.warden.plugin.internal.ops;

import java.util.function.Supplier;

/**
 * What the filter path and the release outbox report for the metrics: one small listener handed to them, so that
 * they do not know about meter registries. {@link #NONE} ignores everything (metrics off). Implementations are
 * thread-safe and never block.
 */
public interface ModerationEvents {
  /** Ignores every event. */
  ModerationEvents NONE = new ModerationEvents() {};

  /** Outcome: the comment went on to the site. */
  String ALLOW = "allow";
  /** Outcome: the comment was held for a moderator. */
  String HOLD = "hold";
  /** Outcome: the comment was rejected by policy. */
  String REJECT = "reject";
  /** Outcome: the throttle refused the comment (429). */
  String THROTTLE = "throttle";
  /** Outcome: the comment could not be moderated (store or internal failure, 503). */
  String ERROR = "error";

  /** Delivery result: the site accepted the comment. */
  String DELIVERED = "delivered";
  /** Delivery result: the attempt failed and will be retried. */
  String RETRY = "retry";
  /** Delivery result: the attempt failed and the outbox gave up (delivery_failed). */
  String GAVE_UP = "gave_up";

  /**
   * A comment was decided.
   *
   * @param outcome one of {@link #ALLOW}, {@link #HOLD}, {@link #REJECT}, {@link #THROTTLE}, {@link #ERROR}
   * @param label what caused it: a label or abuse kind, a throttle or error reason, {@code none} for allow
   */
  default void decided(String outcome, String label) {}

  /**
   * The throttle refused or held a comment.
   *
   * @param action {@code refuse} or {@code hold}
   * @param reason the throttle's reason, e.g. {@code too_fast}, {@code coordinated}
   */
  default void throttled(String action, String reason) {}

  /** Runs one classification and records how long it took. */
  default <T> T timeClassification(Supplier<T> classification) {
    return classification.get();
  }

  /** Moderation result: Warden answered the request itself (held, rejected, throttled, refused, error). */
  String ANSWERED = "answered";
  /** Moderation result: the request went on to the site. */
  String PASSED = "passed";

  /**
   * The time Warden itself spent on one request to a comment endpoint (reading the body, throttle, classifier,
   * store, answer), without the time the site's own servlet took for a comment passed on to it: what Warden
   * adds to a post's latency.
   *
   * @param result {@link #ANSWERED} or {@link #PASSED}
   */
  default void moderated(String result, long nanos) {}

  /**
   * One delivery attempt of the release outbox ended.
   *
   * @param result {@link #DELIVERED}, {@link #RETRY} or {@link #GAVE_UP}
   */
  default void delivery(String result) {}
}
