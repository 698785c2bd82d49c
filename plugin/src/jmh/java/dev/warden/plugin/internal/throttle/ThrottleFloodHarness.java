package dev.warden.plugin.internal.throttle;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.plugin.throttle.PostAttempt;
import dev.warden.plugin.throttle.ThrottleDecision;
import dev.warden.plugin.throttle.ThrottleReport;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * A flood of new posters against the default bounds: 1,000,000 distinct IPv6 /64 keys
 * ({@code ip:2001:db8:xxxx:xxxx::/64}), each posting one distinct ~200-character text to one of 1,000 articles, on
 * one thread with the real clock (the attempts are built outside the timing, a thousand at a time). Prints the
 * throughput per 100,000 keys (it should stay steady as the caches fill and start evicting), then the heap the
 * throttle holds after GC, the caches' sizes and the evictions. Run it with a small heap (-Xmx256m) to show that
 * memory stays bounded; the argument {@code histogram} also prints the live objects by class. See plugin/pom.xml,
 * profile {@code bench}.
 */
public final class ThrottleFloodHarness {
  private static final int KEYS = 1_000_000;
  private static final int SLICE = 100_000;
  private static final int CHUNK = 1_000;
  private static final int ARTICLES = 1_000;
  private static final String TEXT = "Another account posting for the first time: the reporting on the shelling of"
      + " the city is one-sided and the figures cannot be checked, publish the sources or retract the piece now. ";

  private ThrottleFloodHarness() {}

  public static void main(String[] args) {
    // A surge on each of the 1,000 articles is logged once; keep the output to the figures.
    System.setProperty("org.slf4j.simpleLogger.log." + SurgeDetector.class.getName(), "error");
    long before = usedHeapAfterGc();
    CaffeineThrottle throttle =
        new CaffeineThrottle(BenchTime.config(""), Ticker.systemTicker(), Clock.systemUTC());
    String[] articles = new String[ARTICLES];
    for (int i = 0; i < ARTICLES; i++) {
      articles[i] = "article-" + i;
    }
    Map<ThrottleDecision.Action, Long> actions = new EnumMap<>(ThrottleDecision.Action.class);
    System.out.printf(Locale.ROOT, "Flood: %,d new posters, one comment each, %,d articles, default bounds, max heap"
        + " %d MB%n", KEYS, ARTICLES, Runtime.getRuntime().maxMemory() >> 20);
    for (int start = 0; start < KEYS; start += SLICE) {
      long took = 0;
      for (int chunk = start; chunk < start + SLICE; chunk += CHUNK) {
        PostAttempt[] attempts = attempts(chunk, articles); // built outside the timing, small enough to stay cached
        long began = System.nanoTime();
        for (PostAttempt attempt : attempts) {
          actions.merge(throttle.check(attempt).action(), 1L, Long::sum);
        }
        took += System.nanoTime() - began;
      }
      System.out.printf(Locale.ROOT, "  keys %,9d-%,9d: %,10.0f checks/s%n", start, start + SLICE - 1,
          SLICE / (took / 1e9));
    }
    throttle.cleanUp();
    long after = usedHeapAfterGc();
    ThrottleReport report = throttle.report(10);
    System.out.printf(Locale.ROOT, "Decisions: %s%n", actions);
    System.out.printf(Locale.ROOT, "Heap held by the throttle after GC: %.1f MB%n", (after - before) / 1048576.0);
    System.out.printf(Locale.ROOT, "Estimated cache sizes: %s%n", throttle.estimatedSizes());
    System.out.printf(Locale.ROOT, "Tracked posters: %,d; evictions (size bound): %,d%n", report.trackedPosters(),
        report.evictions());
    if (List.of(args).contains("histogram")) {
      System.out.println(classHistogram().lines().limit(25).collect(Collectors.joining("\n")));
    }
    Reference.reachabilityFence(throttle);
  }

  /** The heap's live objects by class, largest first (what {@code jcmd <pid> GC.class_histogram} prints). */
  private static String classHistogram() {
    try {
      return (String) ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
    } catch (JMException e) {
      return "no class histogram: " + e;
    }
  }

  private static PostAttempt[] attempts(int start, String[] articles) {
    PostAttempt[] attempts = new PostAttempt[CHUNK];
    for (int i = 0; i < CHUNK; i++) {
      int n = start + i;
      String key = "ip:2001:db8:" + Integer.toHexString(n >>> 16) + ":" + Integer.toHexString(n & 0xFFFF) + "::/64";
      attempts[i] = new PostAttempt(key, key, articles[n % ARTICLES], false, TEXT + n);
    }
    return attempts;
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(100); // let concurrent GC work and reference processing settle
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
