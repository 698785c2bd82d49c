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
   * How much of an oversized body is read and thrown away so that the 413 reaches the client. Why: a client such as
   * java.net.http.HttpClient sends the whole body before reading the answer; if the server closes the connection
   * with bytes still unread, the kernel resets it and the client sees "header parser received no bytes" instead of
   * the 413. Bodies larger than this are not read; the connection is closed on them.
   */
  static final long DISCARD_BUDGET = 256 * 1024;

  /**
   * Reads the body of {@code request}.
   *
   * @throws BodyTooLarge if it is declared or turns out larger than {@code max} bytes; up to {@link
   *     #DISCARD_BUDGET} more bytes are read and discarded first
   * @throws IOException if the client stopped sending
   */
  static BufferedRequest read(HttpServletRequest request, int max) throws IOException {
    // Not closed here: the container owns the stream.
    InputStream in = request.getInputStream();
    long declared = request.getContentLengthLong();
    if (declared > max) {
      throw tooLarge(in, declared);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    int n;
    while ((n = in.read(buffer)) != -1) {
      if (out.size() + n > max) {
        throw tooLarge(in, -1);
      }
      out.write(buffer, 0, n);
    }
    return new BufferedRequest(request, out.toByteArray());
  }

  private static BodyTooLarge tooLarge(InputStream in, long declared) throws IOException {
    if (declared <= DISCARD_BUDGET) {
      byte[] sink = new byte[8192];
      long left = DISCARD_BUDGET;
      int n;
      while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) != -1) {
        left -= n;
      }
    }
    return new BodyTooLarge();
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
