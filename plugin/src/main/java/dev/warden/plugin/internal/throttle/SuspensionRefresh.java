package dev.warden.plugin.internal.throttle;

import dev.warden.plugin.store.PosterSuspensions;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the throttle's in-memory suspension list in step with the store: loaded once at start (a store that cannot
 * be read fails start-up), then re-read every {@code throttle.suspensions.refresh} so that suspensions made on
 * other nodes, and ones that ended, take effect. A failed refresh keeps the last list and is retried at the next
 * tick: the request path never waits for the database. Thread-safe.
 */
public final class SuspensionRefresh implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SuspensionRefresh.class);

  private final PosterSuspensions store;
  private final CaffeineThrottle throttle;
  private final Clock clock;
  private final ScheduledExecutorService worker;

  private SuspensionRefresh(PosterSuspensions store, CaffeineThrottle throttle, Clock clock) {
    this.store = store;
    this.throttle = throttle;
    this.clock = clock;
    this.worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "warden-suspensions");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Loads the suspensions in force now, then refreshes them every {@code every}. */
  public static SuspensionRefresh start(PosterSuspensions store, CaffeineThrottle throttle, Duration every,
      Clock clock) {
    SuspensionRefresh refresh = new SuspensionRefresh(store, throttle, clock);
    refresh.load();
    long millis = Math.max(1, every.toMillis());
    refresh.worker.scheduleWithFixedDelay(refresh::refresh, millis, millis, TimeUnit.MILLISECONDS);
    return refresh;
  }

  /** Re-reads the store now (also what the schedule runs). */
  public void refresh() {
    try {
      load();
    } catch (RuntimeException e) {
      LOG.warn("Could not refresh poster suspensions; keeping the last list: {}", e.toString());
    }
  }

  /** Synchronized: a read and its replace never interleave with another refresh's, so the latest read wins. */
  private synchronized void load() {
    throttle.replaceSuspensions(store.active(clock.instant(), PosterSuspensions.MAX_ACTIVE));
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
