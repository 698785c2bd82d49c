package dev.warden.plugin.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.plugin.StoreConfig;
import dev.warden.plugin.store.Decision;
import dev.warden.plugin.store.NewComment;
import dev.warden.plugin.store.Submission;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A benchmark, not a test (surefire does not pick it up; run it by name): held comments saved into the store at a
 * fixed rate, open loop, as {@code SubmissionHandler} saves them, with the store's background work (the insert
 * journal's writer and H2 compaction slices) running as in production. Prints the latency of each save counted
 * from when it was due (so a save that waited behind a compaction slice counts its wait), and the store file's
 * size every 15 s.
 *
 * <p>p96 is printed because in {@code load.sh}'s mix about a quarter of the posts are held, so the p99 of all
 * posts falls near the held posts' p96.
 *
 * <pre>
 * mvn -B -o -q -pl plugin -am test -Dtest=H2HeldCommentBench -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Djacoco.skip=true -Dbench.rate=45 -Dbench.seconds=60 [-Dbench.url=jdbc:h2:mem:bench]
 *     [-Dbench.url-options=;COMPRESS=TRUE]
 * cat plugin/target/surefire-reports/*H2HeldCommentBench-output.txt
 * </pre>
 */
class H2HeldCommentBench {
  private static final String[] WORDS = ("the war strike bridge troops border army missile city people report news"
      + " said government soldiers attack drone night civilians wounded front line tanks weapons west east peace"
      + " talks lies propaganda fake truth moderator shame idiot traitor").split(" ");

  @TempDir Path dir;

  @Test
  void heldCommentsAtAFixedRate() throws Exception {
    double rate = Double.parseDouble(System.getProperty("bench.rate", "45"));
    int seconds = Integer.getInteger("bench.seconds", 60);
    int warmUp = (int) (rate * Integer.getInteger("bench.warmup-seconds", 15));
    Path file = dir.resolve("bench.mv.db");
    String url = System.getProperty("bench.url", "jdbc:h2:file:" + dir.resolve("bench"))
        + System.getProperty("bench.url-options", "");
    try (JdbcCommentStore store = JdbcCommentStore.open(new StoreConfig(url, "", "", 8), Clock.systemUTC())) {
      int total = warmUp + (int) (rate * seconds);
      ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
      AtomicInteger failures = new AtomicInteger();
      CountDownLatch done = new CountDownLatch(total);
      ScheduledExecutorService due = Executors.newScheduledThreadPool(16);
      ScheduledExecutorService sizes = Executors.newSingleThreadScheduledExecutor();
      List<String> sizeTrace = new ArrayList<>();
      sizes.scheduleAtFixedRate(() -> sizeTrace.add(megabytes(file)), 15, 15, TimeUnit.SECONDS);
      Random random = new Random(7);
      long start = System.nanoTime() + 200_000_000L;
      for (int i = 0; i < total; i++) {
        long at = start + (long) (i * 1e9 / rate);
        NewComment comment = heldComment(random, i);
        boolean measured = i >= warmUp;
        due.schedule(() -> {
          try {
            store.saveWithStatusToken(comment);
            if (measured) {
              nanos.add(System.nanoTime() - at);
            }
          } catch (RuntimeException e) {
            failures.incrementAndGet();
          } finally {
            done.countDown();
          }
        }, at - System.nanoTime(), TimeUnit.NANOSECONDS);
      }
      done.await();
      due.shutdown();
      sizes.shutdownNow();

      List<Long> sorted = nanos.stream().sorted().toList();
      System.out.printf("held comments at %.0f/s for %d s (after %d warm-up saves): %d saved, %d failed;"
          + " latency from due p50 %.2f, p90 %.2f, p96 %.2f, p99 %.2f, p99.9 %.2f, max %.2f ms; file %s MB%n",
          rate, seconds, warmUp, sorted.size(), failures.get(), millis(sorted, 0.5), millis(sorted, 0.9),
          millis(sorted, 0.96), millis(sorted, 0.99), millis(sorted, 0.999), millis(sorted, 1), megabytes(file));
      System.out.println("file MB every 15 s: " + String.join(" ", sizeTrace));
      assertThat(failures).hasValue(0);
    }
  }

  private static NewComment heldComment(Random random, int number) {
    StringBuilder text = new StringBuilder();
    for (int w = 10 + random.nextInt(60); w > 0; w--) {
      text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
    }
    text.append(number);
    String poster = "ip:10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
    String article = "article-" + random.nextInt(20);
    byte[] body = ("author=Olena&text=" + text).getBytes(StandardCharsets.UTF_8);
    Submission submission = new Submission("POST", "/articles/" + article + "/comments",
        "application/x-www-form-urlencoded; charset=UTF-8", body);
    return new NewComment(article, poster, "Olena", text.toString(), submission,
        Map.of("abuse", 0.91, "disinformation", 0.125),
        Map.of("model", "warden-en-1", "terms", Map.of("abuse", List.of("idiot", "traitor"))),
        Decision.HOLD, "abuse_hold", Instant.now());
  }

  private static double millis(List<Long> sorted, double quantile) {
    int index = Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(quantile * sorted.size()) - 1));
    return sorted.get(index) / 1e6;
  }

  private static String megabytes(Path file) {
    try {
      return Files.exists(file) ? String.format("%.0f", Files.size(file) / 1048576.0) : "-";
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}
