package dev.warden.plugin.internal.throttle;

import dev.warden.plugin.ThrottleConfig;

/**
 * How strikes tighten a poster's allowance: the multiplier is {@code min(factor^strikes, maxMultiplier)}; the
 * minimum interval is multiplied by it and the window allowance divided by it (at least one comment). Immutable.
 */
final class Escalation {
  private final double factor;
  private final double maxMultiplier;
  private final long decay;

  Escalation(ThrottleConfig.Escalation config) {
    this.factor = config.factor();
    this.maxMultiplier = config.maxMultiplier();
    this.decay = config.decay().toNanos();
  }

  /** Nanoseconds for one strike to decay. */
  long decay() {
    return decay;
  }

  /** The multiplier for {@code strikes}; 1 without strikes. */
  double multiplier(int strikes) {
    return strikes == 0 ? 1 : Math.min(Math.pow(factor, strikes), maxMultiplier);
  }

  /** An interval lengthened by {@code multiplier} (saturating). */
  long lengthen(long interval, double multiplier) {
    return multiplier == 1 ? interval : (long) (interval * multiplier);
  }

  /** An allowance divided by {@code multiplier}, rounded down, at least one. */
  int shrink(int allowance, double multiplier) {
    return multiplier == 1 ? allowance : Math.max(1, (int) (allowance / multiplier));
  }
}
