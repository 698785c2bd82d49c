package dev.warden.plugin.store;

import java.util.Objects;

/**
 * A comment just saved, with its status-link token: the only time the token exists outside the reader's hands
 * (the store keeps only its hash).
 *
 * @param comment the stored comment
 * @param statusToken the token of the comment's status link (URL-safe base64); give it to the commenter, never
 *     log it
 */
public record SavedComment(HeldComment comment, String statusToken) {
  public SavedComment {
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(statusToken, "statusToken");
  }

  /** Leaves the token out, so that logging this value does not leak a working link. */
  @Override
  public String toString() {
    return "SavedComment[" + comment.id() + ", statusToken=…]";
  }
}
