package dev.warden.plugin.throttle;

import java.time.Duration;
import java.util.Objects;

/**
 * What the throttle says about one submission.
 *
 * @param action proceed to classification, refuse with 429, or hold for review whatever the classifier says
 * @param reason {@code none}, a refusal reason ({@code suspended}, {@code too_fast}, {@code too_many},
 *     {@code article_limit}, {@code address_limit}, {@code duplicate}) or a hold reason ({@code coordinated},
 *     {@code surge})
 * @param retryAfter how long until the same poster may try again (zero unless refused)
 * @param group for {@code coordinated}: the id of the coordinated group (a hash of the shared text); else null
 */
public record ThrottleDecision(Action action, String reason, Duration retryAfter, String group) {
  /** Reason: the poster is suspended by a moderator. */
  public static final String SUSPENDED = "suspended";
  /** Reason: less than the minimum interval since the poster's last comment. */
  public static final String TOO_FAST = "too_fast";
  /** Reason: the poster's allowance per window is used up. */
  public static final String TOO_MANY = "too_many";
  /** Reason: the poster's allowance on this article is used up. */
  public static final String ARTICLE_LIMIT = "article_limit";
  /** Reason: the client address's allowance is used up (several ids from one address). */
  public static final String ADDRESS_LIMIT = "address_limit";
  /** Reason: the poster sent the same text already. */
  public static final String DUPLICATE = "duplicate";
  /** Hold reason: the same text came from several posters in a short window. */
  public static final String COORDINATED = "coordinated";
  /** Hold reason: the article is in temporary pre-moderation after a surge. */
  public static final String SURGE = "surge";

  /** The decision to let a comment go on to classification. */
  public static final ThrottleDecision PROCEED = new ThrottleDecision(Action.PROCEED, "none", Duration.ZERO, null);

  /** What the filter does with the comment. */
  public enum Action {
    PROCEED,
    REFUSE,
    HOLD
  }

  public ThrottleDecision {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(retryAfter, "retryAfter");
  }

  /** A 429 refusal for {@code reason}, retry after {@code retryAfter}. */
  public static ThrottleDecision refuse(String reason, Duration retryAfter) {
    return new ThrottleDecision(Action.REFUSE, reason, retryAfter, null);
  }

  /** A hold for {@code reason}; {@code group} only for coordinated holds. */
  public static ThrottleDecision hold(String reason, String group) {
    return new ThrottleDecision(Action.HOLD, reason, Duration.ZERO, group);
  }
}
