package dev.warden.classifier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.classifier.Classifier;
import dev.warden.classifier.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #3's legitimate-debate bar: at most 5% of the heated-but-legitimate comments we wrote (violent vocabulary
 * used legitimately, criticism of leaders, grief, sarcasm, quoted abuse, second person) may be flagged at the
 * default threshold. The file is test-only: none of its lines is in the seed corpus (checked below).
 */
class HeatedLegitimateCommentsTest {
  static final String RESOURCE = "/dev/warden/classifier/heated-legit.jsonl";
  static final double THRESHOLD = 0.5;
  static final double MAX_FLAGGED = 0.05;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static List<String> comments;

  @BeforeAll
  static void load() throws IOException {
    comments = new ArrayList<>();
    try (InputStream in = HeatedLegitimateCommentsTest.class.getResourceAsStream(RESOURCE);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          comments.add(JSON.readTree(line).get("text").asText());
        }
      }
    }
  }

  @Test
  void theSetHasAtLeast200DistinctCommentsNoneOfThemInTheSeedCorpus() {
    assertThat(comments).hasSizeGreaterThanOrEqualTo(200).doesNotHaveDuplicates();
    List<String> seed = SeedCorpus.load().stream().map(e -> e.text().strip().toLowerCase()).toList();
    assertThat(comments).allSatisfy(c -> assertThat(seed).doesNotContain(c.strip().toLowerCase()));
  }

  @Test
  void atMostFivePercentAreFlaggedForAbuse() {
    List<String> flagged = flagged(Verdict.ABUSE);
    System.out.printf(
        "heated-legit: %d/%d (%.1f%%) flagged for abuse at %.1f%n",
        flagged.size(), comments.size(), 100.0 * flagged.size() / comments.size(), THRESHOLD);
    assertThat(flagged.size()).as("flagged for abuse: %s", flagged).isLessThanOrEqualTo(maxFlagged());
  }

  /** The same bar for disinformation (issue #3 sets it for every flag at default thresholds). */
  @Test
  void atMostFivePercentAreFlaggedForDisinformation() {
    List<String> flagged = flagged(Verdict.DISINFORMATION);
    System.out.printf(
        "heated-legit: %d/%d (%.1f%%) flagged for disinformation at %.1f%n",
        flagged.size(), comments.size(), 100.0 * flagged.size() / comments.size(), THRESHOLD);
    assertThat(flagged.size()).as("flagged for disinformation: %s", flagged).isLessThanOrEqualTo(maxFlagged());
  }

  /**
   * What the plugin's conflict policy holds: abuse, disinformation, threat or identity attack at or above the
   * threshold. A comment counts once whatever flags it.
   */
  @Test
  void atMostFivePercentAreHeldByAnyFlagThePluginActsOn() {
    Classifier classifier = Classifier.loadDefault();
    List<String> held = comments.stream().filter(c -> {
      Verdict verdict = classifier.classify(c);
      return HELD_BY.stream().anyMatch(label -> verdict.score(label) >= THRESHOLD);
    }).toList();
    System.out.printf(
        "heated-legit: %d/%d (%.1f%%) held by abuse, disinformation, threat or identity_attack at %.1f%n",
        held.size(), comments.size(), 100.0 * held.size() / comments.size(), THRESHOLD);
    assertThat(held.size()).as("held: %s", held).isLessThanOrEqualTo(maxFlagged());
  }

  /** The scores the plugin's conflict policy holds a comment for. */
  private static final List<String> HELD_BY =
      List.of(Verdict.ABUSE, Verdict.DISINFORMATION, "threat", "identity_attack");

  private static List<String> flagged(String label) {
    Classifier classifier = Classifier.loadDefault();
    return comments.stream().filter(c -> classifier.classify(c).score(label) >= THRESHOLD).toList();
  }

  private static int maxFlagged() {
    return (int) Math.floor(MAX_FLAGGED * comments.size());
  }
}
