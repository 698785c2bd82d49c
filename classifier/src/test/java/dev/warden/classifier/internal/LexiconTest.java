package dev.warden.classifier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.classifier.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LexiconTest {
  private static final Normaliser NORMALISER = new Normaliser();

  private static List<String> kinds(String text) {
    return Lexicon.DEFAULT.match(NORMALISER.normalise(text).words()).stream().map(Lexicon.Hit::kind).toList();
  }

  private static List<String> features(String text) {
    List<String> features = new ArrayList<>();
    Features.lexicon(NORMALISER.normalise(text).words(), (feature, word, bigram) -> features.add(feature));
    return features;
  }

  @ParameterizedTest
  @CsvSource({
    "you are an idiot, insult",
    "what a m0r0n, insult",
    "1d10t, insult",
    "stuuuupid clown, insult",
    "ты дебил, insult",
    "f*ck this, profanity",
    "sh!t reporting, profanity",
    "сука блять, profanity",
    "i will find you, threat",
    "I hope you die, threat",
    "traitors should be shot, threat",
    "all Russians are animals, identity_attack",
    "refugees are vermin, identity_attack",
    "the orcs again, identity_attack",
    "хохлы, identity_attack",
  })
  void findsTheKindOfAbuseThroughObfuscation(String text, String kind) {
    assertThat(kinds(text)).contains(kind);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "the army will destroy the tanks",
        "Putin is a war criminal and Lukashenko is a dictator",
        "Russian troops shelled Kharkiv again",
        "an idiotic decision by the ministry",
        "wipe out the logistics and the front collapses",
        "thank you for the report",
        "half the comments here are bots, look at the account dates",
        "the brain drain from Russia since 2022",
      })
  void legitimateDebateMatchesNoKind(String text) {
    assertThat(kinds(text)).doesNotContainAnyElementsOf(Verdict.KINDS);
  }

  @ParameterizedTest
  @CsvSource({
    "another putintard in the comments, insult",
    "zelenskyshill alert, insult",
    "kremlinbots everywhere, insult",
    "what a clusterfuck, profanity",
  })
  void anInsultingTailMakesACoinedCompoundAnInsult(String text, String kind) {
    assertThat(kinds(text)).containsExactly(kind);
  }

  @ParameterizedTest
  @ValueSource(strings = {"custard and mustard", "the robots are coming", "a chatbot answered", "bot", "mybot"})
  void ordinaryWordsThatEndLikeAnInsultAreNotCompounds(String text) {
    assertThat(kinds(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"says the nazi", "you nazis lost", "nazi zelensky again", "ukronazis everywhere"})
  void naziStuckOnAPersonOrAPeopleIsAnInsult(String text) {
    assertThat(kinds(text)).contains(Lexicon.INSULT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "the nazis occupied kyiv in 1941",
        "calling everyone a nazi makes the word meaningless",
        "my grandfather fought the nazis",
      })
  void theHistoryOfNazismIsNoInsult(String text) {
    assertThat(kinds(text)).isEmpty();
  }

  @Test
  void aDehumanisingWordWithoutAGroupIsNotAnIdentityAttack() {
    assertThat(kinds("these animals bombed a hospital")).containsExactly(Lexicon.DEHUMANISING);
    assertThat(kinds("these Russians are animals")).containsExactly(Lexicon.IDENTITY_ATTACK);
  }

  @Test
  void aSecondPersonPronounNearAnInsultAddsItsOwnFeature() {
    assertThat(features("you idiot")).containsExactly("lex=insult", "lex=insult+2p");
    assertThat(features("this idiot on TV")).containsExactly("lex=insult");
  }

  @Test
  void anInsultAfterAReportingVerbIsMarkedQuotedInsteadOfPlain() {
    assertThat(features("he called them idiots on TV")).containsExactly("lex=insult+quoted");
    assertThat(features("the minister said opponents of the war are idiots")).containsExactly("lex=insult+quoted");
    assertThat(features("stop acting like an idiot")).containsExactly("lex=insult", "lex=insult+quoted");
  }

  @Test
  void aThreatReportedFromSomeoneElseIsQuotedEvenWhenItSaysYou() {
    assertThat(features("I reported the guy who wrote hope you die")).containsExactly("lex=threat+quoted");
  }

  @Test
  void whatTheThreadItselfSaidIsNotAQuotation() {
    assertThat(features("I said it before and you are an idiot")).containsExactly("lex=insult", "lex=insult+2p");
    assertThat(features("you said nothing, idiot")).containsExactly("lex=insult", "lex=insult+2p");
  }

  @Test
  void matchesCarryTheWordsTheyCover() {
    String[] words = NORMALISER.normalise("listen, I know where you live").words();
    assertThat(Lexicon.DEFAULT.match(words)).containsExactly(new Lexicon.Hit(Lexicon.THREAT, 1, 6));
  }
}
