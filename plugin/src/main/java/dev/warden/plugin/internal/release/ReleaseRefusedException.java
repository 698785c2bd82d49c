package dev.warden.plugin.internal.release;

import java.io.IOException;

/** The site answered a release replay with a status that is neither 2xx nor 3xx. */
public final class ReleaseRefusedException extends IOException {
  private static final long serialVersionUID = 1L;
  private final int statusCode;

  public ReleaseRefusedException(String commentId, int statusCode) {
    super("the site answered HTTP " + statusCode + " to the release of comment " + commentId);
    this.statusCode = statusCode;
  }

  /** The HTTP status the site answered. */
  public int statusCode() {
    return statusCode;
  }
}
