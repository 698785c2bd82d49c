package dev.warden.classifier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided twin of {@link NormaliserFuzzTest}: Jazzer builds the text (raw chars, decoded bytes, or pieces
 * from the seeded test's list of nasty strings, arbitrary code points and stretched letters) and steers towards
 * inputs that reach new branches. Same properties: never throws; at most {@link Normaliser#MAX_TOKENS} tokens;
 * every span lies inside the input, in reading order, with non-empty text; the words are bounded by
 * {@value NormaliserFuzzTest#EXPANSION} chars per input char. When fuzzing, one input that runs longer than
 * libFuzzer's {@code -timeout} (10 s, set in {@code junit-platform.properties}) is reported as a hang. (Not a JUnit
 * {@code @Timeout}: that would bound the whole fuzzing run.)
 *
 * <p>{@code mvn verify} replays the inputs in {@code NormaliserJazzerTestInputs/} (regression mode); with the
 * environment variable {@code JAZZER_FUZZ=1} Jazzer fuzzes for {@code maxDuration} (see the README, "Hostile
 * input").
 */
class NormaliserJazzerTest {
  private final Normaliser normaliser = new Normaliser();

  @FuzzTest(maxDuration = "45s")
  void hostileTextNormalisesWithinBoundsAndNeverThrows(FuzzedDataProvider data) {
    String text = text(data);
    check(text, normaliser.normalise(text));
  }

  private static String text(FuzzedDataProvider data) {
    return switch (data.consumeInt(0, 3)) {
      case 0 -> data.consumeRemainingAsString();
      case 1 -> new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
      case 2 -> new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_16BE); // lone surrogates too
      default -> pieces(data);
    };
  }

  /** Text from the same kinds of pieces as the seeded test, chosen by the fuzzer instead of a random seed. */
  private static String pieces(FuzzedDataProvider data) {
    StringBuilder out = new StringBuilder();
    while (data.remainingBytes() > 0 && out.length() < 4000) {
      switch (data.consumeInt(0, 4)) {
        case 0 -> out.append(data.pickValue(NormaliserFuzzTest.NASTY));
        case 1 -> out.append(data.consumeChar());
        case 2 -> out.appendCodePoint(data.consumeInt(0, Character.MAX_CODE_POINT));
        case 3 -> out.append(data.consumeString(12));
        default -> out.append(String.valueOf((char) ('a' + data.consumeInt(0, 25))).repeat(data.consumeInt(1, 13)));
      }
    }
    return out.toString();
  }

  private static void check(String text, NormalisedText normalised) {
    assertThat(normalised.original()).isSameAs(text);
    assertThat(normalised.tokens()).hasSizeLessThanOrEqualTo(Normaliser.MAX_TOKENS);
    int previous = 0;
    long chars = 0;
    for (int i = 0; i < normalised.tokens().size(); i++) {
      Token token = normalised.tokens().get(i);
      assertThat(token.text()).isNotEmpty();
      assertThat(token.start()).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(token.end());
      assertThat(token.end()).isLessThanOrEqualTo(text.length());
      assertThat(normalised.surface(i)).isNotNull();
      previous = token.start();
      chars += token.text().length();
    }
    assertThat(chars).isLessThanOrEqualTo((long) NormaliserFuzzTest.EXPANSION * text.length());
  }
}
