package dev.warden.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.plugin.internal.store.MutableClock;
import dev.warden.plugin.throttle.PostAttempt;
import dev.warden.plugin.throttle.ThrottleDecision;
import dev.warden.plugin.throttle.ThrottleStatus;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two web nodes (two Wardens, two embedded Jetty servers) sharing the machine's Redis ({@code throttle.shared}):
 * a poster's allowances hold across nodes, and a node that loses Redis counts locally, says so, and recovers by
 * itself. Both nodes read one {@link MutableClock}: nothing sleeps, except while waiting for a reconnection.
 */
class SharedThrottleTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ARTICLE = "/articles/peace-talks/comments";

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
  final List<AutoCloseable> open = new ArrayList<>();
  TestRedis redis;

  @BeforeEach
  void redis() {
    redis = TestRedis.require();
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  /** A throttle of at most 4 comments per 10 minutes, 10 s apart, counted in the Redis at {@code port}. */
  String throttle(int port) {
    return throttle(port, "1s");
  }

  String throttle(int port, String timeout) {
    return """
        throttle:
          limits:
            default: {min-interval: 10s, max: 4, window: 10m, per-article: {max: 20, window: 24h}}
            conflict: {min-interval: 10s, max: 4, window: 10m, per-article: {max: 20, window: 24h}}
          per-address: {max: 5, window: 10m}
          shared: {mode: redis, redis-url: "redis://127.0.0.1:%d", key-prefix: "%s", timeout: %s, retry: 5s}
        """.formatted(port, redis.prefix, timeout);
  }

  Node node(String name, int redisPort) throws Exception {
    return node(name, throttle(redisPort));
  }

  Node node(String name, String throttle) throws Exception {
    Warden warden = Warden.start(TestConfigs.config(dataDir.resolve(name), throttle), clock);
    open.add(warden);
    TestSite site = TestSite.withFilter(warden);
    open.add(site);
    return new Node(warden, site);
  }

  record Node(Warden warden, TestSite site) {
    HttpResponse<String> post(int i) throws Exception {
      return site.postJson(ARTICLE, JSON.writeValueAsString(Map.of("text", text(i))));
    }

    ThrottleStatus status() {
      return warden.throttle().status();
    }
  }

  static String text(int i) {
    return "Comment number " + i + " on the negotiations, thanks for the reporting.";
  }

  static String reason(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).get("reason").asText();
  }

  @Test
  void aPosterAlternatingBetweenTwoNodesIsRefusedAtTheGlobalLimitNotTwiceIt() throws Exception {
    Node a = node("a", TestRedis.PORT);
    Node b = node("b", TestRedis.PORT);
    for (int i = 0; i < 4; i++) {
      assertThat((i % 2 == 0 ? a : b).post(i).statusCode()).as("comment %d", i).isEqualTo(201);
      clock.advance(Duration.ofSeconds(10));
    }

    HttpResponse<String> fifth = a.post(4);
    HttpResponse<String> sixth = b.post(5);

    // Each node saw only two of the poster's comments: counted per node, both would have passed.
    assertThat(fifth.statusCode()).isEqualTo(429);
    assertThat(reason(fifth)).isEqualTo("too_many");
    // The first comment leaves the 10-minute window 600 s after it was posted, 40 s ago.
    assertThat(fifth.headers().firstValue("Retry-After")).hasValue("560");
    assertThat(sixth.statusCode()).isEqualTo(429);
    assertThat(reason(sixth)).isEqualTo("too_many");
    assertThat(a.site().received()).hasSize(2);
    assertThat(b.site().received()).hasSize(2);

    clock.advance(Duration.ofSeconds(560));
    assertThat(b.post(6).statusCode()).isEqualTo(201);
    assertThat(a.status()).isEqualTo(b.status());
    assertThat(a.status().mode()).isEqualTo("shared");
    assertThat(a.status().degraded()).isFalse();
    assertThat(a.status().detail()).contains("127.0.0.1:6379");
  }

  @Test
  void theMinimumIntervalHoldsAcrossNodes() throws Exception {
    Node a = node("a", TestRedis.PORT);
    Node b = node("b", TestRedis.PORT);
    assertThat(a.post(1).statusCode()).isEqualTo(201);
    clock.advance(Duration.ofSeconds(3));

    HttpResponse<String> tooFast = b.post(2);

    assertThat(tooFast.statusCode()).isEqualTo(429);
    assertThat(reason(tooFast)).isEqualTo("too_fast");
    assertThat(tooFast.headers().firstValue("Retry-After")).hasValue("7");
    clock.advance(Duration.ofSeconds(7));
    assertThat(b.post(3).statusCode()).isEqualTo(201);
  }

  @Test
  void aRefusedPostersRetriesAreAnsweredByTheNodeWithoutAskingRedis() throws Exception {
    Node a = node("a", TestRedis.PORT);
    Node b = node("b", TestRedis.PORT);
    for (int i = 0; i < 4; i++) {
      assertThat((i % 2 == 0 ? a : b).post(i).statusCode()).isEqualTo(201);
      clock.advance(Duration.ofSeconds(10));
    }
    assertThat(reason(b.post(4))).isEqualTo("too_many");
    redis.flush(); // Redis forgets the poster: only b's memory of the refusal can refuse it now

    HttpResponse<String> retry = b.post(5);

    assertThat(retry.statusCode()).isEqualTo(429);
    assertThat(reason(retry)).isEqualTo("too_many");
    assertThat(retry.headers().firstValue("Retry-After")).hasValue("560");
    assertThat(redis.keys()).as("the retry never reached Redis").isEmpty();
    assertThat(a.post(6).statusCode()).as("node a has no such memory and Redis is empty").isEqualTo(201);
  }

  @Test
  void withRedisUnreachableEachNodeCountsLocallyAndSaysSo() throws Exception {
    Node a = node("a", 1);

    assertThat(a.status().mode()).isEqualTo("shared");
    assertThat(a.status().degraded()).isTrue();
    assertThat(a.status().detail()).contains("127.0.0.1:1").contains("locally");
    for (int i = 0; i < 4; i++) {
      assertThat(a.post(i).statusCode()).as("comment %d", i).isEqualTo(201);
      clock.advance(Duration.ofSeconds(10));
    }
    HttpResponse<String> fifth = a.post(4);
    assertThat(fifth.statusCode()).isEqualTo(429);
    assertThat(reason(fifth)).isEqualTo("too_many");
    assertThat(a.status().degraded()).isTrue();
  }

  @Test
  void aNodeThatLosesRedisCountsLocallyAndIsSharedAgainWhenItComesBack() throws Exception {
    TcpProxy proxy = new TcpProxy(TestRedis.PORT);
    open.add(proxy);
    Node a = node("a", proxy.port());
    Node b = node("b", proxy.port());
    assertThat(a.post(1).statusCode()).isEqualTo(201);
    clock.advance(Duration.ofSeconds(10));

    proxy.cut();
    HttpResponse<String> duringOutage = b.post(2);

    assertThat(duringOutage.statusCode()).as("b counts locally and has not seen the poster").isEqualTo(201);
    assertThat(b.status().degraded()).isTrue();
    assertThat(b.status().detail()).contains("127.0.0.1:" + proxy.port()).contains("locally");
    clock.advance(Duration.ofSeconds(10));
    assertThat(b.post(3).statusCode()).as("still local while Redis is away").isEqualTo(201);

    proxy.restore();
    clock.advance(Duration.ofSeconds(5));
    awaitShared(a);
    awaitShared(b);

    // Redis counted only comment 1; b's two outage comments were counted by b alone.
    clock.advance(Duration.ofSeconds(10));
    assertThat(a.post(4).statusCode()).isEqualTo(201);
    clock.advance(Duration.ofSeconds(10));
    assertThat(a.post(5).statusCode()).isEqualTo(201);
    clock.advance(Duration.ofSeconds(10));
    assertThat(a.post(6).statusCode()).isEqualTo(201);
    clock.advance(Duration.ofSeconds(10));
    HttpResponse<String> overGlobal = a.post(7);
    assertThat(overGlobal.statusCode()).as("4 comments in Redis: a's local count is also 4").isEqualTo(429);
    HttpResponse<String> onB = b.post(8);
    assertThat(onB.statusCode()).as("b has only 2 of its own: Redis refuses").isEqualTo(429);
    assertThat(reason(onB)).isEqualTo("too_many");
  }

  @Test
  void theAddressAllowanceHoldsAcrossNodesForPostersRotatingTheirIds() throws Exception {
    Node a = node("a", TestRedis.PORT);
    Node b = node("b", TestRedis.PORT);
    for (int i = 0; i < 5; i++) {
      Node node = i % 2 == 0 ? a : b;
      assertThat(node.warden().throttle().check(attempt("cookie:" + i, i)).action()).as("id %d", i)
          .isEqualTo(ThrottleDecision.Action.PROCEED);
    }

    ThrottleDecision sixth = a.warden().throttle().check(attempt("cookie:5", 5));

    // Node a saw three of the address's comments and b two: the address allowance of 5 holds across both.
    assertThat(sixth.action()).isEqualTo(ThrottleDecision.Action.REFUSE);
    assertThat(sixth.reason()).isEqualTo(ThrottleDecision.ADDRESS_LIMIT);
    assertThat(b.warden().throttle().check(attempt("cookie:6", 6)).reason()).isEqualTo(
        ThrottleDecision.ADDRESS_LIMIT);
  }

  static PostAttempt attempt(String posterKey, int i) {
    return new PostAttempt(posterKey, "ip:198.51.100.7", "peace-talks", false, text(i));
  }

  @Test
  void aHangingRedisCostsACommentAtMostTheTimeoutAndTheNodeCountsLocally() throws Exception {
    TcpProxy proxy = new TcpProxy(TestRedis.PORT);
    open.add(proxy);
    Node a = node("a", throttle(proxy.port(), "1s"));
    assertThat(a.post(1).statusCode()).isEqualTo(201);
    clock.advance(Duration.ofSeconds(10));
    awaitShared(a); // on a loaded machine even that first comment may have missed the timeout
    proxy.stall();

    long start = System.nanoTime();
    ThrottleDecision decision = a.warden().throttle().check(attempt("user:alice", 2));
    Duration waited = Duration.ofNanos(System.nanoTime() - start);

    assertThat(decision.action()).isEqualTo(ThrottleDecision.Action.PROCEED);
    assertThat(waited).as(a.status().detail()).isGreaterThanOrEqualTo(Duration.ofSeconds(1))
        .isLessThan(Duration.ofSeconds(5));
    assertThat(a.status().degraded()).isTrue();
    assertThat(a.status().detail()).contains("did not answer within 1000 ms");
    start = System.nanoTime();
    a.warden().throttle().check(attempt("user:bob", 3));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no waiting until the retry is due")
        .isLessThan(Duration.ofMillis(500));
    clock.advance(Duration.ofSeconds(10));
    HttpResponse<String> local = a.post(4);
    assertThat(local.statusCode()).as("the local allowance still applies").isEqualTo(201);
    assertThat(a.post(5).statusCode()).as("too fast by the local count").isEqualTo(429);

    proxy.restore(); // a hung connection was dropped; the retry opens a fresh one, which forwards again
    clock.advance(Duration.ofSeconds(5));
    awaitShared(a);
  }

  /**
   * Waits (up to 10 s of real time: the reconnection is real I/O) until the node uses Redis again. A connection
   * attempt that was still failing when Redis came back pushes the next try {@code retry} later, so each round also
   * moves the clock past the retry.
   */
  void awaitShared(Node node) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (node.status().degraded() && System.nanoTime() < deadline) {
      Thread.sleep(50);
      clock.advance(Duration.ofSeconds(5));
    }
    assertThat(node.status().degraded()).as("recovered: %s", node.status().detail()).isFalse();
    assertThat(node.status().mode()).isEqualTo("shared");
  }
}
