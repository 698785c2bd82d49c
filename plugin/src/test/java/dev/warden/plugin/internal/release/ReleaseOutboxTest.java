package dev.warden.plugin.internal.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.plugin.ReleaseConfig;
import dev.warden.plugin.StoreConfig;
import dev.warden.plugin.store.AuditEvent;
import dev.warden.plugin.internal.store.Comments;
import dev.warden.plugin.internal.store.JdbcCommentStore;
import dev.warden.plugin.internal.store.MutableClock;
import dev.warden.plugin.spi.CommentReleaser;
import dev.warden.plugin.store.CommentStatus;
import dev.warden.plugin.store.HeldComment;
import dev.warden.plugin.store.ReleaseClaim;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release outbox against a real site on embedded Jetty and a real H2 store. */
class ReleaseOutboxTest {
  static final String SECRET = "a-release-secret-that-is-long-enough-0123";
  static final Duration LEASE = Duration.ofSeconds(30);
  static final Duration NEVER = Duration.ofHours(1); // poll interval when only wake() should act

  @TempDir Path dir;
  private final List<AutoCloseable> resources = new ArrayList<>();
  private StoreConfig storeConfig;
  private JdbcCommentStore store;
  private SiteServer site;

  @BeforeEach
  void startSite() throws Exception {
    storeConfig = new StoreConfig("jdbc:h2:file:" + dir.resolve("warden"), "", "", 4);
    store = open(Clock.systemUTC());
    site = closing(new SiteServer(new ReleaseSignature(SECRET), store));
  }

  @AfterEach
  void stopAll() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  private <T extends AutoCloseable> T closing(T resource) {
    resources.add(resource);
    return resource;
  }

  private JdbcCommentStore open(Clock clock) {
    return closing(JdbcCommentStore.open(storeConfig, clock));
  }

  private ReleaseConfig config(Duration pollInterval, Duration initialBackoff, int maxAttempts) {
    return new ReleaseConfig("http", site.uri(), SECRET, pollInterval, LEASE, initialBackoff,
        initialBackoff.multipliedBy(4), maxAttempts, Duration.ofSeconds(5));
  }

  private ReleaseOutbox start(JdbcCommentStore on, ReleaseConfig config, Clock clock) {
    return closing(ReleaseOutbox.start(on, new HttpReplayReleaser(config), config, clock));
  }

  private HeldComment approved(JdbcCommentStore on, String text) {
    HeldComment held = on.save(Comments.held("war-in-sudan", text, Instant.parse("2026-03-01T10:00:00Z")));
    return on.approve(held.id(), "maria");
  }

  private CommentStatus status(String id) {
    return store.find(id).orElseThrow().status();
  }

  @Test
  void anApprovedCommentIsDeliveredExactlyOnceWhenTheOutboxIsWoken() {
    ReleaseOutbox outbox = start(store, config(NEVER, Duration.ofMillis(10), 3), Clock.systemUTC());
    HeldComment comment = approved(store, "a fair point");

    outbox.wake();

    eventually(() -> status(comment.id()) == CommentStatus.DELIVERED);
    assertThat(site.received).singleElement().satisfies(r -> {
      assertThat(r.accepted()).isTrue();
      assertThat(r.method()).isEqualTo("POST");
      assertThat(r.path()).isEqualTo(comment.submission().path());
      // Jetty's header cache hands back its own spelling of well-known values (charset=utf-8).
      assertThat(r.contentType()).isEqualToIgnoringCase(comment.submission().contentType());
      assertThat(r.body()).isEqualTo(comment.submission().body());
    });
    assertThat(store.claimNextDelivery(LEASE)).as("nothing left to deliver").isEmpty();
    assertThat(store.auditTrail(comment.id())).extracting(AuditEvent::action).containsExactly("approve", "delivered");
  }

  @Test
  void aSiteAnswering500IsRetriedWithBackoffThenDeliveryFails() {
    site.status = 500;
    Duration backoff = Duration.ofMillis(50);
    start(store, config(Duration.ofMillis(5), backoff, 2), Clock.systemUTC());
    HeldComment comment = approved(store, "x");

    eventually(() -> status(comment.id()) == CommentStatus.DELIVERY_FAILED);

    HeldComment failed = store.find(comment.id()).orElseThrow();
    assertThat(failed.deliveryAttempts()).isEqualTo(2);
    assertThat(failed.lastDeliveryError()).contains("HTTP 500");
    assertThat(site.received).hasSize(2);
    long gap = site.received.get(1).nanoTime() - site.received.get(0).nanoTime();
    assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(backoff);
    assertThat(store.auditTrail(comment.id())).extracting(AuditEvent::action)
        .containsExactly("approve", "delivery_retry", "delivery_failed");
  }

