package dev.warden.plugin.internal.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body once into a bounded buffer. Stateless apart from its limit; thread-safe. */
final class BodyCapture {
  private final long maxBody;

  BodyCapture(long maxBody) {
    this.maxBody = maxBody;
  }

  /**
   * Reads the whole body.
   *
   * @throws RequestRejection 413 {@code too_large} if the body is over the limit (checked against Content-Length
   *     first, so an honest oversized request is refused without reading it)
   */
  CapturedBody capture(HttpServletRequest request) throws IOException, RequestRejection {
    long declared = request.getContentLengthLong();
    if (declared > maxBody) {
      throw tooLarge();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
    byte[] chunk = new byte[8192];
    try (InputStream in = request.getInputStream()) {
      int n;
      while ((n = in.read(chunk)) != -1) {
        if (out.size() + (long) n > maxBody) {
          throw tooLarge();
        }
        out.write(chunk, 0, n);
      }
    }
    String contentType = request.getContentType();
    return new CapturedBody(out.toByteArray(), MediaType.parse(contentType), contentType);
  }

  private RequestRejection tooLarge() {
    return new RequestRejection(413, "too_large", "the comment is larger than " + maxBody + " bytes");
  }
}
