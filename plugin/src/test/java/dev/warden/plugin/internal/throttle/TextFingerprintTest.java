package dev.warden.plugin.internal.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Text identity: NFKC, lower case, letters and digits only, hashed. */
class TextFingerprintTest {

  @Test
  void asciiAndNonAsciiSpellingsOfTheSameTextHashAlike() {
    TextFingerprint ascii = TextFingerprint.of("Hello, World 42");
    TextFingerprint fullWidth = TextFingerprint.of("Ｈｅｌｌｏ， Ｗｏｒｌｄ ４２");
    TextFingerprint withNoBreakSpace = TextFingerprint.of("hello world 42 \u00A0");

    assertThat(fullWidth).isEqualTo(ascii);
    assertThat(withNoBreakSpace).isEqualTo(ascii);
    assertThat(ascii.length()).isEqualTo("helloworld42".length());
  }

  @Test
  void composedAndDecomposedAccentsAreTheSameText() {
    assertThat(TextFingerprint.of("Caf\u00E9 au lait")).isEqualTo(TextFingerprint.of("cafe\u0301 AU LAIT"));
  }

  @Test
  void lengthCountsCodePointsSoSupplementaryLettersCountOnce() {
    assertThat(TextFingerprint.of("\uD835\uDC00bc").length()).isEqualTo(3); // MATHEMATICAL BOLD A -> a
    assertThat(TextFingerprint.of("\uD835\uDC00bc")).isEqualTo(TextFingerprint.of("abc"));
  }

  @Test
  void textsWithNothingToCompareHaveLengthZero() {
    assertThat(TextFingerprint.of("").length()).isZero();
    assertThat(TextFingerprint.of(" ?! -- ").length()).isZero();
  }

  @Test
  void differentTextsOfEveryLengthHashApart() {
    Set<Long> hashes = new HashSet<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 2_000; i++) {
      text.append((char) ('a' + i % 26));
      hashes.add(TextFingerprint.of(text).hash());
      hashes.add(TextFingerprint.of("comment " + i).hash());
    }

    assertThat(hashes).hasSize(4_000);
  }

  @Test
  void wordOrderMatters() {
    assertThat(TextFingerprint.of("abc def")).isNotEqualTo(TextFingerprint.of("def abc"));
  }
}
