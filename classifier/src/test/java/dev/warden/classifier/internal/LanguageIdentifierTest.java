package dev.warden.classifier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.classifier.Classifier;
import dev.warden.classifier.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {
  private static final LanguageIdentifier LANGUAGES = LanguageIdentifier.bundled();

  private static final String ENGLISH =
      "The shelling of the power station left half the city without heating again this winter.";
  private static final String RUSSIAN =
      "Обстрел электростанции снова оставил половину города без отопления этой зимой.";
  private static final String UKRAINIAN =
      "Обстріл електростанції знову залишив половину міста без опалення цієї зими.";
  private static final String GERMAN =
      "Der Beschuss des Kraftwerks hat die halbe Stadt in diesem Winter wieder ohne Heizung gelassen.";
  private static final String FRENCH =
      "Le bombardement de la centrale a de nouveau privé la moitié de la ville de chauffage cet hiver.";

  @Test
  void identifiesTheLanguageOfFullSentencesAsIso6393() {
    assertThat(LANGUAGES.identify(ENGLISH)).isEqualTo("eng");
    assertThat(LANGUAGES.identify(RUSSIAN)).isEqualTo("rus");
    assertThat(LANGUAGES.identify(UKRAINIAN)).isEqualTo("ukr");
    assertThat(LANGUAGES.identify(GERMAN)).isEqualTo("deu");
    assertThat(LANGUAGES.identify(FRENCH)).isEqualTo("fra");
  }

  @Test
  void saysUndeterminedForShortLatinTextRatherThanGuessing() {
    assertThat(LANGUAGES.identify("ok sure")).isEqualTo("und");
    assertThat(LANGUAGES.identify("Danke schön")).isEqualTo("und");
    assertThat(LANGUAGES.identify("🇺🇦🇺🇦 !!! 2022")).isEqualTo("und");
    assertThat(LANGUAGES.identify("")).isEqualTo("und");
  }

  @Test
  void knowsAShortTextInAnotherScriptIsForeignWithoutNamingTheLanguage() {
    LanguageIdentifier.Detection detection = LANGUAGES.detect("Слава Україні!");
    assertThat(detection.language()).isEqualTo("und");
    assertThat(detection.foreignScript()).isTrue();
    assertThat(LANGUAGES.detect("ok sure").foreignScript()).isFalse();
  }

  @Test
  void fallsBackToEnglishForUnsureMostlyLatinText() {
    // Names and slang confuse the model; a Latin-script comment it is unsure about is most likely English here.
    LanguageIdentifier.Detection detection = LANGUAGES.detect("lol Zelensky Putin Biden NATO hahaha wtf bro");
    assertThat(detection.language()).isIn("eng", "und");
    assertThat(detection.foreignScript()).isFalse();
  }

  @Test
  void readsOnlyTheStartOfAVeryLongComment() {
    String longRussianThenEnglish = RUSSIAN.repeat(4) + ENGLISH.repeat(50);
    assertThat(LANGUAGES.identify(longRussianThenEnglish)).isEqualTo("rus");
  }

  @Test
  void isSafeToShareAcrossThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String text = List.of(ENGLISH, RUSSIAN, UKRAINIAN, GERMAN, FRENCH).get(i % 5);
        results.add(pool.submit(() -> LANGUAGES.identify(text)));
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).isEqualTo(List.of("eng", "rus", "ukr", "deu", "fra").get(i % 5));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void verdictFlagsAConfidentlyDetectedUnsupportedLanguageButStillScoresIt() {
    Classifier classifier = Classifier.loadDefault();
    Verdict russian = classifier.classify(RUSSIAN);
    assertThat(russian.language()).isEqualTo("rus");
    assertThat(russian.hasFlag(Verdict.UNSUPPORTED_LANGUAGE)).isTrue();
    assertThat(russian.scores()).containsKeys(Verdict.ABUSE, Verdict.DISINFORMATION);
    assertThat(classifier.classify(GERMAN).hasFlag(Verdict.UNSUPPORTED_LANGUAGE)).isTrue();
  }

  @Test
  void verdictOfEnglishOrShortTextCarriesNoLanguageFlag() {
    Classifier classifier = Classifier.loadDefault();
    Verdict english = classifier.classify(ENGLISH);
    assertThat(english.language()).isEqualTo("eng");
    assertThat(english.flags()).isEmpty();
    Verdict shortText = classifier.classify("thanks!");
    assertThat(shortText.language()).isEqualTo("und");
    assertThat(shortText.flags()).isEmpty();
  }
}
