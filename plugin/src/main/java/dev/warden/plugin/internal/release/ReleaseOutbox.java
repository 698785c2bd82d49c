package dev.warden.plugin.internal.release;

import dev.warden.plugin.ReleaseConfig;
import dev.warden.plugin.internal.ops.LogContext;
import dev.warden.plugin.internal.ops.ModerationEvents;
import dev.warden.plugin.spi.CommentReleaser;
import dev.warden.plugin.store.HeldCommentStore;
import dev.warden.plugin.store.ReleaseClaim;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The release outbox worker: one daemon thread ({@value #THREAD_NAME}) that claims due approved comments from the
 * store, delivers them through a {@link CommentReleaser} and marks them delivered, or records the failure with
 * exponential backoff ({@code initial-backoff * 2^attempts}, capped at {@code max-backoff}) until
 * {@code max-attempts}, after which the comment is delivery_failed. It looks every {@code poll-interval}, or at
 * once after {@link #wake()}. Claims are leased in the store, so outboxes on several nodes can share a database,
 * and a comment whose worker died is taken over when its lease expires. Each delivery runs with the comment's id
 * in the log context ({@value LogContext#COMMENT}) and reports its result to {@link ModerationEvents}. Thread-safe.
 */
public final class ReleaseOutbox implements AutoCloseable {
  static final String THREAD_NAME = "warden-release";
  static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(ReleaseOutbox.class);

  private final HeldCommentStore store;
  private final CommentReleaser releaser;
  private final ReleaseConfig config;
  private final Clock clock;
  private final ModerationEvents events;
  private final ScheduledExecutorService worker;
  private final AtomicBoolean wakeQueued = new AtomicBoolean();
  private volatile boolean closed;

  private ReleaseOutbox(HeldCommentStore store, CommentReleaser releaser, ReleaseConfig config, Clock clock,
      ModerationEvents events) {
    this.store = Objects.requireNonNull(store, "store");
    this.releaser = Objects.requireNonNull(releaser, "releaser");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.events = Objects.requireNonNull(events, "events");
    this.worker = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, THREAD_NAME);
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Starts the worker; it looks for due deliveries at once, then every {@code poll-interval}. */
  public static ReleaseOutbox start(
      HeldCommentStore store, CommentReleaser releaser, ReleaseConfig config, Clock clock) {
    return start(store, releaser, config, clock, ModerationEvents.NONE);
  }

  /** Starts the worker, reporting every delivery attempt to {@code events}. */
  public static ReleaseOutbox start(HeldCommentStore store, CommentReleaser releaser, ReleaseConfig config,
      Clock clock, ModerationEvents events) {
    ReleaseOutbox outbox = new ReleaseOutbox(store, releaser, config, clock, events);
    long every = config.pollInterval().toMillis();
    outbox.worker.scheduleWithFixedDelay(outbox::drain, 0, Math.max(1, every), TimeUnit.MILLISECONDS);
    return outbox;
  }

  /** Asks the worker to look for due deliveries now (e.g. right after an approval). Never blocks. */
  public void wake() {
    if (closed || !wakeQueued.compareAndSet(false, true)) {
      return; // closing, or a wake-up is already queued and will see this approval too
    }
    try {
      worker.execute(() -> {
        wakeQueued.set(false);
        drain();
      });
    } catch (RejectedExecutionException e) {
      wakeQueued.set(false); // closed meanwhile
    }
  }

  /** Delivers everything that is due; never throws, so the schedule never stops. */
  private void drain() {
    try {
      while (!closed && deliverNext()) {
        // keep going while there is work
      }
    } catch (RuntimeException e) {
      LOG.warn("release outbox cannot use the store; will retry in {}: {}", config.pollInterval(), e.toString());
    }
  }

  private boolean deliverNext() {
    Optional<ReleaseClaim> claim = store.claimNextDelivery(config.lease());
    claim.ifPresent(this::deliver);
    return claim.isPresent();
  }

  private void deliver(ReleaseClaim claim) {
    try (LogContext.Scope scope = LogContext.comment(claim.comment().id())) {
      attempt(claim);
    }
  }

  private void attempt(ReleaseClaim claim) {
    String id = claim.comment().id();
    try {
      releaser.deliver(claim);
    } catch (InterruptedException e) {
      // Shutting down: not the site's fault, so no attempt is counted; the lease expires and a worker retries.
      Thread.currentThread().interrupt();
      LOG.info("release of comment {} interrupted; it will be retried after its lease", id);
      return;
    } catch (Exception | LinkageError e) {
      recordFailure(claim, e);
      return;
    }
    store.markDelivered(id);
    events.delivery(ModerationEvents.DELIVERED);
    LOG.info("comment {} delivered to the site", id);
  }

  private void recordFailure(ReleaseClaim claim, Throwable failure) {
    String id = claim.comment().id();
    int attempt = claim.comment().deliveryAttempts() + 1;
    Instant retryAt = attempt >= config.maxAttempts() ? null : retryAt(claim, failure, attempt);
    String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
    if (!store.recordDeliveryFailure(claim, error, retryAt)) {
      LOG.warn("release of comment {} failed after its lease was taken over or it was delivered; not counted: {}",
          id, error);
      return;
    }
    events.delivery(retryAt == null ? ModerationEvents.GAVE_UP : ModerationEvents.RETRY);
    if (retryAt == null) {
      LOG.warn("release of comment {} failed (attempt {} of {}), giving up: {}", id, attempt,
          config.maxAttempts(), error);
    } else {
      LOG.warn("release of comment {} failed (attempt {} of {}), retrying at {}: {}", id, attempt,
          config.maxAttempts(), retryAt, error);
    }
  }

  /**
   * When to try again: after the backoff, but if the site never answered (a timeout, a dropped connection, an
   * unknown releaser error) not before the claim's lease ends, because the site may still be storing the comment
   * and a retry before then could deliver it twice. A refusal (an HTTP status) or a connection that was never made
   * means the site is not storing it, so only the backoff applies.
   */
  Instant retryAt(ReleaseClaim claim, Throwable failure, int attempt) {
    Instant afterBackoff = clock.instant().plus(backoff(config.initialBackoff(), config.maxBackoff(), attempt - 1));
    if (siteSurelyNotStoring(failure) || afterBackoff.isAfter(claim.leaseUntil())) {
      return afterBackoff;
    }
    return claim.leaseUntil();
  }

  private static boolean siteSurelyNotStoring(Throwable failure) {
    return failure instanceof ReleaseRefusedException || failure instanceof ConnectException
        || failure instanceof HttpConnectTimeoutException;
  }

  /** {@code initial * 2^previousAttempts}, capped at {@code max} (without overflowing). */
  static Duration backoff(Duration initial, Duration max, int previousAttempts) {
    Duration delay = initial;
    for (int i = 0; i < previousAttempts && delay.compareTo(max) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(max) > 0 ? max : delay;
  }

  /** Stops the worker: interrupts a delivery in flight and waits a bounded time for the thread to end. */
  @Override
  public void close() {
    closed = true;
    worker.shutdownNow();
    try {
      if (!worker.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("release outbox did not stop within {}", CLOSE_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
