package dev.warden.plugin;

import static dev.warden.plugin.TestConfigs.ABUSIVE;
import static dev.warden.plugin.TestConfigs.BENIGN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.classifier.NarrativeDefinition;
import dev.warden.plugin.internal.models.WatchedModels;
import dev.warden.plugin.policy.ModelReload;
import dev.warden.plugin.store.Actor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * New models without a restart, over real HTTP: {@code models.directory} is a symlink that a deploy swaps
 * atomically; a poll (what the background thread does every {@code models.reload.interval}) puts the new models in
 * force for the next comment, and a half-written or broken directory never replaces working models.
 */
class ModelReloadTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final NarrativeDefinition ZEBRA = new NarrativeDefinition("zebra_parliament",
      "The zebra parliament takes orders from the moon", "A made-up claim.",
      List.of("the lighthouse on the moon broadcasts secret orders to the zebra parliament"),
      List.of("zebra parliament"), null);

  @TempDir Path dir;
  Path models;
  Path link;
  Warden warden;
  TestSite site;

  @BeforeEach
  void start() throws Exception {
    models = Files.createDirectories(dir.resolve("models"));
    link = models.resolve("current");
    Files.createSymbolicLink(link, ModelDirs.write(models, "v1", "v1"));
    warden = Warden.start(TestConfigs.config(dir.resolve("data"), """
        models:
          directory: "%s"
          reload: {watch: true, interval: 1h}
        """.formatted(link)));
    site = TestSite.withFilter(warden);
  }

  @AfterEach
  void stop() throws Exception {
    site.close();
    warden.close();
  }

  /** What the background thread does every interval, now. */
  ModelReload poll() {
    return ((WatchedModels) warden.models()).poll();
  }

  /** Posts an abusive comment (held: a 202 JSON answer) and returns the answer's model version. */
  String modelOfNextVerdict() throws Exception {
    HttpResponse<String> response = site.postJson("/articles/peace-talks/comments",
        JSON.writeValueAsString(Map.of("text", ABUSIVE, "author", "Olena")));
    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode body = JSON.readTree(response.body());
    String version = body.get("modelVersion").asText();
    assertThat(response.headers().firstValue("X-Warden-Model")).hasValue(version);
    Object stored = warden.comments().find(body.get("id").asText()).orElseThrow().explanation().get("model");
    assertThat(stored).isEqualTo(version);
    return version;
  }

  @Test
  void aSwappedSymlinkPutsTheNewModelsInForceForTheNextComment() throws Exception {
    assertThat(modelOfNextVerdict()).isEqualTo("v1");
    assertThat(warden.models().current().directory()).isEqualTo(models.resolve("v1").toRealPath());
    Path v2 = ModelDirs.write(models, "v2", "v2");

    ModelDirs.swap(link, v2);
    ModelReload reload = poll();

    assertThat(reload.outcome()).isEqualTo(ModelReload.Outcome.SWAPPED);
    assertThat(reload.previousVersion()).isEqualTo("v1");
    assertThat(reload.version()).isEqualTo("v2");
    assertThat(reload.loadTime()).isPositive();
    assertThat(modelOfNextVerdict()).isEqualTo("v2");
    assertThat(warden.classifier().modelVersion()).isEqualTo("v2");
    assertThat(warden.models().current().version()).isEqualTo("v2");
    assertThat(warden.models().current().directory()).isEqualTo(v2.toRealPath());
  }

  @Test
  void aPassedOnCommentNamesItsModelInAHeader() throws Exception {
    HttpResponse<String> response = site.postJson("/articles/peace-talks/comments",
        JSON.writeValueAsString(Map.of("text", BENIGN, "author", "Olena")));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("X-Warden-Model")).hasValue("v1");
  }

  @Test
  void anUnchangedDirectoryIsNotLoadedAgain() throws Exception {
    assertThat(poll()).isNull();
    assertThat(warden.models().current().version()).isEqualTo("v1");
  }

  @Test
  void aHalfWrittenDirectoryIsRefusedAndTriedAgainOnceItIsComplete() throws Exception {
    Path v2 = ModelDirs.write(models, "v2", "v2");
    Files.delete(v2.resolve("manifest.json"));
    ModelDirs.swap(link, v2);

    String log = warnings(() -> {
      ModelReload refused = poll();
      assertThat(refused.outcome()).isEqualTo(ModelReload.Outcome.REFUSED);
      assertThat(refused.error()).contains("no manifest.json");
      assertThat(refused.version()).isEqualTo("v1");
    });

    assertThat(log).contains("WARN").contains("refused").contains("keeping v1 in force");
    assertThat(modelOfNextVerdict()).isEqualTo("v1");
    assertThat(poll()).as("the same directory is not tried again").isNull();
    ModelDirs.writeManifest(v2, "v2");
    assertThat(poll().outcome()).isEqualTo(ModelReload.Outcome.SWAPPED);
    assertThat(modelOfNextVerdict()).isEqualTo("v2");
  }

  @Test
  void aManifestListingAMissingModelIsRefused() throws Exception {
    Path v2 = ModelDirs.write(models, "v2", "v2");
    Files.delete(v2.resolve("threat.bin"));
    ModelDirs.swap(link, v2);

    ModelReload refused = poll();

    assertThat(refused.outcome()).isEqualTo(ModelReload.Outcome.REFUSED);
    assertThat(refused.error()).contains("threat.bin is missing");
    assertThat(modelOfNextVerdict()).isEqualTo("v1");
  }

  @Test
  void aCorruptModelFileIsRefusedWithAWarning() throws Exception {
    Path v2 = ModelDirs.write(models, "v2", "v2");
    byte[] abuse = Files.readAllBytes(v2.resolve("abuse.bin"));
    Files.write(v2.resolve("abuse.bin"), java.util.Arrays.copyOf(abuse, abuse.length / 3));
    ModelDirs.swap(link, v2);

    String log = warnings(() -> assertThat(poll().outcome()).isEqualTo(ModelReload.Outcome.REFUSED));

    assertThat(log).contains("WARN").contains(v2.toRealPath().toString()).contains("keeping v1 in force");
    assertThat(modelOfNextVerdict()).isEqualTo("v1");
    assertThat(warden.models().current().directory()).isEqualTo(models.resolve("v1").toRealPath());
  }

  @Test
  void aDanglingSymlinkKeepsTheModelsInForce() throws Exception {
    ModelDirs.swap(link, models.resolve("not-there-yet"));

    assertThat(poll()).isNull();
    assertThat(warden.models().reload().error()).contains("cannot read");
    assertThat(modelOfNextVerdict()).isEqualTo("v1");
  }

  @Test
  void anExplicitReloadLoadsTheDirectoryEvenIfUnchanged() throws Exception {
    ModelReload reload = warden.models().reload();

    assertThat(reload.outcome()).isEqualTo(ModelReload.Outcome.SWAPPED);
    assertThat(reload.previousVersion()).isEqualTo("v1");
    assertThat(reload.version()).isEqualTo("v1");
  }

  @Test
  void publishersNarrativesSurviveAModelSwap() throws Exception {
    warden.narratives().save(ZEBRA, new Actor("publisher", "127.0.0.1"));
    ModelDirs.swap(link, ModelDirs.write(models, "v2", "v2"));

    assertThat(poll().outcome()).isEqualTo(ModelReload.Outcome.SWAPPED);

    assertThat(warden.classifier().modelVersion()).isEqualTo("v2");
    assertThat(warden.classifier().narratives()).extracting(NarrativeDefinition::id).contains("zebra_parliament");
    assertThat(warden.classifier().classify(
        "the lighthouse on the moon is broadcasting secret orders to the zebra parliament").narratives())
        .extracting(m -> m.id()).contains("zebra_parliament");
    assertThat(warden.narratives().find("zebra_parliament")).isPresent();
  }

  @Test
  void aNarrativeChangeAfterASwapKeepsTheNewModels() throws Exception {
    ModelDirs.swap(link, ModelDirs.write(models, "v2", "v2"));
    poll();

    warden.narratives().save(ZEBRA, new Actor("publisher", "127.0.0.1"));

    assertThat(warden.classifier().modelVersion()).isEqualTo("v2");
    assertThat(warden.classifier().narratives()).extracting(NarrativeDefinition::id).contains("zebra_parliament");
  }

  /** What Warden logged to stderr (slf4j-simple's target) while {@code action} ran. */
  static String warnings(ThrowingRunnable action) throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    original.print(log);
    return log;
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }
}
