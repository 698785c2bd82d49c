package dev.warden.admin.internal;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * An API request whose body was read whole, up to a cap, before any endpoint runs. Why: an endpoint that answers
 * without reading the body (a 401 before the login check reads it, an approve that ignores a stray {@code {}})
 * would leave bytes on the connection; the container then drops the keep-alive connection after an answer that
 * did not say {@code Connection: close}, and a client that reuses it (java.net.http.HttpClient does) fails with
 * "header parser received no bytes". Reading first makes that impossible on every path. Not thread-safe (one
 * request).
 */
final class BufferedRequest extends HttpServletRequestWrapper {
  private final byte[] body;

  private BufferedRequest(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  /**
   * Reads the body of {@code request}.
   *
   * @throws BodyTooLarge if it is declared or turns out larger than {@code max} bytes; the rest is left unread
   * @throws IOException if the client stopped sending
   */
  static BufferedRequest read(HttpServletRequest request, int max) throws IOException {
    if (request.getContentLengthLong() > max) {
      throw new BodyTooLarge();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    // Not closed here: the container owns the stream.
    InputStream in = request.getInputStream();
    int n;
    while ((n = in.read(buffer)) != -1) {
      if (out.size() + n > max) {
        throw new BodyTooLarge();
      }
      out.write(buffer, 0, n);
    }
    return new BufferedRequest(request, out.toByteArray());
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new IllegalStateException("the body was read already; use blocking reads");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
  }

  private Charset charset() {
    String encoding = getCharacterEncoding();
    try {
      return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    } catch (IllegalArgumentException e) { // includes an unsupported or illegal charset name
      return StandardCharsets.UTF_8;
    }
  }

  /** The body is over the cap; the request was not read to its end. */
  static final class BodyTooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLarge() {
      super("request body over the cap");
    }
  }
}
