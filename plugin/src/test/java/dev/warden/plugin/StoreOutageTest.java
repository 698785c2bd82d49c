package dev.warden.plugin;

import static dev.warden.plugin.TestConfigs.ABUSIVE;
import static dev.warden.plugin.TestConfigs.BENIGN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.plugin.store.CommentStatus;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #7, "Database outage", over real HTTP against a real H2 TCP server that is stopped and started again, with
 * the default {@code store.connection-timeout} (2 s) and {@code store.outage-retry} (1 s): a comment Warden would
 * hold gets 503 with {@code Retry-After} in far less than the old 10 s, never a 500 and never a 202; Warden
 * accepts comments again once the database is back, without a restart. Measured times are printed; the bounds are
 * wide on purpose (a loaded 2-core machine).
 */
class StoreOutageTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int POSTS_DURING_OUTAGE = 15;
  /** Far below the old worst case (10 s per wait, up to two waits per post), far above the expected 2 s. */
  static final Duration SLOWEST_503 = Duration.ofSeconds(5);
  static final Duration RECOVERY = Duration.ofSeconds(30);

  @TempDir Path dataDir;
  Server database;
  Warden warden;
  TestSite site;

  @AfterEach
  void stop() throws Exception {
    Closing.all(site, warden, database == null ? null : database::stop);
  }

  @Test
  void heldCommentsGetA503WithRetryAfterQuicklyWhileTheDatabaseIsGoneAndAreAcceptedAgainWhenItReturns()
      throws Exception {
    int port = freePort();
    database = h2Server(port).start();
    warden = Warden.start(TestConfigs.config(dataDir, """
        store: {url: "jdbc:h2:tcp://127.0.0.1:%d/warden", username: sa}
        health: {cache: 0s}
        """.formatted(port)));
    site = TestSite.withFilter(warden);
    assertThat(post(ABUSIVE, "before").statusCode()).isEqualTo(202);

    database.stop();
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < POSTS_DURING_OUTAGE; i++) {
      long start = System.nanoTime();
      // A new article each time: the registry lookup misses its cache, so the post needs the database twice.
      HttpResponse<String> answer = post(ABUSIVE, "outage-" + i);
      millis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
      // The store is tried again within store.outage-retry (1 s), so a client may come back that soon.
      assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(JSON.readTree(answer.body()).get("error").asText()).isEqualTo("store_unavailable");
      Thread.sleep(150); // spread the posts over several outage-retry periods
    }
    assertThat(post(BENIGN, "outage-benign").statusCode()).as("an allowed comment needs no database")
        .isEqualTo(201);
    assertThat(site.get("/warden/health").statusCode()).isEqualTo(503);
    List<Long> sorted = millis.stream().sorted().toList();
    assertThat(Duration.ofMillis(sorted.get(sorted.size() - 1))).as("the slowest 503").isLessThan(SLOWEST_503);

    database = h2Server(port).start();
    long restored = System.nanoTime();
    List<Integer> afterwards = new ArrayList<>();
    int status;
    do {
      // A new text each time: the same text posted again and again is a flood Warden rejects (422), which a slow
      // recovery on a busy machine once reached.
      status = post(ABUSIVE + " Attempt " + (afterwards.size() + 1) + ".", "after").statusCode();
      afterwards.add(status);
      if (status != 202) {
        Thread.sleep(100); // the pool reconnects in real time: nothing to inject
      }
    } while (status != 202 && System.nanoTime() - restored < RECOVERY.toNanos());
    long recoveredMillis = Duration.ofNanos(System.nanoTime() - restored).toMillis();

    assertThat(status).as("accepted again within %s, without a restart", RECOVERY).isEqualTo(202);
    // 503 until the store is back, then a verdict. The post that finds the store back may have had its article
    // lookup refused a moment before (the store still marked unavailable), and an unknown article is then judged
    // under the conflict policy, which rejects this text: 422, stored as rejected (seen once in CI).
    assertThat(afterwards).as("503 until then, then a verdict, never a 500")
        .allMatch(s -> s == 503 || s == 202 || s == 422);
    assertThat(site.get("/warden/health").statusCode()).isEqualTo(200);
    assertThat(warden.comments().counts().get(CommentStatus.PENDING)).as("only the acknowledged are stored")
        .isEqualTo(2L);
    System.out.printf("store outage (H2 TCP, connection-timeout 2s, outage-retry 1s): %d held posts answered 503,"
        + " latency median %d ms, worst %d ms (first %d ms); accepted again %d ms after the database returned"
        + " (%d posts meanwhile)%n", millis.size(), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1),
        millis.get(0), recoveredMillis, afterwards.size());
  }

  private HttpResponse<String> post(String text, String article) throws Exception {
    return site.postJson("/articles/" + article + "/comments", JSON.writeValueAsString(Map.of("text", text)),
        "Accept", "application/json");
  }

  private Server h2Server(int port) throws Exception {
    return H2TcpServers.create(port, dataDir.resolve("tcp"));
  }

  private static int freePort() throws Exception {
    return H2TcpServers.freePort();
  }
}
