package dev.warden.classifier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingDataTest {
  @TempDir Path tmp;

  private static final String HEADER = "id,comment_text,toxic,severe_toxic,obscene,threat,insult,identity_hate\n";

  @Test
  void readsJigsawCsvWithQuotedMultiLineFieldsAndMapsColumnsToAbuseKinds() throws Exception {
    Path csv = tmp.resolve("jigsaw.csv");
    Files.writeString(csv, HEADER
        + "a1,\"Thanks for the map, it helps\",0,0,0,0,0,0\r\n"
        + "a2,\"You are a \"\"clown\"\",\nand a liar\",1,0,0,0,1,0\r\n"
        + "a3,i will find you,1,1,0,1,0,0\n"
        + "a4,filthy words,0,0,1,0,0,1\n"
        + "a5,unlabelled test row,-1,-1,-1,-1,-1,-1\n");
    List<TrainingData.Labelled> rows = TrainingData.read(csv);
    assertThat(rows).extracting(TrainingData.Labelled::text).containsExactly(
        "Thanks for the map, it helps", "You are a \"clown\",\nand a liar", "i will find you", "filthy words");
    assertThat(rows).extracting(TrainingData.Labelled::label).containsExactly("ok", "abuse", "abuse", "abuse");
    assertThat(rows.get(0).kinds()).isEmpty();
    assertThat(rows.get(1).kinds()).containsExactly("insult");
    assertThat(rows.get(2).kinds()).containsExactly("threat");
    assertThat(rows.get(3).kinds()).containsExactlyInAnyOrder("profanity", "identity_attack");
  }

  @Test
  void findsJigsawColumnsInAnyOrder() throws Exception {
    Path csv = tmp.resolve("reordered.csv");
    Files.writeString(csv, "insult,identity_hate,threat,obscene,severe_toxic,toxic,comment_text\n1,0,0,0,0,0,idiot\n");
    assertThat(TrainingData.read(csv)).singleElement()
        .satisfies(row -> assertThat(row.label()).isEqualTo("abuse"))
        .satisfies(row -> assertThat(row.kinds()).containsExactly("insult"));
  }

  @Test
  void rejectsACsvWithoutTheJigsawColumnsNamingThem() throws Exception {
    Path csv = tmp.resolve("other.csv");
    Files.writeString(csv, "comment_text,toxic\nhello,0\n");
    assertThatThrownBy(() -> TrainingData.read(csv))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing column(s) [severe_toxic, obscene, threat, insult, identity_hate]");
  }

  @Test
  void rejectsALabelThatIsNotZeroOrOneWithItsLine() throws Exception {
    Path csv = tmp.resolve("bad.csv");
    Files.writeString(csv, HEADER + "a1,\"two\nlines\",0,0,0,0,0,0\na2,bad,yes,0,0,0,0,0\n");
    assertThatThrownBy(() -> TrainingData.read(csv))
        .hasMessageContaining("bad.csv:4: column toxic must be 0 or 1, got 'yes'");
  }

  @Test
  void rejectsAnUnterminatedQuotedField() throws Exception {
    Path csv = tmp.resolve("open.csv");
    Files.writeString(csv, HEADER + "a1,\"never closed,0,0,0,0,0,0\n");
    assertThatThrownBy(() -> TrainingData.read(csv)).hasMessageContaining("unterminated quoted field");
  }

  @Test
  void csvRecordsKeepEmptyFieldsAndEndWithoutATrailingNewline() throws Exception {
    CsvRecords csv = new CsvRecords(new StringReader("a,,\"\"\nb,c"));
    assertThat(csv.next()).containsExactly("a", "", "");
    assertThat(csv.next()).containsExactly("b", "c");
    assertThat(csv.next()).isNull();
  }

  @Test
  void readsJsonlWithOptionalAbuseKindsMappedToOurs() throws Exception {
    Path jsonl = tmp.resolve("data.jsonl");
    Files.writeString(jsonl,
        "{\"text\":\"you idiot\",\"label\":\"abuse\",\"labels\":[\"insult\",\"offensive\",\"hate_speech\"]}\n"
            + "\n{\"text\":\"nice map\",\"label\":\"ok\"}\n"
            + "{\"text\":\"staged\",\"label\":\"disinformation\"}\n");
    List<TrainingData.Labelled> rows = TrainingData.read(jsonl);
    assertThat(rows).extracting(TrainingData.Labelled::label).containsExactly("abuse", "ok", "disinfo");
    assertThat(rows.get(0).kinds()).isEqualTo(Set.of("insult", "identity_attack"));
    assertThat(rows.get(0).toExample().kinds()).isEqualTo(Set.of("insult", "identity_attack"));
    assertThat(rows.get(1).toExample().kinds()).isEmpty();
  }

  @Test
  void rejectsJsonlWithoutTextOrLabelWithItsLine() throws Exception {
    Path jsonl = tmp.resolve("bad.jsonl");
    Files.writeString(jsonl, "{\"text\":\"fine\",\"label\":\"ok\"}\n{\"text\":\"no label\"}\n");
    assertThatThrownBy(() -> TrainingData.read(jsonl)).hasMessageContaining("bad.jsonl:2: needs string fields");
  }

  @Test
  void trainAcceptsAJigsawCsv() throws Exception {
    StringBuilder rows = new StringBuilder(HEADER);
    for (int i = 0; i < 20; i++) {
      rows.append("x").append(i).append(",\"you are a zorblax, number ").append(i).append("\",1,0,0,0,1,0\n");
      rows.append("y").append(i).append(",\"the weather is fine\ntoday ").append(i).append("\",0,0,0,0,0,0\n");
    }
    Path csv = tmp.resolve("train.csv");
    Files.writeString(csv, rows);
    Path model = tmp.resolve("model");
    assertThat(WardenClassifierCli.run("train", "--data", csv.toString(), "--out", model.toString())).isZero();
    assertThat(model.resolve("abuse.bin")).exists();
  }
}
