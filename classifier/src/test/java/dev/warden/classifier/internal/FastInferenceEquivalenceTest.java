package dev.warden.classifier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.classifier.Classifier;
import dev.warden.classifier.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import opennlp.tools.langdetect.LanguageDetectorContextGenerator;
import opennlp.tools.langdetect.LanguageDetectorFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The request path's shortcuts ({@link ModelSet}/{@link WeightTable}/{@link FeatureVector}, {@link LanguageContexts},
 * the ASCII path of {@link FoldedText}) against the straightforward computations they replace, on ~500 varied
 * texts: our heated-but-legitimate set, a slice of the seed corpus, and texts made to hit the edge cases (evasion
 * tricks, emoji, URLs, hashtags, numbers, stretched letters, other scripts, long words, repeated words).
 */
class FastInferenceEquivalenceTest {
  private static final OpenNlpClassifier CLASSIFIER = (OpenNlpClassifier) Classifier.loadDefault();
  private static final List<String> NAMES =
      Stream.concat(Verdict.LABELS.stream(), Verdict.KINDS.stream()).toList();
  private static List<String> texts;

  @BeforeAll
  static void texts() throws IOException {
    List<String> all = new ArrayList<>(List.of(
        "you are a pathetic idiot", "f*ck you m0r0n", "s t u p i d troll", "stuuuupid traitor, killlll them all",
        "1d10t sh!t f.u.c.k", "уou аre a mоrоn", "Путин — военный преступник, и это знают все.",
        "Слава Україні! Героям слава!", "Die Ukraine verteidigt sich, und das ist ihr gutes Recht.",
        "the Bucha massacre was staged by Ukraine with crisis actors #bucha @someone http://t.co/xyz",
        "hahaha jajaja rt: xD :-) ;p 2022 1991 100000 !!!   spaced   out...   ",
        "🤡🤡🤡 Cavuto🤣🤣 ☺️✌️ high🤡", "re-plan - it — yes – no ‐ maybe", "\tleading and trailing whitespace \n",
        "aaa bbb AAA aAa ooo 😀😀😀", "supercalifragilisticexpialidociousandthensome word",
        "the the the the the the the the", "", "   ", "🙂", "..!!", "ǅemal İstanbul ß ﬁnd Ⅻ ＦＵＬＬＷＩＤＴＨ"));
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        FastInferenceEquivalenceTest.class.getResourceAsStream(HeatedLegitimateCommentsTest.RESOURCE),
        StandardCharsets.UTF_8))) {
      ObjectMapper json = new ObjectMapper();
      in.lines().filter(line -> !line.isBlank()).forEach(line -> {
        try {
          all.add(json.readTree(line).path("text").asText());
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
    }
    List<Example> seed = SeedCorpus.load();
    for (int i = 0; i < seed.size(); i += 12) {
      all.add(seed.get(i).text());
    }
    // Long comments, as on the request path: several seed comments joined.
    for (int i = 0; i + 3 < seed.size(); i += 97) {
      all.add(seed.get(i).text() + " " + seed.get(i + 1).text() + " " + seed.get(i + 2).text());
    }
    texts = List.copyOf(all);
    assertThat(texts).hasSizeGreaterThan(400);
  }

  @Test
  void everyModelScoresExactlyAsOpenNlpEvalAndExplainsTheSameTerms() {
    ModelSet models = new ModelSet(modelsOf(CLASSIFIER));
    Normaliser normaliser = new Normaliser();
    for (String text : texts) {
      NormalisedText normalised = normaliser.normalise(text);
      TextFeatures reference = TextFeatures.of(normalised.words());
      ModelSet.Scores fast = models.score(normalised);
      for (String name : NAMES) {
        LabelModel model = CLASSIFIER.model(name);
        assertThat(fast.score(name)).as(name + ": " + text).isEqualTo(model.score(reference));
        assertThat(fast.explain(name)).as(name + ": " + text).isEqualTo(model.explain(reference, normalised));
      }
    }
  }

  @Test
  void featureVectorHoldsTheKnownFeaturesOfTextFeaturesInOrder() {
    List<LabelModel> models = NAMES.stream().map(CLASSIFIER::model).toList();
    WeightTable table = WeightTable.of(models);
    Normaliser normaliser = new Normaliser();
    for (String text : texts) {
      String[] words = normaliser.normalise(text).words();
      TextFeatures reference = TextFeatures.of(words);
      FeatureVector fast = FeatureVector.of(words, table);
      List<String> expected = new ArrayList<>();
      List<Float> expectedValues = new ArrayList<>();
      for (int i = 0; i < reference.features.length; i++) {
        if (table.id(reference.features[i]) >= 0) {
          expected.add(reference.features[i] + "@" + reference.words[i] + (reference.bigrams[i] ? "b" : ""));
          expectedValues.add(reference.values[i]);
        }
      }
      List<String> actual = new ArrayList<>();
      List<Float> actualValues = new ArrayList<>();
      for (int i = 0; i < fast.ids.length; i++) {
        actual.add(table.feature(fast.ids[i]) + "@" + fast.words[i] + (fast.bigrams[i] ? "b" : ""));
        actualValues.add(fast.values[i]);
      }
      assertThat(actual).as(text).isEqualTo(expected);
      assertThat(actualValues).as(text).isEqualTo(expectedValues);
    }
  }

  @Test
  void weightTableFindsAFeatureFromCharsOrStringAndNothingItDoesNotKnow() {
    WeightTable table = WeightTable.of(List.of(CLASSIFIER.model(Verdict.ABUSE)));
    int id = table.id("w=idiot");
    assertThat(id).isNotNegative();
    assertThat(table.feature(id)).isEqualTo("w=idiot");
    assertThat(table.id("w=idiot".toCharArray(), 7)).isEqualTo(id);
    assertThat(table.id("w=idiotxx".toCharArray(), 7)).isEqualTo(id);
    assertThat(table.id("w=no-such-word-anywhere")).isEqualTo(-1);
    assertThat(table.id(new char[0], 0)).isEqualTo(-1);
  }

  @Test
  void languageContextsAreOpenNlpsOwnInTheSameOrder() {
    LanguageDetectorContextGenerator reference = new LanguageDetectorFactory().getContextGenerator();
    LanguageContexts fast = new LanguageContexts();
    for (String text : texts) {
      CharSequence[] contexts = reference.getContext(text);
      String[] expected = Arrays.stream(contexts).map(Object::toString).toArray(String[]::new);
      assertThat(fast.contexts(text)).as(text).containsExactly(expected);
    }
  }

  @Test
  void languageIdentifierUsesTheFastContextsForTheBundledModel() {
    assertThat(LanguageContexts.replicates(new LanguageDetectorFactory())).isTrue();
  }

  /** ASCII folds as NFKC lower case did, except that controls other than whitespace are dropped (they split words). */
  @Test
  void asciiFoldsAsNfkcLowerCaseDidWithoutControls() {
    StringBuilder ascii = new StringBuilder();
    for (char c = 0; c < 0x80; c++) {
      ascii.append(c);
    }
    StringBuilder expected = new StringBuilder();
    java.util.List<Integer> kept = new java.util.ArrayList<>();
    for (char c = 0; c < 0x80; c++) {
      if ((c < 0x20 || c == 0x7F) && !Character.isWhitespace(c)) {
        continue;
      }
      kept.add((int) c);
      Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC).codePoints()
          .forEach(cp -> expected.appendCodePoint(Character.toLowerCase(cp)));
    }
    FoldedText folded = FoldedText.of(ascii.toString());
    assertThat(folded.toString()).isEqualTo(expected.toString());
    for (int i = 0; i < folded.length(); i++) {
      assertThat(folded.originalStart(i)).isEqualTo(kept.get(i));
      assertThat(folded.originalEnd(i)).isEqualTo(kept.get(i) + 1);
    }
  }

  private static Map<String, LabelModel> modelsOf(OpenNlpClassifier classifier) {
    Map<String, LabelModel> models = new java.util.LinkedHashMap<>();
    NAMES.forEach(name -> models.put(name, classifier.model(name)));
    return models;
  }
}
