package dev.warden.plugin.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * What one reload of the models did.
 *
 * @param outcome swapped in, or refused
 * @param previousVersion the version in force before
 * @param version the version in force after (the previous one when refused)
 * @param loadTime how long loading and checking the new models took (zero if nothing was loaded)
 * @param error why the new models were refused; null when swapped
 */
public record ModelReload(Outcome outcome, String previousVersion, String version, Duration loadTime,
    String error) {
  public ModelReload {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(previousVersion, "previousVersion");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(loadTime, "loadTime");
    if ((outcome == Outcome.REFUSED) != (error != null)) {
      throw new IllegalArgumentException("a refused reload, and only a refused one, has an error");
    }
  }

  /** Whether the new models were put in force. */
  public enum Outcome {
    /** Loaded, checked and in force. */
    SWAPPED,
    /** Not loadable or failed the checks; the previous models stay in force. */
    REFUSED;

    /** The name in JSON: {@code swapped}, {@code refused}. */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
