package dev.warden.classifier.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.classifier.internal.Example;
import dev.warden.classifier.internal.ModelDirectory;
import dev.warden.classifier.internal.ModelTrainer;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code train}: trains models from labelled JSONL and writes a model directory. */
@Command(
    name = "train",
    description = "Trains the abuse and/or disinformation model from JSONL lines with 'text' and 'label'.")
final class TrainCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--data", required = true, paramLabel = "FILE.jsonl", description = "Labelled JSONL; repeatable.")
  List<Path> data;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the models.")
  Path out;

  @Override
  public Integer call() throws IOException {
    List<Example> examples = new ArrayList<>();
    for (Path file : data) {
      read(file, examples);
    }
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no labelled examples in " + data);
    }
    ModelTrainer.Result result = ModelTrainer.train(examples, "model");
    ModelDirectory.write(result, out);
    System.out.println(
        "trained " + result.models().keySet() + " from " + examples.size() + " examples, version "
            + result.version() + ", written to " + out);
    return 0;
  }

  private static void read(Path file, List<Example> examples) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (!line.isBlank()) {
          examples.add(parse(line, file, lineNo));
        }
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + file);
    }
  }

  private static Example parse(String line, Path file, int lineNo) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ":" + lineNo + ": not JSON: " + e.getOriginalMessage());
    }
    JsonNode text = node.get("text");
    JsonNode label = node.get("label");
    if (text == null || !text.isTextual() || label == null || !label.isTextual()) {
      throw new IllegalArgumentException(file + ":" + lineNo + ": needs string fields 'text' and 'label'");
    }
    try {
      return new Example(text.asText(), label.asText());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ":" + lineNo + ": " + e.getMessage());
    }
  }
}
