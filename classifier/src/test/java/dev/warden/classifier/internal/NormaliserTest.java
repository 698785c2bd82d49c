package dev.warden.classifier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NormaliserTest {
  private final Normaliser normaliser = new Normaliser(Set.of("kill", "stupid", "good", "troll", "idiot")::contains);

  private List<String> words(String text) {
    return List.of(normaliser.normalise(text).words());
  }

  @Test
  void foldsCompatibilityFormsAndCase() {
    assertThat(words("ＳＴＵＰＩＤ Troll")).containsExactly("stupid", "troll");
  }

  @Test
  void removesInvisibleCharactersInsideWords() {
    assertThat(words("id\u200Biot and st\u00ADupid\uFEFF")).containsExactly("idiot", "and", "stupid");
  }

  @Test
  void foldsCyrillicAndGreekLookAlikesInsideLatinWords() {
    assertThat(words("\u0456d\u0456\u043Et")).containsExactly("idiot");
    assertThat(words("m\u03BFron")).containsExactly("moron");
  }

  @Test
  void foldsLatinLookAlikesInsideCyrillicWords() {
    // "дурак" and "идиот" typed with Latin a, o and p among the Cyrillic letters
    assertThat(words("\u0434\u0443\u0440a\u043A \u0438\u0434\u0438o\u0442"))
        .containsExactly("\u0434\u0443\u0440\u0430\u043A", "\u0438\u0434\u0438\u043E\u0442");
    assertThat(words("\u0436oпa")).containsExactly("\u0436\u043E\u043F\u0430");
  }

  @Test
  void leavesRealCyrillicWordsAlone() {
    assertThat(words("Слава Україні")).containsExactly("слава", "україні");
  }

  @Test
  void undoesLeetspeakInsideWords() {
    assertThat(words("m0r0n 1d10t sh1t h4t3 b1tch")).containsExactly("moron", "idiot", "shit", "hate", "bitch");
  }

  @Test
  void keepsDigitsOfModelNamesAndNumbers() {
    assertThat(words("T72 and 2022 and F35")).containsExactly("t72", "and", "2022", "and", "f35");
  }

  @Test
  void mapsEdgeLeetOnlyToKnownWords() {
    assertThat(words("5tupid")).containsExactly("stupid");
    assertThat(words("$hit @ss")).containsExactly("shit", "ass");
  }

  @Test
  void restoresMaskedLettersFromTheLexicon() {
    assertThat(words("f*ck sh!t f**king b!tch f***")).containsExactly("fuck", "shit", "fucking", "bitch", "fuck");
  }

  @Test
  void joinsSpacedOutLetters() {
    assertThat(words("you s t u p i d troll")).containsExactly("you", "stupid", "troll");
    assertThat(words("f.u.c.k off")).containsExactly("fuck", "off");
  }

  @Test
  void doesNotJoinTwoSingleLetters() {
    assertThat(words("I a moron")).containsExactly("i", "a", "moron");
  }

  @Test
  void shortensStretchedLettersToAKnownWord() {
    assertThat(words("stuuuupid")).containsExactly("stupid");
    assertThat(words("killlll")).containsExactly("kill");
    assertThat(words("gooooood")).containsExactly("good");
    assertThat(words("noooooo")).containsExactly("no");
  }

  @Test
  void trimsPunctuationAroundWords() {
    assertThat(words("\"idiot!!!\" (troll)... don't")).containsExactly("idiot", "troll", "don't");
  }

  @Test
  void tokensRememberTheOriginalSpans() {
    NormalisedText text = normaliser.normalise("Hey \uFF26*ck y0u, s t u p i d!");
    assertThat(text.words()).containsExactly("hey", "fuck", "you", "stupid");
    assertThat(text.surface(1)).isEqualTo("\uFF26*ck");
    assertThat(text.surface(2)).isEqualTo("y0u");
    assertThat(text.surface(3)).isEqualTo("s t u p i d");
  }

  @Test
  void emptyAndSymbolOnlyTextsHaveNoTokens() {
    assertThat(words("")).isEmpty();
    assertThat(words(" !!! ... \u200B ")).isEmpty();
  }
}
