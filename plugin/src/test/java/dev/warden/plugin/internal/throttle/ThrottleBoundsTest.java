package dev.warden.plugin.internal.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.plugin.throttle.PostAttempt;
import dev.warden.plugin.throttle.ThrottleDecision;
import dev.warden.plugin.throttle.ThrottleDecision.Action;
import dev.warden.plugin.throttle.ThrottleReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Memory stays bounded under a flood of keys, and concurrent checks neither overshoot nor deadlock. */
class ThrottleBoundsTest {

  @Test
  void aFloodOfNewKeysIsEvictedDownToTheBound() {
    ThrottleFixture t = new ThrottleFixture("cache: {max-posters: 1000, max-texts: 1000, max-articles: 100}");
    for (int i = 0; i < 100_000; i++) {
      ThrottleDecision decision = t.post("ip:2001:db8:" + Integer.toHexString(i) + "::/64", "a" + (i % 1000),
          "a distinct comment number " + i + " that is long enough to be tracked as a text");
      assertThat(decision.action()).isNotEqualTo(Action.REFUSE);
    }
    t.throttle.cleanUp();

    ThrottleReport report = t.throttle.report(10);

    assertThat(report.trackedPosters()).isBetween(1L, 1000L);
    assertThat(report.evictions()).isGreaterThan(0);
  }

  @Test
  void concurrentAttemptsOfOnePosterGetExactlyItsAllowance() throws Exception {
    ThrottleFixture t = new ThrottleFixture("""
        limits: {default: {min-interval: 0s, max: 50, window: 10m, per-article: {max: 1000, window: 1h}}}
        per-address: {max: 1000, window: 10m}
        """);
    int threads = 8;
    List<Callable<Integer>> hammers = new ArrayList<>();
    for (int n = 0; n < threads; n++) {
      int thread = n;
      hammers.add(() -> {
        int allowed = 0;
        for (int i = 0; i < 1_000; i++) {
          PostAttempt attempt = new PostAttempt("user:bot", "ip:203.0.113.7", "a1", false, thread + " says " + i);
          allowed += t.throttle.check(attempt).action() == Action.REFUSE ? 0 : 1; // a surge may hold some
        }
        return allowed;
      });
    }

    assertThat(runAll(hammers)).isEqualTo(50);
  }

  @Test
  void postersAndAddressesLockedInOppositeRolesDoNotDeadlock() throws Exception {
    ThrottleFixture t = new ThrottleFixture("limits: {default: {min-interval: 0s, max: 1000}}");
    List<Callable<Integer>> crossing = new ArrayList<>();
    for (int n = 0; n < 4; n++) {
      boolean forward = n % 2 == 0;
      crossing.add(() -> {
        for (int i = 0; i < 20_000; i++) {
          String a = "ip:203.0.113." + (i % 3);
          String b = "ip:198.51.100." + (i % 3);
          t.throttle.check(new PostAttempt(forward ? a : b, forward ? b : a, "a1", false, "x"));
        }
        return 0;
      });
    }

    assertThat(runAll(crossing)).isZero(); // a deadlock would hang here; the timeout below ends the test
  }

  private static int runAll(List<Callable<Integer>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      int sum = 0;
      for (Future<Integer> result : pool.invokeAll(tasks, 30, TimeUnit.SECONDS)) {
        sum += result.get();
      }
      return sum;
    } finally {
      pool.shutdownNow();
    }
  }
}
