package dev.warden.plugin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Sends bytes HttpClient refuses to send (CRLF in headers, invalid bytes in the request line, odd methods, bad
 * chunking) over a plain socket and reads the status line of the answer.
 */
final class RawHttp {
  private RawHttp() {}

  /** What came back: the status code (0 if the server closed without one) and the whole response text. */
  record Answer(int status, String text) {
    String body() {
      int split = text.indexOf("\r\n\r\n");
      return split < 0 ? "" : text.substring(split + 4);
    }
  }

  /** Writes the head (and body), half-closes nothing, and reads until the server closes or goes quiet. */
  static Answer send(URI base, byte[] head, byte[] body) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(head);
      if (body != null) {
        try {
          out.write(body);
        } catch (IOException e) {
          // The server may answer and close before the whole body is written; the answer is still readable.
        }
      }
      out.flush();
      return read(socket.getInputStream());
    }
  }

  static Answer send(URI base, String head, byte[] body) throws IOException {
    return send(base, head.getBytes(StandardCharsets.ISO_8859_1), body);
  }

  private static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try {
      int n;
      while ((n = in.read(buf)) != -1) {
        got.write(buf, 0, n);
        if (complete(got.toString(StandardCharsets.UTF_8))) {
          break;
        }
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // Keep what arrived: a reset after the answer is how a server ends a connection it will not reuse.
    }
    String text = got.toString(StandardCharsets.UTF_8);
    int status = text.startsWith("HTTP/1.1 ") && text.length() >= 12 ? Integer.parseInt(text.substring(9, 12)) : 0;
    return new Answer(status, text);
  }

  /** True once the head and a Content-Length body (or a head with no body) are in. */
  private static boolean complete(String text) {
    int split = text.indexOf("\r\n\r\n");
    if (split < 0) {
      return false;
    }
    String head = text.substring(0, split).toLowerCase(java.util.Locale.ROOT);
    int at = head.indexOf("\r\ncontent-length:");
    if (at < 0) {
      return !head.contains("transfer-encoding: chunked") || text.endsWith("0\r\n\r\n");
    }
    int eol = head.indexOf("\r\n", at + 2);
    long length = Long.parseLong(head.substring(at + 17, eol < 0 ? head.length() : eol).trim());
    return text.getBytes(StandardCharsets.UTF_8).length - split - 4 >= length;
  }
}
