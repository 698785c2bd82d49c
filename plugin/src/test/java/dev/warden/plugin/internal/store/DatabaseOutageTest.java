package dev.warden.plugin.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.plugin.H2TcpServers;
import dev.warden.plugin.StoreConfig;
import dev.warden.plugin.store.StoreException;
import dev.warden.plugin.store.StoreUnavailableException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool and its outage breaker against a real H2 TCP server that is stopped and started again: after one
 * connection failure the store is refused without touching the pool until the retry is due (a moved ticker, no
 * sleeping), a retry that reaches the database makes it available again, and a busy pool is not taken for an outage.
 */
class DatabaseOutageTest {
  static final Duration RETRY = Duration.ofSeconds(1);

  @TempDir Path dir;
  final AtomicLong nanos = new AtomicLong();
  final Ticker ticker = nanos::get;
  Server server;
  Database db;

  @AfterEach
  void stop() {
    if (db != null) {
      db.close();
    }
    if (server != null) {
      server.stop();
    }
  }

  Database open(int port, int poolSize, Duration connectionTimeout) {
    return Database.open(new StoreConfig("jdbc:h2:tcp://127.0.0.1:" + port + "/warden", "sa", "", poolSize,
        connectionTimeout, RETRY), ticker);
  }

  int ping() {
    return db.inTransaction("ping", c -> {
      try (var s = c.createStatement(); var r = s.executeQuery("SELECT 1")) {
        r.next();
        return r.getInt(1);
      }
    });
  }

  @Test
  void afterOneConnectionFailureUsesAreRefusedAtOnceUntilARetryReachesTheDatabaseAgain() throws Exception {
    int port = freePort();
    server = h2Server(port).start();
    db = open(port, 2, Duration.ofMillis(500));
    assertThat(ping()).isEqualTo(1);

    server.stop();
    assertThatThrownBy(this::ping).as("the first use finds out")
        .isInstanceOf(StoreException.class).isNotInstanceOf(StoreUnavailableException.class);
    assertThat(db.isMarkedUnavailable()).isTrue();
    for (int i = 0; i < 20; i++) {
      assertThatThrownBy(this::ping).as("refused before asking the pool")
          .isInstanceOf(StoreUnavailableException.class);
    }
    nanos.addAndGet(RETRY.toNanos());
    assertThatThrownBy(this::ping).as("the retry finds it still gone")
        .isInstanceOf(StoreException.class).isNotInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(this::ping).isInstanceOf(StoreUnavailableException.class);

    server = h2Server(port).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (db.isMarkedUnavailable() && System.nanoTime() < deadline) {
      nanos.addAndGet(RETRY.toNanos());
      try {
        ping();
      } catch (StoreException stillDown) {
        Thread.sleep(100); // the pool reconnects in real time: nothing to inject
      }
    }
    assertThat(db.isMarkedUnavailable()).as("available again without a restart").isFalse();
    assertThat(ping()).isEqualTo(1);
  }

  @Test
  void aPoolTimeoutWhileEveryConnectionIsBusyIsNotTakenForAnOutage() throws Exception {
    int port = freePort();
    server = h2Server(port).start();
    db = open(port, 2, Duration.ofMillis(250));
    CountDownLatch holding = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService others = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> longTransactions = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        longTransactions.add(others.submit(() -> db.inTransaction("long", c -> {
          holding.countDown();
          awaitQuietly(release);
          return 1;
        })));
      }
      assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

      assertThatThrownBy(this::ping).as("no connection free within the timeout")
          .isInstanceOf(StoreException.class).isNotInstanceOf(StoreUnavailableException.class);
      assertThat(db.isMarkedUnavailable()).isFalse();

      release.countDown();
      for (Future<Integer> done : longTransactions) {
        assertThat(done.get(10, TimeUnit.SECONDS)).isEqualTo(1);
      }
      assertThat(ping()).isEqualTo(1);
    } finally {
      release.countDown();
      others.shutdownNow();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Server h2Server(int port) throws Exception {
    return H2TcpServers.create(port, dir.resolve("tcp"));
  }

  private static int freePort() throws Exception {
    return H2TcpServers.freePort();
  }
}
