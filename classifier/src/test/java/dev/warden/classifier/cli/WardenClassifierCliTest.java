package dev.warden.classifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WardenClassifierCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private record Run(int exit, String out, String err) {}

  private static Run run(String stdin, String... args) {
    InputStream in = System.in;
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
      int exit = WardenClassifierCli.run(args);
      return new Run(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setIn(in);
      System.setOut(out);
      System.setErr(err);
    }
  }

  private static List<JsonNode> verdicts(String out) throws Exception {
    List<JsonNode> verdicts = new ArrayList<>();
    for (String line : out.split("\n")) {
      verdicts.add(JSON.readTree(line));
    }
    return verdicts;
  }

  @Test
  void classifyPrintsOneJsonVerdictPerLineWithScoresFirst() throws Exception {
    Run run = run("you are a pathetic idiot\n\nthanks for the map\n", "classify");
    assertThat(run.exit()).isZero();
    List<JsonNode> verdicts = verdicts(run.out());
    assertThat(verdicts).hasSize(3);
    assertThat(run.out().split("\n")).allSatisfy(line -> assertThat(line).startsWith("{\"scores\":{\"abuse\":"));
    assertThat(verdicts.get(0).at("/scores/abuse").asDouble()).isGreaterThan(0.5);
    assertThat(verdicts.get(0).at("/terms/abuse/0/text").asText()).isIn("idiot", "pathetic");
    assertThat(verdicts.get(1).at("/scores/abuse").asDouble()).isZero();
    assertThat(verdicts.get(2).at("/scores/abuse").asDouble()).isLessThan(0.5);
    assertThat(verdicts.get(2).get("language").asText()).isEqualTo("und");
    assertThat(verdicts.get(2).get("model").asText()).startsWith("seed-");
  }

  @Test
  void trainWritesAModelThatClassifyLoads() throws Exception {
    Path data = tmp.resolve("data.jsonl");
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      lines.append("{\"text\":\"you are a zorblax number ").append(i).append("\",\"label\":\"abuse\"}\n");
      lines.append("{\"text\":\"the weather is fine today ").append(i).append("\",\"label\":\"ok\"}\n");
      lines.append("{\"text\":\"the moon is made of cheese ").append(i).append("\",\"label\":\"disinformation\"}\n");
    }
    Files.writeString(data, lines);
    Path model = tmp.resolve("model");

    Run train = run("", "train", "--data", data.toString(), "--out", model.toString());
    assertThat(train.exit()).as(train.err()).isZero();
    assertThat(train.out()).contains("trained [abuse, disinformation] from 60 examples");
    assertThat(model.resolve("abuse.bin")).exists();
    assertThat(model.resolve("disinformation.bin")).exists();
    JsonNode manifest = JSON.readTree(model.resolve("manifest.json").toFile());
    assertThat(manifest.get("version").asText()).startsWith("model-");
    assertThat(manifest.at("/trainedOn/0").asText()).isEqualTo("data.jsonl");
    assertThat(java.time.Instant.parse(manifest.get("trainedAt").asText())).isNotNull();
    assertThat(manifest.get("metrics").isObject()).isTrue();

    Run classify =
        run("what a zorblax\nthe moon is cheese\nthe weather is fine\n", "classify", "--model", model.toString());
    assertThat(classify.exit()).as(classify.err()).isZero();
    List<JsonNode> verdicts = verdicts(classify.out());
    // Scores are calibrated to real traffic (few abusive comments), so compare with a harmless line, not 0.5.
    double neutralAbuse = verdicts.get(2).at("/scores/abuse").asDouble();
    double neutralDisinfo = verdicts.get(2).at("/scores/disinformation").asDouble();
    assertThat(verdicts.get(0).at("/scores/abuse").asDouble()).isGreaterThan(neutralAbuse + 0.2);
    assertThat(verdicts.get(1).at("/scores/disinformation").asDouble()).isGreaterThan(neutralDisinfo + 0.2);
    assertThat(JSON.readTree(model.resolve("manifest.json").toFile()).at("/calibration/abuse/targetPrior").asDouble())
        .isEqualTo(0.07);
    assertThat(verdicts.get(0).get("model").asText()).startsWith("model-");
  }

  @Test
  void trainRejectsAMissingFile() {
    Run run = run("", "train", "--data", tmp.resolve("nope.jsonl").toString(), "--out", tmp.toString());
    assertThat(run.exit()).isNotZero();
    assertThat(run.err()).contains("no such file");
  }

  @Test
  void trainRejectsBadJsonWithTheLineNumber() throws Exception {
    Path data = tmp.resolve("bad.jsonl");
    Files.writeString(data, "{\"text\":\"a\",\"label\":\"ok\"}\n{not json\n");
    Run run = run("", "train", "--data", data.toString(), "--out", tmp.resolve("m").toString());
    assertThat(run.exit()).isNotZero();
    assertThat(run.err()).contains("bad.jsonl:2").contains("not JSON");
  }

  @Test
  void trainRejectsUnknownLabels() throws Exception {
    Path data = tmp.resolve("labels.jsonl");
    Files.writeString(data, "{\"text\":\"a\",\"label\":\"spam\"}\n");
    Run run = run("", "train", "--data", data.toString(), "--out", tmp.resolve("m").toString());
    assertThat(run.exit()).isNotZero();
    assertThat(run.err()).contains("unknown label 'spam'");
  }

  @Test
  void trainRejectsDataWithNothingToLearn() throws Exception {
    Path data = tmp.resolve("ok.jsonl");
    Files.writeString(data, "{\"text\":\"fine\",\"label\":\"ok\"}\n");
    Run run = run("", "train", "--data", data.toString(), "--out", tmp.resolve("m").toString());
    assertThat(run.exit()).isNotZero();
    assertThat(run.err()).contains("nothing to train");
  }

  @Test
  void classifyRejectsAModelDirectoryWithoutModels() {
    Run run = run("hello\n", "classify", "--model", tmp.toString());
    assertThat(run.exit()).isNotZero();
    assertThat(run.err()).contains("no model in");
  }

  @Test
  void unknownVerbIsAUsageError() {
    Run run = run("", "frobnicate");
    assertThat(run.exit()).isNotZero();
    assertThat(run.err()).contains("frobnicate");
  }
}
