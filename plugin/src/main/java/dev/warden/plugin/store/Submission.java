package dev.warden.plugin.store;

import java.util.Objects;

/**
 * The original HTTP submission of a comment, kept so that an approved comment can be replayed to the site
 * exactly as the reader sent it.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param path the request path with its query string, relative to the server root
 * @param contentType the request's Content-Type header (may be null)
 * @param body the raw request body bytes
 */
public record Submission(String method, String path, String contentType, byte[] body) {
  public Submission {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    body = Objects.requireNonNull(body, "body").clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Submission s
        && method.equals(s.method)
        && path.equals(s.path)
        && Objects.equals(contentType, s.contentType)
        && java.util.Arrays.equals(body, s.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, path, contentType, java.util.Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "Submission[" + method + " " + path + ", " + contentType + ", " + body.length + " bytes]";
  }
}
