package dev.warden.classifier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.classifier.Classifier;
import dev.warden.classifier.Term;
import dev.warden.classifier.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AbuseKindsTest {
  private static final Classifier CLASSIFIER = Classifier.loadDefault();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "shut up you pathetic moron | insult",
        "I know where you live and I will find you | threat",
        "all Chechens are vermin and should be wiped out | identity_attack",
        "what the fuck is this shit | profanity",
      })
  void theKindOfClearAbuseScoresHighestAmongKinds(String text, String kind) {
    Verdict verdict = CLASSIFIER.classify(text);
    assertThat(verdict.score(Verdict.ABUSE)).isGreaterThan(0.5);
    for (String other : Verdict.KINDS) {
      if (!other.equals(kind)) {
        assertThat(verdict.score(kind)).as(kind + " vs " + other).isGreaterThan(verdict.score(other));
      }
    }
  }

  @Test
  void everyKindIsScoredAndNeverAboveAbuse() {
    Verdict verdict = CLASSIFIER.classify("you idiot, I hope you die");
    assertThat(verdict.scores()).containsKeys(Verdict.KINDS.toArray(String[]::new));
    for (String kind : Verdict.KINDS) {
      assertThat(verdict.score(kind)).isLessThanOrEqualTo(verdict.score(Verdict.ABUSE));
    }
  }

  @Test
  void kindTermsPointIntoTheOriginalText() {
    String text = "Listen you 1d10t, I know where you live";
    Verdict verdict = CLASSIFIER.classify(text);
    assertThat(verdict.termsFor("insult")).isNotEmpty();
    for (String name : verdict.terms().keySet()) {
      for (Term term : verdict.termsFor(name)) {
        assertThat(term.hasSpan()).isTrue();
        assertThat(text.substring(term.start(), term.end())).isEqualTo(term.text());
      }
    }
    assertThat(verdict.termsFor("insult")).extracting(Term::text).contains("1d10t");
  }

  @Test
  void aCommentNowhereNearAbuseHasNoKindsAndNoTerms() {
    Verdict verdict = CLASSIFIER.classify("Thanks for the report, what range do the new air defence missiles have?");
    assertThat(verdict.score(Verdict.ABUSE)).isLessThan(AbuseKinds.MIN_EXPLAINED);
    assertThat(verdict.scores()).doesNotContainKeys(Verdict.KINDS.toArray(String[]::new));
    assertThat(verdict.termsFor(Verdict.ABUSE)).isEmpty();
  }
}
