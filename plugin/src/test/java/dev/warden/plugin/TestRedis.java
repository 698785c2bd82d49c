package dev.warden.plugin;

import static org.assertj.core.api.Assertions.fail;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's Redis (127.0.0.1:6379) for tests, with a key prefix of their own that {@link #close()} deletes.
 * Without a Redis the tests are skipped with a message, except in CI ({@code CI=true}), where they fail.
 */
final class TestRedis implements AutoCloseable {
  static final String HOST = "127.0.0.1";
  static final int PORT = 6379;

  final String prefix = "warden-test:" + UUID.randomUUID() + ":";
  private final RedisClient client = RedisClient.create("redis://" + HOST + ":" + PORT);
  private final StatefulRedisConnection<String, String> connection = client.connect();

  private TestRedis() {}

  /** A fresh prefix on the machine's Redis; skips (locally) or fails (CI) the test if Redis is not running. */
  static TestRedis require() {
    if (!reachable()) {
      String message = "Redis is not running at " + HOST + ":" + PORT + ": shared-throttle tests need it";
      if ("true".equals(System.getenv("CI"))) {
        fail(message + " (CI=true, so this fails instead of skipping)");
      }
      System.err.println("SKIPPED: " + message);
      Assumptions.abort(message);
    }
    return new TestRedis();
  }

  private static boolean reachable() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, PORT), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  RedisCommands<String, String> commands() {
    return connection.sync();
  }

  /** The keys under this test's prefix. */
  List<String> keys() {
    List<String> keys = new ArrayList<>();
    ScanIterator.scan(commands(), ScanArgs.Builder.matches(prefix + "*").limit(500)).forEachRemaining(keys::add);
    return keys;
  }

  /** Forgets every count under this test's prefix. */
  void flush() {
    List<String> keys = keys();
    if (!keys.isEmpty()) {
      commands().del(keys.toArray(String[]::new));
    }
  }

  @Override
  public void close() {
    try {
      flush();
    } finally {
      connection.close();
      client.shutdown();
    }
  }
}