  @Test
  void aReplayedOrForgedReleaseHeaderIsRefused() throws Exception {
    start(store, config(Duration.ofMillis(20), Duration.ofMillis(10), 3), Clock.systemUTC());
    HeldComment comment = approved(store, "x");
    eventually(() -> status(comment.id()) == CommentStatus.DELIVERED);
    SiteServer.Received genuine = site.delivered().get(0);
    String forged = new ReleaseSignature("another-secret-that-is-also-long-enough!")
        .sign(comment.id(), "some-nonce", genuine.body());

    assertThat(post(genuine.path(), genuine.releaseHeader(), genuine.body())).as("replayed").isEqualTo(403);
    assertThat(post(genuine.path(), forged, genuine.body())).as("forged").isEqualTo(403);
    assertThat(site.delivered()).hasSize(1);
  }

  private int post(String path, String releaseHeader, byte[] body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(site.uri().resolve(path))
        .header(ReleaseSignature.HEADER, releaseHeader)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void aKilledWorkersLeaseExpiresAndAnotherWorkerDeliversIt() throws Exception {
    // The site's filter checks the lease on the real clock, so the nodes' clock starts at the real time.
    MutableClock clock = new MutableClock(Instant.now());
    JdbcCommentStore nodeA = open(clock);
    JdbcCommentStore nodeB = open(clock);
    CountDownLatch claimed = new CountDownLatch(1);
    List<Thread> workerThreads = new CopyOnWriteArrayList<>();
    CommentReleaser hanging = claim -> {
      workerThreads.add(Thread.currentThread());
      claimed.countDown();
      new CountDownLatch(1).await(); // a site that never answers
    };
    ReleaseConfig config = config(NEVER, Duration.ofMillis(10), 3);
    ReleaseOutbox outboxA = closing(ReleaseOutbox.start(nodeA, hanging, config, clock));
    HeldComment comment = approved(nodeA, "x");
    outboxA.wake();
    assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();

    long killedAt = System.nanoTime();
    outboxA.close();

    assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofSeconds(2));
    assertThat(workerThreads).singleElement().satisfies(t -> {
      assertThat(t.getName()).isEqualTo("warden-release");
      assertThat(t.isDaemon()).isTrue();
    });
    assertThat(nodeB.claimNextDelivery(LEASE)).as("still leased by the dead worker").isEmpty();
    clock.advance(LEASE.plusSeconds(1));

    start(nodeB, config, clock);

    eventually(() -> status(comment.id()) == CommentStatus.DELIVERED);
    assertThat(site.delivered()).hasSize(1);
    assertThat(store.find(comment.id()).orElseThrow().deliveryAttempts()).as("the kill is not an attempt").isZero();
  }

  @Test
  void aReleaserThatThrowsDoesNotStopTheWorker() {
    List<String> delivered = new CopyOnWriteArrayList<>();
    HeldComment bad = approved(store, "bad");
    CommentReleaser flaky = claim -> {
      if (claim.comment().id().equals(bad.id())) {
        throw new IllegalStateException("site plugin bug");
      }
      delivered.add(claim.comment().id());
    };
    ReleaseConfig config = config(NEVER, Duration.ofMillis(10), 1);
    ReleaseOutbox outbox = closing(ReleaseOutbox.start(store, flaky, config, Clock.systemUTC()));
    eventually(() -> status(bad.id()) == CommentStatus.DELIVERY_FAILED);

    HeldComment good = approved(store, "good");
    outbox.wake();

    eventually(() -> status(good.id()) == CommentStatus.DELIVERED);
    assertThat(delivered).containsExactly(good.id());
    assertThat(store.find(bad.id()).orElseThrow().lastDeliveryError()).contains("site plugin bug");
  }

  @Test
  void aDeliveryTheSiteNeverAnsweredIsNotRetriedBeforeItsLeaseEnds() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    ReleaseOutbox outbox = start(store, config(NEVER, Duration.ofSeconds(2), 5), clock);
    HeldComment comment = approved(store, "x");
    ReleaseClaim claim = new ReleaseClaim(comment, "nonce", clock.instant().plus(LEASE));
    Instant afterBackoff = clock.instant().plusSeconds(2);

    assertThat(outbox.retryAt(claim, new java.net.http.HttpTimeoutException("request timed out"), 1))
        .as("the site may still be storing it").isEqualTo(claim.leaseUntil());
    assertThat(outbox.retryAt(claim, new IllegalStateException("site plugin bug"), 1))
        .as("unknown outcome").isEqualTo(claim.leaseUntil());
    assertThat(outbox.retryAt(claim, new ReleaseRefusedException(comment.id(), 503), 1))
        .as("the site answered").isEqualTo(afterBackoff);
    assertThat(outbox.retryAt(claim, new java.net.ConnectException("Connection refused"), 1))
        .as("never reached the site").isEqualTo(afterBackoff);
  }

  @Test
  void backoffDoublesPerAttemptUpToTheCap() {
    Duration initial = Duration.ofSeconds(2);
    Duration max = Duration.ofSeconds(10);

    assertThat(List.of(0, 1, 2, 3, 1000).stream().map(n -> ReleaseOutbox.backoff(initial, max, n)))
        .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), max, max);
  }

  /** Polls an asynchronous effect until it shows or ten seconds pass. */
  static void eventually(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }
}
