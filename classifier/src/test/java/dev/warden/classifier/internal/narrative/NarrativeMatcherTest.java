package dev.warden.classifier.internal.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.classifier.internal.Example;
import dev.warden.classifier.internal.Normaliser;
import dev.warden.classifier.internal.SeedCorpus;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Held-out paraphrases written for this test only (not in the catalogue or the seed corpus). */
class NarrativeMatcherTest {
  private static final NarrativeMatcher MATCHER =
      new NarrativeMatcher(
          NarrativeCatalogue.bundled(), SeedCorpus.load().stream().map(Example::text).toList());
  private static final Normaliser NORMALISER = new Normaliser();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "bucha_staged | those bucha corpses were actors, the whole thing was filmed after the russians left",
    "us_biolabs | americans had bio weapon laboratories in ukraine, that's why putin went in",
    "ukraine_nazi_state | the government in kyiv is full of neo nazis, denazification was needed",
    "mh17_ukraine | it was ukraine that shot down the malaysian boeing in 2014",
    "kakhovka_dam_ukraine | the ukrainians destroyed the kakhovka dam themselves with rockets",
    "zelensky_drug_addict | everyone can see zelensky is high on cocaine in every speech",
    "crimea_always_russian | crimea has always been russian, the 2014 referendum was fair",
    "nato_provoked_war | nato expanded east after promising it wouldnt, so russia was forced to act",
    "weapons_black_market | the weapons we give them are resold on the black market",
    "poland_annex_west_ukraine | warsaw is waiting to annex lviv and the west of ukraine",
    "sanctions_backfire | the sanctions backfired, russia's economy is booming while europe suffers",
    "belarus_threatened | NATO wants to attack belarus, lukashenko's troops are only defending",
  })
  void findsTheRightNarrativeFirstForAHeldOutParaphrase(String id, String comment) {
    List<NarrativeMatcher.Match> matches = MATCHER.match(NORMALISER.normalise(comment), 0.0, 3);
    assertThat(matches).as(comment).isNotEmpty();
    assertThat(matches.get(0).narrative().id()).as(comment).isEqualTo(id);
    assertThat(matches.get(0).similarity()).as(comment).isBetween(0.15, 1.0);
    if (matches.size() > 1) {
      assertThat(matches.get(1).similarity()).as(comment).isLessThan(matches.get(0).similarity());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "Great interview, thank you for covering the front line so carefully.",
    "My grandmother lives in Odesa, she says the air raid alarms go off every night.",
    "How many tanks has Germany actually delivered so far?",
    "Who blew up Nord Stream? we still don't know.",
    "The grain deal collapsed and bread prices are going up in Egypt.",
  })
  void doesNotMatchOrdinaryOrTrueComments(String comment) {
    assertThat(MATCHER.match(NORMALISER.normalise(comment))).as(comment).isEmpty();
  }

  @Test
  void reportsAtMostThreeMatchesMostSimilarFirstWithKeywordSpans() {
    String comment = "Bucha staged, MH17 was ukraine, biolabs everywhere, kakhovka dam blown by kiev";
    List<NarrativeMatcher.Match> matches = MATCHER.match(NORMALISER.normalise(comment), 0.0, 3);
    assertThat(matches).hasSize(3);
    assertThat(matches).extracting(NarrativeMatcher.Match::similarity).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    NarrativeMatcher.Match bucha = MATCHER.match(NORMALISER.normalise("Bucha was STAGED")).get(0);
    assertThat(bucha.keywords()).isNotEmpty().allSatisfy(term ->
        assertThat("Bucha was STAGED".substring(term.start(), term.end())).isEqualTo(term.text()));
  }

  @Test
  void aTextWithoutWordsMatchesNothing() {
    assertThat(MATCHER.matchAll(NORMALISER.normalise("🙂 !!! ...")).best()).isZero();
  }
}
