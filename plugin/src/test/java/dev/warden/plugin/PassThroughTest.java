package dev.warden.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests that are not comment submissions get the very same response with and without Warden. */
class PassThroughTest {
  @TempDir static Path dataDir;
  static Warden warden;
  static TestSite filtered;
  static TestSite plain;

  @BeforeAll
  static void start() throws Exception {
    warden = Warden.start(TestConfigs.config(dataDir, ""));
    filtered = TestSite.withFilter(warden);
    plain = TestSite.plain();
  }

  @AfterAll
  static void stop() throws Exception {
    filtered.close();
    plain.close();
    warden.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "GET /articles/peace-talks?x=1 HTTP/1.1",
      "GET /articles/peace-talks/comments HTTP/1.1",
      // PUT and other unsafe methods on a comment path now get Warden's 405 (HostileInputTest): no bypass.
      "POST /articles/peace-talks/comments/extra HTTP/1.1",
      "GET /nowhere HTTP/1.1"})
  void nonCommentRequestGetsAByteIdenticalResponse(String requestLine) throws Exception {
    String body = "{\"text\":\"You are a worthless idiot.\"}";
    String request = requestLine + "\r\nHost: news.example\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;

    assertThat(withoutDate(exchange(filtered.base, request))).isEqualTo(withoutDate(exchange(plain.base, request)));
  }

  private static String exchange(URI base, String request) throws Exception {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      in.transferTo(response);
      return response.toString(StandardCharsets.ISO_8859_1);
    }
  }

  private static String withoutDate(String response) {
    return response.replaceAll("(?m)^Date: .*\r\n", "");
  }
}
