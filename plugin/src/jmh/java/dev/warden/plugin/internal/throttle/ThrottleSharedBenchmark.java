package dev.warden.plugin.internal.throttle;

import dev.warden.plugin.throttle.PostAttempt;
import dev.warden.plugin.throttle.ThrottleDecision;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The throttle in shared mode against the machine's Redis (127.0.0.1:6379), one thread:
 *
 * <ul>
 *   <li>{@code allowedShared}: every comment passes the local checks and Redis (one round trip each), spread over
 *       1024 anonymous posters so that no allowance runs out;
 *   <li>{@code refusedByOtherNode}: a poster admitted on another node (another throttle) is refused {@code too_fast}
 *       by Redis once, then from this node's near cache.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 3)
public class ThrottleSharedBenchmark {
  private static final int POSTERS = 1024;
  private static final String COMMENT = "I have been following the reporting from the front line for weeks now and"
      + " this piece finally explains why the evacuation corridors keep failing. ";

  private final BenchTime time = new BenchTime();
  private final String prefix = "warden-bench:" + UUID.randomUUID() + ":";
  private CaffeineThrottle allowing;
  private CaffeineThrottle refusing;
  private CaffeineThrottle other;
  private PostAttempt[] attempts;
  private int next;

  @Setup
  public void setUp() {
    var loose = BenchTime.config("""
        limits: {default: {min-interval: 0s, max: 1000, window: 100ms, per-article: {max: 1000, window: 100ms}}}
        per-address: {max: 1000, window: 100ms}
        duplicates: {window: 1ms}
        surge: {floor: 100000000}
        shared: {mode: redis, redis-url: "redis://127.0.0.1:6379", key-prefix: "%s", timeout: 1s}
        """.formatted(prefix));
    allowing = shared(loose);
    attempts = new PostAttempt[POSTERS];
    for (int i = 0; i < POSTERS; i++) {
      String key = "ip:10.0." + (i >> 8) + "." + (i & 255);
      attempts[i] = new PostAttempt(key, key, "a" + (i & 15), false, COMMENT + i);
    }
    var strict = BenchTime.config("""
        limits: {default: {min-interval: 10m, max: 10, window: 1h, per-article: {max: 20, window: 24h}}}
        shared: {mode: redis, redis-url: "redis://127.0.0.1:6379", key-prefix: "%s", timeout: 1s}
        """.formatted(prefix));
    other = shared(strict);
    refusing = shared(strict);
    expect(other.check(new PostAttempt("user:hammer", "ip:203.0.113.7", "a1", false, "first")), "none");
    expect(refusing.check(hammer()), ThrottleDecision.TOO_FAST);
    if (!allowing.status().mode().equals("shared") || allowing.status().degraded()) {
      throw new IllegalStateException("Redis is not usable: " + allowing.status().detail());
    }
  }

  private CaffeineThrottle shared(dev.warden.plugin.ThrottleConfig config) {
    return new CaffeineThrottle(config, config::policyLimits, RedisCounts.connect(config, time, Clock.systemUTC()),
        time, Clock.systemUTC());
  }

  private PostAttempt hammer() {
    return new PostAttempt("user:hammer", "ip:203.0.113.7", "a1", false, COMMENT + next++);
  }

  @Benchmark
  public ThrottleDecision allowedShared() {
    time.advance(1_000_000);
    return allowing.check(attempts[next++ & (POSTERS - 1)]);
  }

  @Benchmark
  public ThrottleDecision refusedByOtherNode() {
    return refusing.check(hammer());
  }

  @TearDown
  public void tearDown() {
    if (allowing.status().degraded()) {
      throw new IllegalStateException("fell back during the run: " + allowing.status().detail());
    }
    allowing.close();
    refusing.close();
    other.close();
    RedisClient client = RedisClient.create("redis://127.0.0.1:6379");
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      List<String> keys = new ArrayList<>();
      ScanIterator.scan(connection.sync(), ScanArgs.Builder.matches(prefix + "*").limit(1000))
          .forEachRemaining(keys::add);
      for (int i = 0; i < keys.size(); i += 1000) {
        connection.sync().del(keys.subList(i, Math.min(keys.size(), i + 1000)).toArray(String[]::new));
      }
    } finally {
      client.shutdown();
    }
  }

  private static void expect(ThrottleDecision decision, String reason) {
    if (!decision.reason().equals(reason)) {
      throw new IllegalStateException("expected " + reason + " but got " + decision);
    }
  }
}
