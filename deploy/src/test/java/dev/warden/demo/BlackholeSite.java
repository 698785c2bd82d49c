package dev.warden.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A release target that accepts a request, reads its head and never answers, like a site hung mid-request. It
 * records each request's {@code X-Warden-Release} header, so a test knows which comment the node is stuck on.
 */
final class BlackholeSite implements AutoCloseable {
  private final ServerSocket server;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  final List<String> releaseHeaders = new CopyOnWriteArrayList<>();

  BlackholeSite() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "blackhole-site");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        open.add(socket);
        String head = readHead(socket.getInputStream());
        for (String line : head.split("\r\n")) {
          if (line.regionMatches(true, 0, "X-Warden-Release:", 0, 17)) {
            releaseHeaders.add(line.substring(17).strip());
          }
        }
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    for (int b = in.read(); b >= 0; b = in.read()) {
      head.append((char) b);
      if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    return head.toString();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
