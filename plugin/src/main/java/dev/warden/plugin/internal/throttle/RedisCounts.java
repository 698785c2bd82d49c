package dev.warden.plugin.internal.throttle;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.plugin.ThrottleConfig;
import dev.warden.plugin.throttle.ThrottleDecision;
import dev.warden.plugin.throttle.ThrottleStatus;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shared counts in Redis ({@code throttle.shared.mode: redis}): one atomic Lua script per admitted comment checks
 * and counts the poster's interval and window, its allowance on the article and its address's allowance, each a
 * sorted set of comment times that expires with its window. Times are the nodes' wall clocks in milliseconds (kept
 * in step by NTP), so a skew of a few milliseconds between nodes shifts the intervals by as much.
 *
 * <p>Refusals are remembered locally until their retry-after ({@link RefusalNearCache}), so a refused poster who
 * keeps trying costs no round trip. When Redis fails or does not answer within {@code throttle.shared.timeout},
 * the comment is decided by this node's own counts (which are always kept), the status says so, and Redis is
 * tried again after {@code throttle.shared.retry} ({@link RedisLink}).
 *
 * <p>Thread-safe.
 */
public final class RedisCounts implements SharedCounts {
  private static final String SCRIPT = loadScript();
  private static final String SHA = sha1(SCRIPT);
  private static final String[] REASONS = {ThrottleDecision.TOO_FAST, ThrottleDecision.TOO_MANY};

  private final RedisLink link;
  private final RefusalNearCache refusals;
  private final String prefix;
  private final long timeout;
  private final Clock clock;
  /** Makes each comment's member unique across nodes. */
  private final String node = UUID.randomUUID().toString().substring(0, 8);
  private final AtomicLong sequence = new AtomicLong();

  private RedisCounts(ThrottleConfig.Shared config, long maxPosters, Ticker ticker, Clock clock) {
    this.prefix = config.keyPrefix();
    this.timeout = config.timeout().toNanos();
    this.clock = clock;
    this.refusals = new RefusalNearCache(maxPosters, ticker);
    this.link = RedisLink.open(config, ticker);
  }

  /**
   * Connects to the Redis of {@code config.shared()} (waiting at most two seconds; a node that cannot reach it
   * starts degraded and keeps trying).
   */
  public static RedisCounts connect(ThrottleConfig config, Ticker ticker, Clock clock) {
    return new RedisCounts(config.shared(), config.cache().maxPosters(), ticker, clock);
  }

  @Override
  public ThrottleDecision admit(SharedAttempt attempt, long now) {
    ThrottleDecision known = refusals.refusal(attempt, now);
    if (known != null) {
      return known;
    }
    StatefulRedisConnection<String, String> connection = link.connection();
    if (connection == null) {
      return null;
    }
    List<Object> result;
    try {
      result = run(connection, keys(attempt), arguments(attempt));
    } catch (TimeoutException e) {
      link.timedOut("did not answer within " + Duration.ofNanos(timeout).toMillis() + " ms");
      return null;
    } catch (ExecutionException | RuntimeException e) {
      link.failed("failed: " + link.describe(e));
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    link.succeeded();
    ThrottleDecision refusal = refusal(result);
    if (refusal != null) {
      refusals.remember(attempt, refusal.reason(), refusal.retryAfter(), now);
    }
    return refusal;
  }

  /** Runs the script by its digest, loading it first if this Redis has not seen it; all within the timeout. */
  private List<Object> run(StatefulRedisConnection<String, String> connection, String[] keys, String[] arguments)
      throws TimeoutException, ExecutionException, InterruptedException {
    long deadline = System.nanoTime() + timeout;
    try {
      return await(connection.async().evalsha(SHA, ScriptOutputType.MULTI, keys, arguments), deadline);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof RedisNoScriptException)) {
        throw e;
      }
      return await(connection.async().eval(SCRIPT, ScriptOutputType.MULTI, keys, arguments), deadline);
    }
  }

  private static List<Object> await(RedisFuture<List<Object>> future, long deadline)
      throws TimeoutException, ExecutionException, InterruptedException {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(false);
      throw e;
    }
  }

  private String[] keys(SharedAttempt attempt) {
    String article = prefix + "article:" + Long.toHexString(attempt.articleHash()) + ":" + attempt.posterKey();
    return new String[] {prefix + "poster:" + attempt.posterKey(), article, prefix + "address:" + attempt.addressKey()};
  }

  private String[] arguments(SharedAttempt attempt) {
    return new String[] {
        Long.toString(clock.millis()), node + ":" + sequence.incrementAndGet(),
        Integer.toString(attempt.windowMax()), millis(attempt.window()), millis(attempt.minInterval()),
        Integer.toString(attempt.articleMax()), millis(attempt.articleWindow()), "0",
        // An anonymous poster's comments count for its address, but only a named poster is checked against it.
        attempt.checkAddress() ? Integer.toString(attempt.addressMax()) : "0", millis(attempt.addressWindow()), "0"};
  }

  /** Nanoseconds to whole milliseconds, rounded up so that no allowance gets shorter. */
  private static String millis(long nanos) {
    return Long.toString((nanos + 999_999) / 1_000_000);
  }

  private static ThrottleDecision refusal(List<Object> result) {
    int key = ((Number) result.get(0)).intValue();
    if (key == 0) {
      return null;
    }
    int kind = ((Number) result.get(1)).intValue();
    Duration retryAfter = Duration.ofMillis(Math.max(1, ((Number) result.get(2)).longValue()));
    String reason = switch (key) {
      case 1 -> REASONS[kind - 1];
      case 2 -> ThrottleDecision.ARTICLE_LIMIT;
      default -> ThrottleDecision.ADDRESS_LIMIT;
    };
    return ThrottleDecision.refuse(reason, retryAfter);
  }

  @Override
  public ThrottleStatus status() {
    return link.status();
  }

  @Override
  public void close() {
    link.close();
  }

  private static String loadScript() {
    try (InputStream in = RedisCounts.class.getResourceAsStream("shared-allowances.lua")) {
      if (in == null) {
        throw new IllegalStateException("shared-allowances.lua is missing from the plugin jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha1(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
