package dev.warden.classifier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded random hostile text through the normaliser: surrogates (paired and lone), combining marks, bidi controls,
 * NUL and controls, confusables, expanding compatibility characters, spaced and stretched letters. Properties: it
 * never throws; at most {@link Normaliser#MAX_TOKENS} tokens; every span lies inside the input, in reading order;
 * the normalised words are bounded by the input ({@value #EXPANSION} chars per input char at most, NFKC's worst
 * case being U+FDFA at 18). Bounded by iterations; a failure names its seed ({@code -Dfuzz.seed=<n>} replays it).
 */
class NormaliserFuzzTest {
  static final int EXPANSION = 18;
  static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 20_000);
  static final long FIRST_SEED = Long.getLong("fuzz.seed", 7_000L);
  static final String[] NASTY = {
    "\u0000", "\u0001", "\t", "\n", "\u001b", "\u007f", "\u0085", "\u00ad", "\u200b", "\u200d", "\u202e",
    "\u202d", "\u2066", "\u2069", "\u200f", "\ufeff", "\ufffd", "\ud800", "\udfff", "\ud83d\ude00", "\u0301",
    "\u0336", "\u0489", "\ufe0f", "\u3164", "\u0430", "\u0456", "\uff49", "\u1d62", "\u2460", "\ufdfa", "\ufdfd",
    "\u0e47", "\u1f82", "\u00df", "\u0130", "\ufb03", "*", "@", "$", "0", "1", "3", ".", " ", "  ", "-", "'",
    "http://x.y/", "@user", ":-)", "idiot", "i d i o t", "1d10t", "idiooooot", "f*ck", "s.t.u.p.i.d",
  };

  @Test
  void hostileTextNormalisesWithinBoundsAndNeverThrows() {
    Normaliser normaliser = new Normaliser();
    for (long seed = FIRST_SEED; seed < FIRST_SEED + ITERATIONS; seed++) {
      String text = text(new SplittableRandom(seed), seed % 50 == 0 ? 2000 : 60);
      try {
        check(text, normaliser.normalise(text), seed);
      } catch (RuntimeException e) {
        fail("seed " + seed + " (replay with -Dfuzz.seed=" + seed + " -Dfuzz.iterations=1) threw " + e, e);
      }
    }
  }

  @Test
  void controlAndBidiCharactersInsideAWordDoNotSplitIt() {
    Normaliser normaliser = new Normaliser();
    for (String hidden : new String[] {"id\u0000iot", "id\u0001i\u001bot", "idi\u007fot", "id\u202eiot",
        "i\u2066dio\u2069t", "idi\u200dot"}) {
      assertThat(normaliser.normalise("you " + hidden).words()).as(hidden.replaceAll("\\p{C}", "?"))
          .containsExactly("you", "idiot");
    }
  }

  static void check(String text, NormalisedText normalised, long seed) {
    assertThat(normalised.tokens().size()).as("seed %d", seed).isLessThanOrEqualTo(Normaliser.MAX_TOKENS);
    int previous = 0;
    long chars = 0;
    for (int i = 0; i < normalised.tokens().size(); i++) {
      Token token = normalised.tokens().get(i);
      assertThat(token.start()).as("seed %d", seed).isGreaterThanOrEqualTo(previous);
      assertThat(token.end()).as("seed %d", seed).isLessThanOrEqualTo(text.length());
      assertThat(normalised.surface(i)).as("seed %d", seed).isNotNull();
      previous = token.start();
      chars += token.text().length();
    }
    assertThat(chars).as("seed %d", seed).isLessThanOrEqualTo((long) EXPANSION * text.length());
  }

  static String text(SplittableRandom random, int maxPieces) {
    StringBuilder out = new StringBuilder();
    int pieces = random.nextInt(maxPieces + 1);
    for (int i = 0; i < pieces; i++) {
      switch (random.nextInt(5)) {
        case 0, 1 -> out.append(NASTY[random.nextInt(NASTY.length)]);
        case 2 -> out.append((char) random.nextInt(0x10000));
        case 3 -> out.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
        default -> out.append(String.valueOf("abcdefghijklmnopqrstuvwxyz".charAt(random.nextInt(26)))
            .repeat(random.nextInt(8) == 0 ? 1 + random.nextInt(12) : 1));
      }
    }
    return out.toString();
  }
}
