package dev.warden.classifier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.classifier.ClassificationException;
import dev.warden.classifier.Classifier;
import dev.warden.classifier.NarrativeMatch;
import dev.warden.classifier.Term;
import dev.warden.classifier.Verdict;
import dev.warden.classifier.internal.narrative.DisinformationScore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The disinformation score and narrative matches as a caller of the bundled classifier sees them. */
class NarrativeVerdictTest {
  private static final Classifier CLASSIFIER = Classifier.loadDefault();

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {
    "Bucha was staged by the Ukrainians, those bodies were actors. Wake up",
    "the US runs bioweapon labs in ukraine, thats why russia had to go in",
    "MH17 was shot down by a Ukrainian jet, the Dutch covered it up",
    "Ukraine is run by neo nazis, denazification is the only way",
  })
  void clearDisinformationScoresAboveOneHalfAndNamesItsNarrative(String comment) {
    Verdict verdict = CLASSIFIER.classify(comment);
    assertThat(verdict.score(Verdict.DISINFORMATION)).as(comment).isGreaterThan(0.5);
    assertThat(verdict.narratives()).as(comment).isNotEmpty().hasSizeLessThanOrEqualTo(3);
    assertThat(verdict.narratives()).extracting(NarrativeMatch::similarity)
        .isSortedAccordingTo((a, b) -> Double.compare(b, a));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "Journalists and UN investigators documented the killings in Bucha during the Russian occupation.",
    "Who blew up Nord Stream? We still don't know.",
    "Thanks for the report, stay safe out there.",
  })
  void trueStatementsAndOrdinaryCommentsScoreBelowOneHalf(String comment) {
    assertThat(CLASSIFIER.classify(comment).score(Verdict.DISINFORMATION)).as(comment).isLessThan(0.5);
  }

  @Test
  void theMatchedKeywordsExplainTheScoreWithSpans() {
    String comment = "BIOLABS everywhere in Ukraine, the pentagon made pathogens there";
    List<Term> terms = CLASSIFIER.classify(comment).termsFor(Verdict.DISINFORMATION);
    assertThat(terms).anySatisfy(t -> assertThat(t.text()).isEqualTo("BIOLABS"));
    assertThat(terms).filteredOn(Term::hasSpan)
        .allSatisfy(t -> assertThat(comment.substring(t.start(), t.end())).isEqualTo(t.text()));
  }

  @Test
  void anExtensionFileAddsANarrativeThePublisherWrote() throws Exception {
    Path extra = Files.writeString(tmp.resolve("local.yaml"), """
        narratives:
          - id: mayor_fled_minsk
            title: "The mayor fled to Minsk"
            description: "Claims the city's mayor fled to Minsk. False: the mayor never left."
            keywords: [mayor, minsk, fled]
            phrasings: ["our mayor fled to minsk with the budget"]
        """);
    String comment = "the mayor has fled to Minsk with the city budget";
    assertThat(CLASSIFIER.classify(comment).narratives()).extracting(NarrativeMatch::id).doesNotContain("mayor_fled_minsk");
    Verdict verdict = Classifier.loadDefault(List.of(extra)).classify(comment);
    assertThat(verdict.narratives()).first().extracting(NarrativeMatch::id).isEqualTo("mayor_fled_minsk");
  }

  @Test
  void aModelDirectoryMayCarryItsOwnNarratives() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("model"));
    ModelDirectory.write(ModelTrainer.train(
        List.of(new Example("you idiot", "abuse"), new Example("nice map", "ok")), "model"), dir);
    Files.writeString(dir.resolve("narratives.yaml"),
        "narratives:\n  - {id: tram_hoax, title: The trams are Russian spies, keywords: [tram, spies], "
            + "phrasings: [the new trams are russian spies]}\n");
    Verdict verdict = Classifier.load(dir).classify("the new trams are spies for russia");
    assertThat(verdict.narratives()).first().extracting(NarrativeMatch::id).isEqualTo("tram_hoax");
  }

  @Test
  void aBadExtensionFileFailsAtLoadNotPerComment() throws Exception {
    Path bad = Files.writeString(tmp.resolve("bad.yaml"), "narratives: [ {id: x} ]\n");
    assertThatThrownBy(() -> Classifier.loadDefault(List.of(bad))).isInstanceOf(ClassificationException.class);
  }

  @Test
  void theSeedScoreIsMonotoneInBothInputsAndATrainedModelKeepsItsProbability() {
    DisinformationScore seed = DisinformationScore.SEED;
    assertThat(seed.combine(0.9, 0.3)).isGreaterThan(seed.combine(0.5, 0.3));
    assertThat(seed.combine(0.5, 0.5)).isGreaterThan(seed.combine(0.5, 0.3));
    assertThat(seed.combine(1.0, 1.0)).isBetween(0.0, 1.0);
    assertThat(seed.combine(0.0, 0.0)).isBetween(0.0, 1.0);
    assertThat(DisinformationScore.MODEL_ONLY.combine(0.73, 0.9)).isEqualTo(0.73);
  }
}
