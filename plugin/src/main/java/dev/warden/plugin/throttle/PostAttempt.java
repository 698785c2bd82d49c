package dev.warden.plugin.throttle;

import java.util.Objects;

/**
 * One comment submission as the throttle sees it.
 *
 * @param posterKey who posts: {@code user:<id>}, {@code header:<id>}, {@code cookie:<id>} or {@code ip:<address>}
 *     (IPv6 grouped by prefix)
 * @param addressKey the client's address key ({@code ip:...}); equal to {@code posterKey} for anonymous posters.
 *     A per-address allowance also applies, so that rotating a forgeable id does not escape the limits
 * @param articleId the article commented on
 * @param conflict true if the article is conflict coverage (stricter limits)
 * @param text the comment text as submitted (only a hash of its normalised form is kept)
 * @param section the article's section, or null if it has none (or is not registered): a section with its own
 *     limits ({@code throttle.limits.sections}) is throttled by those instead of its kind's
 */
public record PostAttempt(String posterKey, String addressKey, String articleId, boolean conflict, String text,
    String section) {
  public PostAttempt {
    Objects.requireNonNull(posterKey, "posterKey");
    Objects.requireNonNull(addressKey, "addressKey");
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(text, "text");
  }

  /** An attempt on an article of no section. */
  public PostAttempt(String posterKey, String addressKey, String articleId, boolean conflict, String text) {
    this(posterKey, addressKey, articleId, conflict, text, null);
  }
}
