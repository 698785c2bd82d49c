package dev.warden.classifier.internal;

import java.io.IOException;
import java.nio.file.Path;

/** Build step (Maven {@code process-classes}): trains the seed models and writes them where the jar picks them up. */
public final class BundledModelBuilder {
  private BundledModelBuilder() {}

  /** {@code args[0]}: the output directory, e.g. {@code target/classes/dev/warden/classifier/model}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: BundledModelBuilder <output directory>");
    }
    ModelTrainer.Result result = ModelTrainer.train(SeedCorpus.load(), "seed");
    ModelDirectory.write(result, Path.of(args[0]));
    System.out.println("Warden seed model " + result.version() + " " + result.examples() + " -> " + args[0]);
  }
}
