package dev.warden.plugin;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.tools.Server;

/** A real H2 TCP server the outage tests stop and start again on the same port, and a free port for it. */
public final class H2TcpServers {
  private H2TcpServers() {}

  /** A server (not yet started) on {@code port} keeping its databases under {@code baseDir}. */
  public static Server create(int port, Path baseDir) throws SQLException {
    return Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists", "-baseDir", baseDir.toString());
  }

  /** A port free right now on this machine. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
