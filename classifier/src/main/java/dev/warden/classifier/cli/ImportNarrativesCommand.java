package dev.warden.classifier.cli;

import dev.warden.classifier.internal.narrative.ClaimsCsv;
import dev.warden.classifier.internal.narrative.NarrativeCatalogue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code import-narratives}: turns a fact-checkers' CSV of claims into a narratives YAML that extends the bundled
 * catalogue. Bad rows are reported on stderr with their line numbers; the run fails if no row is good.
 */
@Command(
    name = "import-narratives",
    description = "Reads a CSV of claims (title, keywords, date; optional url, id, description) into a narratives YAML.")
public final class ImportNarrativesCommand implements Callable<Integer> {
  @Option(names = "--csv", required = true, paramLabel = "FILE", description = "UTF-8 CSV with a header row.")
  Path csv;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The narratives YAML to write.")
  Path out;

  @Option(names = "--merge", paramLabel = "EXISTING",
      description = "A narratives YAML to extend (its narratives come first; the same id is merged).")
  Path merge;

  @Override
  public Integer call() throws IOException {
    ClaimsCsv.Result result;
    try (Reader reader = new BufferedReader(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
      result = ClaimsCsv.read(reader);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + csv);
    }
    result.problems().forEach(p -> System.err.println(csv + ": " + p));
    if (result.narratives().isEmpty()) {
      System.err.println("error: no valid claim in " + csv + "; nothing written");
      return 2;
    }
    NarrativeCatalogue base = merge == null ? NarrativeCatalogue.empty() : NarrativeCatalogue.read(merge);
    NarrativeCatalogue imported = new NarrativeCatalogue(result.narratives());
    NarrativeCatalogue merged = new NarrativeCatalogue(
        java.util.stream.Stream.concat(base.narratives().stream(), imported.narratives().stream()).toList());
    merged.write(out);
    System.out.println("imported " + result.narratives().size() + " claims (" + result.problems().size()
        + " rejected); " + merged.size() + " narratives written to " + out);
    return 0;
  }
}
