package dev.warden.classifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private record Run(int exit, List<JsonNode> lines, String err) {}

  private static Run run(String... args) throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
      int exit = WardenClassifierCli.run(args);
      List<JsonNode> lines = new ArrayList<>();
      for (String line : outBytes.toString(StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          lines.add(JSON.readTree(line));
        }
      }
      return new Run(exit, lines, errBytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void printsOneReportPerLabelWithPositivesInTheData() throws Exception {
    Path data = tmp.resolve("dev.jsonl");
    Files.writeString(data, String.join("\n",
        "{\"text\":\"you are a pathetic idiot and a moron\",\"label\":\"abuse\",\"labels\":[\"insult\"]}",
        "{\"text\":\"shut up you stupid clown\",\"label\":\"abuse\"}",
        "{\"text\":\"thanks for the map of the front line\",\"label\":\"ok\"}",
        "{\"text\":\"the evacuation trains leave at noon from the main station\",\"label\":\"ok\"}",
        "{\"text\":\"the article explains the grain deal well\",\"label\":\"ok\"}"));
    Path report = tmp.resolve("report.jsonl");
    Run run = run("eval", "--data", data.toString(), "--report", report.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.lines()).extracting(n -> n.get("label").asText()).startsWith("abuse").doesNotContain("disinformation");
    JsonNode abuse = run.lines().get(0);
    assertThat(abuse.get("n").asInt()).isEqualTo(5);
    assertThat(abuse.get("positives").asInt()).isEqualTo(2);
    assertThat(abuse.get("rocAuc").asDouble()).isEqualTo(1.0);
    assertThat(abuse.get("prAuc").asDouble()).isEqualTo(1.0);
    assertThat(abuse.has("precision") && abuse.has("recall") && abuse.has("f1")).isTrue();
    JsonNode confusion = abuse.get("confusion");
    assertThat(confusion.get("tp").asInt() + confusion.get("fp").asInt() + confusion.get("tn").asInt()
        + confusion.get("fn").asInt()).isEqualTo(5);
    assertThat(abuse.get("calibration")).hasSize(10);
    assertThat(abuse.at("/calibration/0/count").isInt()).isTrue();
    assertThat(Files.readString(report)).startsWith("{\"label\":\"abuse\",\"n\":5,");
  }

  @Test
  void readsHandLabelledRowsWithAbuseAndDisinfoFields() throws Exception {
    Path data = tmp.resolve("labeled.jsonl");
    Files.writeString(data, String.join("\n",
        "{\"text\":\"you are a pathetic idiot\",\"abuse\":\"abuse\",\"abuse_kinds\":[\"insult\"],\"disinfo\":\"ok\"}",
        "{\"text\":\"the bucha massacre was staged by actors\",\"abuse\":\"ok\",\"disinfo\":\"disinfo\"}",
        "{\"text\":\"thanks for the map\",\"abuse\":\"ok\",\"disinfo\":\"ok\"}"));
    Run run = run("eval", "--data", data.toString(), "--threshold", "0.3");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.lines()).extracting(n -> n.get("label").asText()).contains("abuse", "disinformation");
    assertThat(run.lines()).allSatisfy(n -> assertThat(n.get("threshold").asDouble()).isEqualTo(0.3));
    assertThat(run.lines().get(1).get("positives").asInt()).isEqualTo(1);
  }

  @Test
  void failsWithAClearMessageOnRowsWithoutLabels() throws Exception {
    Path data = tmp.resolve("bad.jsonl");
    Files.writeString(data, "{\"text\":\"hello\"}\n");
    Run run = run("eval", "--data", data.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("bad.jsonl:1: needs 'label', or 'abuse'/'disinfo' fields");
  }

  @Test
  void rejectsAThresholdOutsideZeroToOne() throws Exception {
    Path data = tmp.resolve("d.jsonl");
    Files.writeString(data, "{\"text\":\"hello\",\"label\":\"ok\"}\n");
    Run run = run("eval", "--data", data.toString(), "--threshold", "1.5");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("--threshold must be in [0,1]: 1.5");
  }
}
