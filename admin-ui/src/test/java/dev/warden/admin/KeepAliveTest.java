package dev.warden.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keep-alive connections stay usable after the API refuses a request early. A client that reuses a connection
 * the server dropped without saying {@code Connection: close} fails ("header parser received no bytes"); that
 * happened when a 401 was answered before the request body had arrived, and the container then closed the
 * connection to get rid of the unread body. Speaks raw HTTP/1.1 on one socket to control the order.
 */
class KeepAliveTest {
  private static final String BODY = "{\"title\":\"Shelling of Kharkiv\",\"section\":\"world\",\"conflict\":true}";

  @TempDir static Path dataDir;
  static AdminServer server;

  @BeforeAll
  static void start() throws Exception {
    server = AdminServer.start(dataDir);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void bodyOfARequestRefusedWith401IsReadBeforeTheAnswerAndTheConnectionServesTheNextRequest() throws Exception {
    try (Socket socket = socket()) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      // With Expect: 100-continue the container asks for the body only when the API reads it, so the order of
      // what comes back shows whether the API answered before the body arrived (the bug) or after.
      out.write(head("PUT", "/warden/api/articles/kharkiv-1", BODY.length(), "Expect: 100-continue\r\n"));
      out.flush();

      assertThat(Response.read(in).status).as("the body is asked for before any answer").isEqualTo(100);
      out.write(BODY.getBytes(StandardCharsets.UTF_8));
      out.flush();
      Response refused = Response.read(in);
      assertThat(refused.status).isEqualTo(401);
      assertThat(refused.closes()).isFalse();
      out.write(head("GET", "/warden/api/session", 0, ""));
      out.flush();
      assertThat(Response.read(in).status).isEqualTo(401);
    }
    assertThat(server.articles.find("kharkiv-1")).isEmpty();
  }

  @Test
  void bodyOverTheCapIsRefusedWith413AndTheConnectionClosed() throws Exception {
    try (Socket socket = socket()) {
      OutputStream out = socket.getOutputStream();
      out.write(head("POST", "/warden/api/login", 1_000_000, ""));
      out.write(new byte[32 * 1024]);
      out.flush();

      Response response = Response.read(socket.getInputStream());

      assertThat(response.status).isEqualTo(413);
      assertThat(response.closes()).isTrue();
    }
  }

  private static Socket socket() throws IOException {
    Socket socket = new Socket(server.base.getHost(), server.base.getPort());
    socket.setSoTimeout(20_000);
    return socket;
  }

  private static byte[] head(String method, String path, int contentLength, String extraHeaders) {
    return (method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + contentLength + "\r\n" + extraHeaders + "\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** The status line and headers of one response; its Content-Length body is read and dropped. */
  private record Response(int status, String headers) {
    boolean closes() {
      return headers.toLowerCase(Locale.ROOT).contains("\r\nconnection: close");
    }

    static Response read(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b == -1) {
          throw new IOException("connection closed after " + head.size() + " bytes of a response head");
        }
        head.write(b);
      }
      String text = head.toString(StandardCharsets.US_ASCII);
      int length = 0;
      for (String line : text.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      in.readNBytes(length);
      return new Response(Integer.parseInt(text.substring(9, 12)), text);
    }
  }
}
