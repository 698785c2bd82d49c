package dev.warden.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A load of comment posts from several client threads against one demo node, recording every answer: 70% benign
 * (published at once), 20% abusive and 10% disinformation on a conflict article (held). Every text is unique, so
 * a test can tell each comment apart on the article and in the queue. Each client thread gets its own HTTP client
 * from the supplier; posts to a node that was killed get no answer (status 0), which acknowledges nothing. With
 * {@code forms}, every other block of ten posts is sent as a browser form ({@code application/x-www-form-urlencoded},
 * redirects not followed), whose acknowledgement is a 303: to {@code ?comment=pending&status=...} when held (no
 * Warden id in it: a test finds the comment by its unique text), back to the article when published.
 */
final class CommentLoad implements AutoCloseable {
  /**
   * One post and what it got: the status (0 for no answer), the Warden id of a held JSON post, how long it took,
   * whether it was a form and the redirect ({@code Location}) a form post got.
   */
  record Post(String slug, String text, int status, String id, String retryAfter, long millis, long startedNanos,
      boolean form, String location) {
    /** Held for a moderator: 202, or a form's 303 to {@code ?comment=pending}. */
    boolean pending() {
      return status == 202 || status == 303 && location != null && location.contains("comment=pending");
    }

    /** On the article: 201, or a form's 303 straight back to the article. */
    boolean published() {
      return status == 201 || status == 303 && location != null && !location.contains("comment=");
    }

    boolean acknowledged() {
      return pending() || published();
    }
  }

  static final String BENIGN = "Thank you for the clear report, I hope everyone near the border stays safe.";
  private static final AtomicInteger RUN = new AtomicInteger();

  private final Supplier<DemoHttp> client;
  private final boolean forms;
  private final String prefix = "run" + RUN.incrementAndGet() + "-" + System.nanoTime();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicInteger next = new AtomicInteger();
  private final ExecutorService threads;
  final List<Post> posts = java.util.Collections.synchronizedList(new ArrayList<>());
  /** The ids of held comments, in the order they were held, for a moderator to take. */
  final BlockingQueue<Post> held = new LinkedBlockingQueue<>();

  CommentLoad(int clients, Supplier<DemoHttp> client) {
    this(clients, client, false);
  }

  /** A load that also posts browser forms (every other block of ten posts) if {@code forms}. */
  CommentLoad(int clients, Supplier<DemoHttp> client, boolean forms) {
    this.client = client;
    this.forms = forms;
    this.threads = Executors.newFixedThreadPool(clients);
    for (int i = 0; i < clients; i++) {
      threads.submit(this::postUntilStopped);
    }
  }

  private Void postUntilStopped() throws InterruptedException {
    DemoHttp http = client.get();
    while (running.get()) {
      Post post = postOne(http, next.getAndIncrement());
      posts.add(post);
      if (post.pending()) {
        held.add(post);
      }
      if (post.status == 0) {
        Thread.sleep(20); // the node is gone: do not spin while the test restarts it
      }
    }
    return null;
  }

  private Post postOne(DemoHttp http, int n) {
    String tag = " [" + prefix + "-" + n + "]";
    String slug;
    String text;
    if (n % 10 < 7) {
      slug = n % 2 == 0 ? DemoEndToEndTest.LOCAL : DemoEndToEndTest.CONFLICT;
      text = BENIGN + tag;
    } else if (n % 10 < 9) {
      slug = DemoEndToEndTest.CONFLICT;
      text = DemoEndToEndTest.ABUSE + tag;
    } else {
      slug = DemoEndToEndTest.CONFLICT;
      text = DemoEndToEndTest.DISINFORMATION + tag;
    }
    boolean form = forms && n / 10 % 2 == 1;
    long start = System.nanoTime();
    try {
      String path = "/articles/" + slug + "/comments";
      Map<String, String> fields = Map.of("author", "Load", "text", text);
      HttpResponse<String> answer = form ? http.postForm(path, fields)
          : http.postJson(path, DemoHttp.JSON.writeValueAsString(fields));
      String id = null;
      if (answer.statusCode() == 202) {
        JsonNode body = DemoHttp.JSON.readTree(answer.body());
        id = body.get("id").asText();
      }
      return new Post(slug, text, answer.statusCode(), id, answer.headers().firstValue("Retry-After").orElse(null),
          millisSince(start), start, form, answer.headers().firstValue("Location").orElse(null));
    } catch (Exception e) {
      // no answer: nothing acknowledged
      return new Post(slug, text, 0, null, null, millisSince(start), start, form, null);
    }
  }

  private static long millisSince(long start) {
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }

  /** A snapshot of the posts so far. */
  List<Post> snapshot() {
    synchronized (posts) {
      return List.copyOf(posts);
    }
  }

  long count(java.util.function.Predicate<Post> which) {
    return snapshot().stream().filter(which).count();
  }

  /** Stops posting and waits for the posts in flight. */
  @Override
  public void close() throws InterruptedException {
    running.set(false);
    threads.shutdown();
    if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
      threads.shutdownNow();
      throw new AssertionError("the load's clients did not stop");
    }
  }
}
