package dev.warden.classifier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.classifier.ClassificationException;
import dev.warden.classifier.Classifier;
import dev.warden.classifier.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTrainerTest {
  @TempDir Path tmp;

  @Test
  void trainingTwiceGivesByteIdenticalModels() throws Exception {
    List<Example> seed = SeedCorpus.load();
    ModelDirectory.write(ModelTrainer.train(seed, "seed"), tmp.resolve("a"));
    ModelDirectory.write(ModelTrainer.train(seed, "seed"), tmp.resolve("b"));
    for (String file : List.of("abuse.bin", "disinformation.bin", "manifest.json")) {
      assertThat(Files.readAllBytes(tmp.resolve("a").resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(file)));
    }
  }

  @Test
  void theBundledModelIsTheSeedModel() {
    ModelTrainer.Result result = ModelTrainer.train(SeedCorpus.load(), "seed");
    assertThat(Classifier.loadDefault().modelVersion()).isEqualTo(result.version());
    // held-out (out-of-fold) figures on our own corpus are recorded beside the calibration
    assertThat(result.metrics().get("abuse").get("rocAuc")).isBetween(0.8, 1.0);
    assertThat(result.metrics().get("disinformation").get("averagePrecision")).isBetween(0.5, 1.0);
  }

  @Test
  void aLargeCorpusIsRegularisedLightlyAndTheSeedCorpusKeepsItsSparseModel() {
    var small = ModelTrainer.parameters(ModelTrainer.SMALL_CORPUS - 1).getObjectSettings();
    var large = ModelTrainer.parameters(ModelTrainer.SMALL_CORPUS).getObjectSettings();
    assertThat(small).containsEntry("L1Cost", 0.1).containsEntry("L2Cost", 0.5);
    assertThat(large).containsEntry("L1Cost", 0.0).containsEntry("L2Cost", 0.1).containsEntry("Cutoff", 1);
    assertThat(SeedCorpus.load()).hasSizeLessThan(ModelTrainer.SMALL_CORPUS);
  }

  @Test
  void theSeedCorpusIsLargeAndMixed() {
    List<Example> seed = SeedCorpus.load();
    assertThat(seed).hasSizeGreaterThanOrEqualTo(700);
    long ok = seed.stream().filter(e -> e.label().equals(Example.OK)).count();
    long abuse = seed.stream().filter(e -> e.label().equals(Example.ABUSE)).count();
    assertThat(ok).isGreaterThan(seed.size() * 40 / 100);
    assertThat(abuse).isGreaterThan(seed.size() * 15 / 100);
  }

  @Test
  void theVersionChangesWithTheCorpus() {
    List<Example> small = List.of(new Example("you idiot", "abuse"), new Example("nice map", "ok"));
    List<Example> other = List.of(new Example("you moron", "abuse"), new Example("nice map", "ok"));
    assertThat(ModelTrainer.train(small, "model").version()).isNotEqualTo(ModelTrainer.train(other, "model").version());
  }

  @Test
  void onlyTheLabelsPresentAreTrained() {
    ModelTrainer.Result result =
        ModelTrainer.train(List.of(new Example("you idiot", "abuse"), new Example("nice map", "ok")), "model");
    assertThat(result.models()).containsOnlyKeys(Verdict.ABUSE);
  }

  @Test
  void aLabelWithoutNegativesCannotBeTrained() {
    assertThatThrownBy(() -> ModelTrainer.train(List.of(new Example("you idiot", "abuse")), "model"))
        .isInstanceOf(ClassificationException.class)
        .hasMessageContaining("none is ok");
  }

  @Test
  void onlyOkExamplesTrainNothing() {
    assertThatThrownBy(() -> ModelTrainer.train(List.of(new Example("nice map", "ok")), "model"))
        .isInstanceOf(ClassificationException.class)
        .hasMessageContaining("nothing to train");
  }

  @Test
  void aDirectoryWithOneLabelFallsBackToTheBundledModelForTheOther() throws Exception {
    List<Example> examples =
        List.of(new Example("you idiot", "abuse"), new Example("nice map", "ok"), new Example("moron", "abuse"));
    ModelDirectory.write(ModelTrainer.train(examples, "model"), tmp);
    Classifier classifier = Classifier.load(tmp);
    assertThat(classifier.modelVersion()).startsWith("model-").contains("+seed-");
    assertThat(classifier.classify("the US runs secret biolabs in Ukraine").score(Verdict.DISINFORMATION))
        .isGreaterThan(0.5);
  }

  @Test
  void aDirectoryWithoutModelsIsAClearError() {
    assertThatThrownBy(() -> Classifier.load(tmp))
        .isInstanceOf(ClassificationException.class)
        .hasMessageContaining("no model in");
    assertThatThrownBy(() -> Classifier.load(tmp.resolve("missing")))
        .isInstanceOf(ClassificationException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void aCorruptModelFileIsAClearError() throws Exception {
    Files.writeString(tmp.resolve("abuse.bin"), "not a model");
    assertThatThrownBy(() -> Classifier.load(tmp))
        .isInstanceOf(ClassificationException.class)
        .hasMessageContaining("not an OpenNLP model");
  }
}
