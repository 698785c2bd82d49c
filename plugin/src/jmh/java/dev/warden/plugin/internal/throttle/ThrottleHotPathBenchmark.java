package dev.warden.plugin.internal.throttle;

import dev.warden.plugin.throttle.PostAttempt;
import dev.warden.plugin.throttle.ThrottleDecision;
import java.time.Clock;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One known poster, one thread, ~300-character comments (a different one each time, so that the refused path is
 * {@code too_fast} and not {@code duplicate}):
 *
 * <ul>
 *   <li>{@code refused}: the poster hammers with the default limits and is refused {@code too_fast}
 *       ({@code refusedNonAscii}: the same with Ukrainian text, which goes through NFKC);
 *   <li>{@code allowed}: limits loose enough (no minimum interval, 1000 per 100ms, duplicates forgotten after 1ms;
 *       surge floor out of reach) that every comment passes every check and is recorded, with time moving 1ms per
 *       comment.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class ThrottleHotPathBenchmark {
  private static final int TEXTS = 1024;
  private static final long ONE_MS = 1_000_000;
  private static final String COMMENT = "I have been following the reporting from the front line for weeks now and"
      + " this piece finally explains why the evacuation corridors keep failing. The part about the convoy"
      + " schedules being leaked was new to me. Could you publish the sources for the casualty figures as well?"
      + " Thank you for the careful work. ";
  private static final String UKRAINIAN = "Я стежу за репортажами з фронту вже кілька тижнів, і ця стаття нарешті"
      + " пояснює, чому гуманітарні коридори постійно зриваються. Про витік графіків колон я не знав. Чи могли б"
      + " ви опублікувати джерела даних про втрати? Дякую за сумлінну роботу. ";

  private final BenchTime refusedTime = new BenchTime();
  private final BenchTime allowedTime = new BenchTime();
  private CaffeineThrottle refusing;
  private CaffeineThrottle allowing;
  private PostAttempt[] english;
  private PostAttempt[] ukrainian;
  private int next;

  @Setup
  public void setUp() {
    english = attempts(COMMENT);
    ukrainian = attempts(UKRAINIAN);
    refusing = new CaffeineThrottle(BenchTime.config(""), refusedTime, Clock.systemUTC());
    refusing.check(new PostAttempt("user:hammer", "ip:203.0.113.7", "a1", false, "first comment"));
    expect(refusing.check(english[0]), ThrottleDecision.TOO_FAST);
    expect(refusing.check(ukrainian[0]), ThrottleDecision.TOO_FAST);

    allowing = new CaffeineThrottle(BenchTime.config("""
        limits: {default: {min-interval: 0s, max: 1000, window: 100ms, per-article: {max: 1000, window: 10ms}}}
        per-address: {max: 1000, window: 100ms}
        duplicates: {window: 1ms}
        surge: {floor: 100000000}
        """), allowedTime, Clock.systemUTC());
    for (int i = 0; i < 10 * TEXTS; i++) {
      expect(allowed(), "none");
    }
  }

  @Benchmark
  public ThrottleDecision refused() {
    return refusing.check(english[next++ & (TEXTS - 1)]);
  }

  @Benchmark
  public ThrottleDecision refusedNonAscii() {
    return refusing.check(ukrainian[next++ & (TEXTS - 1)]);
  }

  @Benchmark
  public ThrottleDecision allowed() {
    allowedTime.advance(ONE_MS);
    return allowing.check(english[next++ & (TEXTS - 1)]);
  }

  /** The text identity alone (normalise and hash a ~300-character ASCII comment), part of every check. */
  @Benchmark
  public TextFingerprint textFingerprint() {
    return TextFingerprint.of(english[next++ & (TEXTS - 1)].text());
  }

  private static PostAttempt[] attempts(String base) {
    PostAttempt[] attempts = new PostAttempt[TEXTS];
    for (int i = 0; i < TEXTS; i++) {
      attempts[i] = new PostAttempt("user:hammer", "ip:203.0.113.7", "a1", false, base + "#" + i);
    }
    return attempts;
  }

  private static void expect(ThrottleDecision decision, String reason) {
    if (!decision.reason().equals(reason)) {
      throw new IllegalStateException("benchmark set up wrong: expected " + reason + ", got " + decision);
    }
  }
}
