package dev.warden.plugin.internal.http;

import dev.warden.plugin.store.NewComment;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body once into a bounded buffer. Stateless apart from its limit; thread-safe. */
final class BodyCapture {
  /**
   * How much of an oversized body is read and thrown away before the 413 goes out. Why: clients that send the whole
   * body before reading the answer (java.net.http.HttpClient, curl without Expect) otherwise race a connection reset
   * and never see the 413; bodies declared larger than this are not read and the connection is closed.
   */
  static final long DISCARD_BUDGET = 256 * 1024;

  private final long maxBody;

  BodyCapture(long maxBody) {
    this.maxBody = maxBody;
  }

  /**
   * Reads the whole body.
   *
   * @throws RequestRejection 413 {@code too_large} if the body is over the limit (checked against Content-Length
   *     first; up to {@link #DISCARD_BUDGET} bytes of an oversized body are discarded so the answer is delivered);
   *     415 {@code unsupported_content_encoding} if the body is compressed or otherwise encoded; 400
   *     {@code content_type_too_long} if the {@code Content-Type} is longer than the store keeps
   */
  CapturedBody capture(HttpServletRequest request) throws IOException, RequestRejection {
    String encoding = request.getHeader("Content-Encoding");
    if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
      // Why refuse rather than inflate: a site (or a handler in front of it) that inflates would read words Warden
      // never judged; browsers do not compress form posts, so nothing legitimate is lost.
      throw new RequestRejection(415, "unsupported_content_encoding", "send the comment uncompressed");
    }
    long declared = request.getContentLengthLong();
    try (InputStream in = request.getInputStream()) {
      if (declared > maxBody) {
        throw tooLarge(in, declared);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
      byte[] chunk = new byte[8192];
      int n;
      while ((n = in.read(chunk)) != -1) {
        if (out.size() + (long) n > maxBody) {
          throw tooLarge(in, -1);
        }
        out.write(chunk, 0, n);
      }
      // The header, not getContentType(): Jetty's throws on an unknown charset, which must be a 415, not a 503.
      String contentType = request.getHeader("Content-Type");
      if (contentType != null && contentType.length() > NewComment.MAX_CONTENT_TYPE) {
        throw new RequestRejection(400, "content_type_too_long",
            "the Content-Type header is longer than " + NewComment.MAX_CONTENT_TYPE + " characters");
      }
      return new CapturedBody(out.toByteArray(), MediaType.parse(contentType), contentType);
    }
  }

  private RequestRejection tooLarge(InputStream in, long declared) throws IOException {
    if (declared <= DISCARD_BUDGET) {
      byte[] sink = new byte[8192];
      long left = DISCARD_BUDGET;
      int n;
      while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) != -1) {
        left -= n;
      }
    }
    return new RequestRejection(413, "too_large", "the comment is larger than " + maxBody + " bytes");
  }
}
