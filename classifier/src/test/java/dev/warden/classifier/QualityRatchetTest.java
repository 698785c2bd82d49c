package dev.warden.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.classifier.internal.Metrics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The quality ratchet: the default bundled model, measured on real data we did not write ({@code ../shared/data}),
 * must not fall below the floors in {@code quality-floors.properties}. Those floors only go up as the model
 * improves; never lower one to make a change pass.
 *
 * <p>Skipped, loudly, when the shared data is absent (set {@code WARDEN_SHARED_DATA} to point at it elsewhere).
 * Reads the data to evaluate only; nothing from it enters the repository or the model.
 */
@Tag("quality")
class QualityRatchetTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double THRESHOLD = 0.5;

  private static Path data;
  private static Properties floors;
  private static Classifier classifier;

  @BeforeAll
  static void findData() throws IOException {
    Optional<Path> found = sharedData();
    if (found.isEmpty()) {
      System.err.println("""
          ##########################################################################
          ##  QualityRatchetTest SKIPPED: no shared data (../shared/data).        ##
          ##  The model's quality on real comments is NOT being checked.          ##
          ##  Set WARDEN_SHARED_DATA to the data directory to run it.             ##
          ##########################################################################""");
    }
    Assumptions.assumeTrue(found.isPresent(), "QUALITY RATCHET SKIPPED: ../shared/data not found (WARDEN_SHARED_DATA unset)");
    data = found.get();
    floors = new Properties();
    try (InputStream in = QualityRatchetTest.class.getResourceAsStream("quality-floors.properties")) {
      floors.load(in);
    }
    classifier = Classifier.loadDefault();
  }

  /** {@code WARDEN_SHARED_DATA}, else {@code ../shared/data} beside the project root (the module's {@code ../..}). */
  static Optional<Path> sharedData() {
    List<Path> candidates = new ArrayList<>();
    String env = System.getenv("WARDEN_SHARED_DATA");
    if (env != null && !env.isBlank()) {
      candidates.add(Path.of(env));
    }
    Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    candidates.add(module.resolve("../../shared/data").normalize());
    candidates.add(module.resolve("../shared/data").normalize());
    return candidates.stream().filter(p -> Files.isRegularFile(p.resolve("comments/labeled-dev.jsonl"))).findFirst();
  }

  @Test
  void realCommentRankingDoesNotFallBelowItsFloor() throws IOException {
    List<JsonNode> dev = read("comments/labeled-dev.jsonl");
    double abuse = metrics(dev, Verdict.ABUSE, row -> "abuse".equals(row.path("abuse").asText())).rocAuc();
    double disinfo =
        metrics(dev, Verdict.DISINFORMATION, row -> "disinfo".equals(row.path("disinfo").asText())).rocAuc();
    report("labeled-dev ROC-AUC abuse %.3f, disinformation %.3f", abuse, disinfo);
    assertThat(abuse).as("labeled-dev abuse ROC-AUC").isGreaterThanOrEqualTo(floor("labeledDev.abuse.rocAuc.min"));
    assertThat(disinfo).as("labeled-dev disinformation ROC-AUC")
        .isGreaterThanOrEqualTo(floor("labeledDev.disinformation.rocAuc.min"));
  }

  @Test
  void shareFlaggedOnRealTrafficStaysWithinItsBounds() throws IOException {
    List<JsonNode> comments = read("comments/youtube_ukraine_war_news.jsonl");
    double abuse = metrics(comments, Verdict.ABUSE, row -> false).flaggedShare(THRESHOLD);
    double disinfo = metrics(comments, Verdict.DISINFORMATION, row -> false).flaggedShare(THRESHOLD);
    report("flagged at %.1f over %d real comments: abuse %.2f%%, disinformation %.2f%%",
        THRESHOLD, comments.size(), abuse * 100, disinfo * 100);
    assertThat(abuse).as("share of real comments flagged for abuse")
        .isBetween(floor("real.abuse.flaggedShare.min"), floor("real.abuse.flaggedShare.max"));
    assertThat(disinfo).as("share of real comments flagged for disinformation")
        .isBetween(floor("real.disinformation.flaggedShare.min"), floor("real.disinformation.flaggedShare.max"));
  }

  @Test
  void obfuscationCostsLittleAbuseRecall() throws IOException {
    Predicate<JsonNode> isAbuse = row -> "abuse".equals(row.path("label").asText());
    double clean = metrics(read("abuse/test.jsonl"), Verdict.ABUSE, isAbuse).confusion(THRESHOLD).recall();
    double obfuscated =
        metrics(read("abuse/test-obfuscated.jsonl"), Verdict.ABUSE, isAbuse).confusion(THRESHOLD).recall();
    double ratio = clean == 0 ? 0 : obfuscated / clean;
    report("abuse recall obfuscated %.3f vs clean %.3f: ratio %.3f", obfuscated, clean, ratio);
    assertThat(clean).as("clean abuse recall").isGreaterThanOrEqualTo(floor("abuse.cleanRecall.min"));
    assertThat(ratio).as("obfuscated/clean abuse recall").isGreaterThanOrEqualTo(floor("abuse.obfuscatedRecallRatio.min"));
  }

  private static Metrics metrics(List<JsonNode> rows, String label, Predicate<JsonNode> positive) {
    double[] scores = new double[rows.size()];
    boolean[] truth = new boolean[rows.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = classifier.classify(rows.get(i).path("text").asText()).score(label);
      truth[i] = positive.test(rows.get(i));
    }
    return new Metrics(scores, truth);
  }

  private static List<JsonNode> read(String name) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(data.resolve(name), StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          rows.add(JSON.readTree(line));
        }
      }
    }
    return rows;
  }

  private static double floor(String key) {
    String value = floors.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("quality-floors.properties has no " + key);
    }
    return Double.parseDouble(value);
  }

  private static void report(String format, Object... args) {
    System.err.println("[quality] " + String.format(Locale.ROOT, format, args));
  }
}
