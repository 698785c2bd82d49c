package dev.warden.classifier.internal;

import dev.warden.classifier.internal.narrative.NarrativeCatalogue;
import dev.warden.classifier.internal.narrative.NarrativeMatcher;
import java.util.List;

/**
 * Builds narrative matchers whose IDF comes from our seed corpus. The matcher for the bundled catalogue is built
 * once and shared (it is immutable).
 */
final class NarrativeMatchers {
  private NarrativeMatchers() {}

  private static final class Seed {
    static final List<String> TEXTS = SeedCorpus.load().stream().map(Example::text).toList();
  }

  private static final Preload<NarrativeMatcher> BUNDLED =
      new Preload<>("narrative index", () -> new NarrativeMatcher(NarrativeCatalogue.bundled(), Seed.TEXTS));

  /** The matcher for the bundled catalogue. */
  static NarrativeMatcher bundled() {
    return BUNDLED.get();
  }

  /** Starts building the bundled matcher in the background (~0.5 s), if it has not started yet. */
  static void preload() {
    BUNDLED.start();
  }

  /** A matcher for this catalogue (the bundled one is reused when it is exactly that). */
  static NarrativeMatcher of(NarrativeCatalogue catalogue) {
    if (catalogue == NarrativeCatalogue.bundled()) {
      return bundled();
    }
    return new NarrativeMatcher(catalogue, Seed.TEXTS);
  }
}
