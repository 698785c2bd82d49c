package dev.warden.classifier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.classifier.Classifier;
import dev.warden.classifier.Term;
import dev.warden.classifier.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BundledClassifierTest {
  private static final Classifier CLASSIFIER = Classifier.loadDefault();

  @ParameterizedTest
  @ValueSource(strings = {"you are a pathetic idiot", "f*ck you m0r0n", "s t u p i d troll"})
  void flagsClearAbuse(String text) {
    assertThat(CLASSIFIER.classify(text).score(Verdict.ABUSE)).isGreaterThan(0.5);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"the Bucha massacre was staged by Ukraine with crisis actors", "the US runs secret biolabs in Ukraine"})
  void flagsClearDisinformation(String text) {
    Verdict verdict = CLASSIFIER.classify(text);
    assertThat(verdict.score(Verdict.DISINFORMATION)).isGreaterThan(0.5);
    assertThat(verdict.score(Verdict.ABUSE)).isLessThan(0.5);
  }

  /** Held out: none of these sentences is in the seed corpus. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Putin's invasion is a war crime and the bombing of Kharkiv must stop",
        "I hope the army can destroy every tank that crosses the border",
        "the dictator in Minsk is sending troops, this is terrifying",
        "Our ministers made an idiotic mistake by cutting the air defence budget",
        "Every Russian strike on a power plant in winter is a war crime against civilians"
      })
  void doesNotFlagHeatedButLegitimateComments(String text) {
    Verdict verdict = CLASSIFIER.classify(text);
    assertThat(verdict.score(Verdict.ABUSE)).as("abuse").isLessThan(0.5);
    assertThat(verdict.score(Verdict.DISINFORMATION)).as("disinformation").isLessThan(0.5);
  }

  @Test
  void explanationsQuoteTheOriginalText() {
    String text = "Listen, f*ck you m0r0n";
    Verdict verdict = CLASSIFIER.classify(text);
    List<Term> terms = verdict.termsFor(Verdict.ABUSE);
    assertThat(terms).isNotEmpty().hasSizeLessThanOrEqualTo(5);
    assertThat(terms).extracting(Term::text).contains("m0r0n").allSatisfy(t -> assertThat(text).contains(t));
    assertThat(terms).allSatisfy(t -> assertThat(t.weight()).isPositive());
    assertThat(terms).extracting(Term::weight).isSortedAccordingTo((a, b) -> Double.compare(b, a));
  }

  @Test
  void explanationsOfDisinformationNameTheNarrativeWords() {
    Verdict verdict = CLASSIFIER.classify("Wake up, the biolabs in Ukraine make bioweapons for the Pentagon");
    assertThat(verdict.termsFor(Verdict.DISINFORMATION)).extracting(Term::text).contains("biolabs");
  }

  @Test
  void aTextWithoutWordsScoresZero() {
    Verdict verdict = CLASSIFIER.classify(" ... ");
    assertThat(verdict.scores()).containsEntry(Verdict.ABUSE, 0.0).containsEntry(Verdict.DISINFORMATION, 0.0);
    assertThat(verdict.language()).isEqualTo("und");
  }

  @Test
  void verdictCarriesTheSeedModelVersion() {
    assertThat(CLASSIFIER.modelVersion()).matches("seed-[0-9a-f]{12}");
    assertThat(CLASSIFIER.classify("hello").modelVersion()).isEqualTo(CLASSIFIER.modelVersion());
  }

  @Test
  void nullTextIsRejected() {
    assertThatThrownBy(() -> CLASSIFIER.classify(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void oneInstanceGivesTheSameAnswersFromManyThreads() throws Exception {
    List<String> texts = List.of("you are a pathetic idiot", "the US runs secret biolabs in Ukraine", "thanks for the map");
    List<Verdict> expected = texts.stream().map(CLASSIFIER::classify).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int k = i % texts.size();
        results.add(pool.submit(() -> CLASSIFIER.classify(texts.get(k)).equals(expected.get(k))));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void scoresAreTheCalibratedOpenNlpModelProbabilities() {
    OpenNlpClassifier classifier = (OpenNlpClassifier) CLASSIFIER;
    String text = "you are a pathetic idiot";
    String[] words = new Normaliser().normalise(text).words();
    TextFeatures features = TextFeatures.of(words);
    LabelModel model = classifier.model(Verdict.ABUSE);
    double[] probs = model.model().eval(features.predicates, features.predicateValues);
    double raw = probs[model.model().getIndex(Verdict.ABUSE)];
    assertThat(classifier.classify(text).score(Verdict.ABUSE))
        .isCloseTo(model.calibration().apply(raw), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(model.calibration()).isNotEqualTo(Calibration.IDENTITY);
  }
}
