package dev.warden.plugin;

import static dev.warden.plugin.TestConfigs.ABUSIVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.plugin.internal.store.MutableClock;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /warden/health} over real HTTP: what it reports, when it says down, and that it tells no secrets. */
class HealthEndpointTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ARTICLE = "/articles/peace-talks/comments";
  static final String DB_PASSWORD = "db-password-never-shown-4f1c";
  static final String SCRAPE_TOKEN = "scrape-token-never-shown-9a7e";

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
  Warden warden;
  TestSite site;

  void start(String extra) throws Exception {
    warden = Warden.start(TestConfigs.config(dataDir, extra), clock);
    site = TestSite.withFilter(warden);
  }

  @AfterEach
  void stop() throws Exception {
    Closing.all(site, warden);
  }

  JsonNode health(int expectedStatus) throws Exception {
    HttpResponse<String> response = site.get("/warden/health");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    return JSON.readTree(response.body());
  }

  String hold() throws Exception {
    HttpResponse<String> held = site.postJson(ARTICLE, JSON.writeValueAsString(Map.of("text", ABUSIVE)),
        "Accept", "application/json");
    assertThat(held.statusCode()).isEqualTo(202);
    return JSON.readTree(held.body()).get("id").asText();
  }

  @Test
  void reportsTheModelVersionAndABacklogThatGrowsWhenACommentIsApproved() throws Exception {
    start("");
    JsonNode before = health(200);
    assertThat(before.get("status").asText()).isEqualTo("up");
    assertThat(before.at("/checks/database/status").asText()).isEqualTo("up");
    assertThat(before.at("/checks/database/latencyMs").isNumber()).isTrue();
    assertThat(before.at("/checks/models/version").asText()).isEqualTo(warden.classifier().modelVersion());
    assertThat(before.at("/checks/delivery/backlog").asLong()).isZero();
    assertThat(before.at("/checks/throttle/mode").asText()).isEqualTo("local");
    assertThat(before.at("/checks/throttle/degraded").asBoolean()).isFalse();

    String id = hold();
    warden.comments().approve(id, "moderator");
    clock.advance(Duration.ofSeconds(40)); // past the health cache, and the comment waits meanwhile

    JsonNode after = health(200);
    assertThat(after.at("/checks/delivery/backlog").asLong()).isEqualTo(1);
    assertThat(after.at("/checks/delivery/failed").asLong()).isZero();
    assertThat(after.at("/checks/delivery/oldestDueSeconds").asLong()).isEqualTo(40);
  }

  @Test
  void reusesAnAnswerForTheCacheTimeSoPollingCannotHammerTheDatabase() throws Exception {
    start("health: {cache: 5s}\n");
    assertThat(health(200).at("/checks/delivery/backlog").asLong()).isZero();
    warden.comments().approve(hold(), "moderator");

    clock.advance(Duration.ofSeconds(4));
    assertThat(health(200).at("/checks/delivery/backlog").asLong()).isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(health(200).at("/checks/delivery/backlog").asLong()).isEqualTo(1);
  }

  @Test
  void isDegradedButStill200WhenAnApprovedCommentWaitsLongerThanTheBacklogAge() throws Exception {
    start("health: {backlog-age: 10m}\n");
    warden.comments().approve(hold(), "moderator");
    clock.advance(Duration.ofMinutes(9));
    assertThat(health(200).get("status").asText()).isEqualTo("up");

    clock.advance(Duration.ofMinutes(2));
    JsonNode late = health(200);
    assertThat(late.get("status").asText()).isEqualTo("degraded");
    assertThat(late.at("/checks/delivery/status").asText()).isEqualTo("degraded");
    assertThat(late.at("/checks/delivery/oldestDueSeconds").asLong()).isEqualTo(660);
  }

  @Test
  void isDownWith503WithinTheTimeoutWhileTheDatabaseServerIsStoppedAndUpAgainAfterItRestarts()
      throws Exception {
    int port = freePort();
    Server database = h2Server(port).start();
    try {
      start("""
          store: {url: "jdbc:h2:tcp://127.0.0.1:%d/warden", username: sa, password: %s}
          health: {cache: 0s, database-timeout: 1s}
          metrics: {scrape-token: %s}
          """.formatted(port, DB_PASSWORD, SCRAPE_TOKEN));
      assertThat(health(200).get("status").asText()).isEqualTo("up");

      database.stop();
      long start = System.nanoTime();
      HttpResponse<String> down = site.get("/warden/health");
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(down.statusCode()).isEqualTo(503);
      JsonNode body = JSON.readTree(down.body());
      assertThat(body.get("status").asText()).isEqualTo("down");
      assertThat(body.at("/checks/database/status").asText()).isEqualTo("down");
      assertThat(body.at("/checks/models/status").asText()).isEqualTo("up");
      assertThat(took).isLessThan(Duration.ofSeconds(5)); // the pool would wait 10 s for a connection
      assertThat(down.body()).doesNotContain(DB_PASSWORD, SCRAPE_TOKEN, TestConfigs.SECRET, "jdbc:", "sa@");

      database = h2Server(port).start();
      assertThat(healthWithin(Duration.ofSeconds(30))).isEqualTo(200);
    } finally {
      database.stop();
    }
  }

  @Test
  void saysDownRatherThanFailingOnceWardenIsStopped() throws Exception {
    start("health: {cache: 0s}\n");
    warden.close();

    assertThat(health(503).at("/checks/database/status").asText()).isEqualTo("down");
  }

  @Test
  void answersOnlyGet() throws Exception {
    start("");
    HttpResponse<String> post = site.postJson("/warden/health", "{}");
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  /** Polls until the health endpoint answers 200 or the time is up; returns the last status. */
  private int healthWithin(Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    int status;
    do {
      status = site.get("/warden/health").statusCode();
      if (status != 200) {
        Thread.sleep(200); // waiting for the pool to reconnect in the background: real time, nothing to inject
      }
    } while (status != 200 && System.nanoTime() < deadline);
    return status;
  }

  private Server h2Server(int port) throws Exception {
    return H2TcpServers.create(port, dataDir.resolve("tcp"));
  }

  private static int freePort() throws Exception {
    return H2TcpServers.freePort();
  }
}
