package dev.warden.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy to a target port that a test can cut ({@link #cut()}: closes the port and every connection
 * through it) and restore ({@link #restore()}: listens on the same port again): an outage of a service without
 * stopping it, or make it hang ({@link #stall()}: connections stay open but nothing is forwarded any more).
 * Public because the deploy module's outage test uses it too (through the plugin's test jar).
 */
public final class TcpProxy implements AutoCloseable {
  private final int target;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile ServerSocket listener;
  private volatile boolean stalled;
  private int port;

  public TcpProxy(int target) throws IOException {
    this.target = target;
    listen();
  }

  public int port() {
    return port;
  }

  /** Closes the port and every open connection, like a Redis that went away. */
  public synchronized void cut() throws IOException {
    listener.close();
    for (Socket socket : sockets) {
      socket.close();
    }
    sockets.clear();
  }

  /** Keeps every connection open but drops what is sent through it from now on: a service that hangs. */
  public void stall() {
    stalled = true;
  }

  /** Accepts connections on the same port again (if cut) and forwards again (if stalled). */
  public synchronized void restore() throws IOException {
    stalled = false;
    if (listener.isClosed()) {
      listen();
    }
  }

  private void listen() throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    port = server.getLocalPort();
    listener = server;
    Thread acceptor = new Thread(() -> accept(server), "tcp-proxy-accept-" + port);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void accept(ServerSocket server) {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
        sockets.add(client);
        sockets.add(upstream);
        pipe(client, upstream);
        pipe(upstream, client);
      } catch (IOException e) {
        // closed by cut() or close(), or the target refused: the client sees its connection end
      }
    }
  }

  private void pipe(Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          if (!stalled) {
            out.write(buffer, 0, n);
            out.flush();
          }
        }
      } catch (IOException e) {
        // one side closed
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "tcp-proxy-pipe");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    cut();
  }
}
