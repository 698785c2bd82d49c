package dev.warden.classifier.cli;

import dev.warden.classifier.internal.Example;
import dev.warden.classifier.internal.ModelDirectory;
import dev.warden.classifier.internal.ModelTrainer;
import java.io.IOException;
import java.time.Clock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code train}: trains models from labelled JSONL or Jigsaw-style CSV and writes a model directory. */
@Command(
    name = "train",
    description = "Trains the abuse and/or disinformation model from JSONL lines with 'text' and 'label' (and"
        + " optional 'labels' for abuse kinds) or from Jigsaw-style CSV (comment_text,toxic,severe_toxic,obscene,"
        + "threat,insult,identity_hate).")
final class TrainCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "FILE", description = "Labelled .jsonl or Jigsaw .csv; repeatable.")
  List<Path> data;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the models.")
  Path out;

  /** The clock that dates the manifest; a field so tests can fix it. */
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws IOException {
    List<Example> examples = new ArrayList<>();
    for (Path file : data) {
      for (TrainingData.Labelled labelled : TrainingData.read(file)) {
        examples.add(labelled.toExample());
      }
    }
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no labelled examples in " + data);
    }
    ModelTrainer.Result result = ModelTrainer.train(examples, "model");
    List<String> sources = data.stream().map(file -> String.valueOf(file.getFileName())).toList();
    ModelDirectory.write(result, out, sources, clock.instant());
    System.out.println(
        "trained " + result.models().keySet() + " from " + examples.size() + " examples, version "
            + result.version() + ", written to " + out);
    return 0;
  }
}
