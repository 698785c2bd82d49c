package dev.warden.plugin;

import static dev.warden.plugin.TestConfigs.ABUSIVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.plugin.internal.models.WatchedModels;
import dev.warden.plugin.policy.ModelReload;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Swapping models while readers post: every post is answered (never a 500), by the old or the new models, and
 * posts complete while the new models load. Prints the load time and the latencies it measured.
 */
class ModelSwapUnderLoadTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int POSTERS = 4;

  @TempDir Path dir;

  /** One post as a reader saw it: when it started and ended (nanoTime), its status and model version. */
  record Post(long start, long end, int status, String model) {}

  Warden start(Path link, String interval) {
    return Warden.start(TestConfigs.config(dir.resolve("data"), """
        models:
          directory: "%s"
          reload: {watch: true, interval: %s}
        """.formatted(link, interval)));
  }

  @Test
  void postsDuringASwapAreAllAnsweredByTheOldOrTheNewModels() throws Exception {
    Path models = Files.createDirectories(dir.resolve("models"));
    Path link = models.resolve("current");
    Files.createSymbolicLink(link, ModelDirs.write(models, "v1", "v1"));
    Path v2 = ModelDirs.write(models, "v2", "v2");
    try (Warden warden = start(link, "1h"); TestSite site = TestSite.withFilter(warden)) {
      String body = JSON.writeValueAsString(Map.of("text", ABUSIVE, "author", "Olena"));
      site.postJson("/articles/peace-talks/comments", body); // warm up the connection and the classifier
      AtomicBoolean swapped = new AtomicBoolean();
      List<Post> posts = Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newFixedThreadPool(POSTERS);
      List<Future<?>> posters = new ArrayList<>();
      for (int i = 0; i < POSTERS; i++) {
        posters.add(pool.submit(() -> {
          int afterSwap = 0;
          while (afterSwap < 3) {
            boolean wasSwapped = swapped.get();
            long start = System.nanoTime();
            HttpResponse<String> response = site.postJson("/articles/peace-talks/comments", body);
            String model = response.headers().firstValue("X-Warden-Model").orElse(null);
            posts.add(new Post(start, System.nanoTime(), response.statusCode(), model));
            if (wasSwapped) {
              assertThat(model).as("a post sent after the swap").isEqualTo("v2");
              afterSwap++;
            }
          }
          return null;
        }));
      }
      Thread.sleep(300); // let the posters get going before the load starts
      ModelDirs.swap(link, v2);
      long loadStart = System.nanoTime();
      ModelReload reload = ((WatchedModels) warden.models()).poll();
      long loadEnd = System.nanoTime();
      swapped.set(true);
      for (Future<?> poster : posters) {
        poster.get();
      }
      pool.shutdown();

      assertThat(reload.outcome()).isEqualTo(ModelReload.Outcome.SWAPPED);
      assertThat(posts).allSatisfy(p -> {
        assertThat(p.status()).isEqualTo(202);
        assertThat(p.model()).isIn("v1", "v2");
      });
      List<Post> duringLoad = posts.stream().filter(p -> p.start() >= loadStart && p.end() <= loadEnd).toList();
      assertThat(duringLoad).as("posts that started and ended while the new models loaded").isNotEmpty();
      // The old models answer while the new ones load; poll() swaps just before it returns, so a post that started
      // in that last instant may already get v2 (seen once in CI under load). Blocked posts would leave none here.
      assertThat(duringLoad).as("posts answered by the old models while the new ones loaded")
          .anySatisfy(p -> assertThat(p.model()).isEqualTo("v1"));
      System.out.printf("Model swap under load: load+check %d ms; %d posts by %d readers, %d of them started and "
              + "finished during the load (max %d ms, median %d ms); all 202, versions v1/v2 only%n",
          reload.loadTime().toMillis(), posts.size(), POSTERS, duringLoad.size(), maxMillis(duringLoad),
          medianMillis(posts));
    }
  }

  @Test
  void theBackgroundWatchPutsASwappedDirectoryInForce() throws Exception {
    Path models = Files.createDirectories(dir.resolve("models"));
    Path link = models.resolve("current");
    Files.createSymbolicLink(link, ModelDirs.write(models, "v1", "v1"));
    try (Warden warden = start(link, "1s")) {
      ModelDirs.swap(link, ModelDirs.write(models, "v2", "v2"));

      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!warden.classifier().modelVersion().equals("v2") && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }

      assertThat(warden.classifier().modelVersion()).isEqualTo("v2");
      assertThat(warden.models().current().watched()).isTrue();
    }
  }

  static long maxMillis(List<Post> posts) {
    return posts.stream().mapToLong(p -> (p.end() - p.start()) / 1_000_000).max().orElse(0);
  }

  static long medianMillis(List<Post> posts) {
    long[] millis = posts.stream().mapToLong(p -> (p.end() - p.start()) / 1_000_000).sorted().toArray();
    return millis.length == 0 ? 0 : millis[millis.length / 2];
  }
}
