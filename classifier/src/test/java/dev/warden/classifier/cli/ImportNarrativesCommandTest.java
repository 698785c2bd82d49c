package dev.warden.classifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.classifier.internal.narrative.NarrativeCatalogue;
import dev.warden.classifier.internal.narrative.Narrative;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportNarrativesCommandTest {
  @TempDir Path tmp;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
      int exit = WardenClassifierCli.run(args);
      return new Run(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void importsClaimsReportsBadRowsAndWritesALoadableCatalogue() throws Exception {
    Path csv = Files.writeString(tmp.resolve("claims.csv"),
        "id,title,keywords,date,url\n"
            + ",\"Ukraine sells its farmland, all of it\",farmland;sold,2023-03-01,https://example.org/farm\n"
            + "grain-poison,Ukrainian grain is poisoned,\"grain, poison\",2023-07-10,\n"
            + ",,missing;title,2023-01-01,\n");
    Path out = tmp.resolve("narratives.yaml");
    Run run = run("import-narratives", "--csv", csv.toString(), "--out", out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains("line 4: no title");
    assertThat(run.out()).contains("imported 2 claims (1 rejected)");
    NarrativeCatalogue written = NarrativeCatalogue.read(out);
    assertThat(written.narratives()).extracting(Narrative::id)
        .containsExactly("ukraine_sells_its_farmland_all_of_it", "grain-poison");
    assertThat(written.find("grain-poison")).get().extracting(Narrative::keywords).asList()
        .containsExactly("grain", "poison");
  }

  @Test
  void mergeKeepsTheExistingNarrativesAndMergesTheSameId() throws Exception {
    Path existing = Files.writeString(tmp.resolve("existing.yaml"),
        "narratives:\n  - {id: grain-poison, title: Grain is poisoned, keywords: [grain], phrasings: [the grain is toxic]}\n"
            + "  - {id: other, title: Other, keywords: [other]}\n");
    Path csv = Files.writeString(tmp.resolve("claims.csv"),
        "id,title,keywords,date\ngrain-poison,Ukrainian grain is poisoned,poison;toxic,2023-07-10\n");
    Path out = tmp.resolve("merged.yaml");
    Run run = run("import-narratives", "--csv", csv.toString(), "--out", out.toString(), "--merge", existing.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    NarrativeCatalogue merged = NarrativeCatalogue.read(out);
    assertThat(merged.narratives()).extracting(Narrative::id).containsExactly("grain-poison", "other");
    Narrative grain = merged.find("grain-poison").orElseThrow();
    assertThat(grain.title()).isEqualTo("Grain is poisoned");
    assertThat(grain.keywords()).containsExactly("grain", "poison", "toxic");
    assertThat(grain.phrasings()).containsExactly("the grain is toxic", "Ukrainian grain is poisoned");
  }

  @Test
  void failsWhenNoRowIsValidAndWritesNothing() throws Exception {
    Path csv = Files.writeString(tmp.resolve("claims.csv"), "title,keywords,date\n,a,2023-01-01\nx,,2023-01-01\n");
    Path out = tmp.resolve("narratives.yaml");
    Run run = run("import-narratives", "--csv", csv.toString(), "--out", out.toString());
    assertThat(run.exit()).isNotZero();
    assertThat(run.err()).contains("line 2: no title").contains("line 3: no keywords").contains("no valid claim");
    assertThat(out).doesNotExist();
  }

  @Test
  void failsOnAMissingFileOrColumn() throws Exception {
    Run missing = run("import-narratives", "--csv", tmp.resolve("nope.csv").toString(), "--out", "x.yaml");
    assertThat(missing.exit()).isNotZero();
    assertThat(missing.err()).contains("no such file");
    Path csv = Files.writeString(tmp.resolve("claims.csv"), "title,date\nx,2023-01-01\n");
    Run noColumn = run("import-narratives", "--csv", csv.toString(), "--out", tmp.resolve("o.yaml").toString());
    assertThat(noColumn.exit()).isNotZero();
    assertThat(noColumn.err()).contains("no 'keywords' column");
  }
}
