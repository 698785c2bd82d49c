package dev.warden.plugin.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Moderation stats since an instant. Immutable.
 *
 * @param since the start of the period
 * @param decisions moderators' decisions per moderator and UTC day, by day then moderator
 * @param reasons holds and overturns per hold reason (a label, kind or throttle reason), by reason
 * @param classified comments classified in the period, from the score sample (the console's {@code
 *     console.samples}); 0 when sampling is off
 */
public record StatsReport(Instant since, List<DayDecisions> decisions, List<ReasonRates> reasons, long classified) {
  public StatsReport {
    Objects.requireNonNull(since, "since");
    decisions = List.copyOf(decisions);
    reasons = List.copyOf(reasons);
    if (classified < 0) {
      throw new IllegalArgumentException("classified must not be negative: " + classified);
    }
  }

  /**
   * One moderator's decisions on one UTC day.
   *
   * @param moderator who decided
   * @param day the UTC day of the decisions
   * @param approved comments they approved (still approved, delivered or failed delivery)
   * @param rejected comments they rejected
   */
  public record DayDecisions(String moderator, LocalDate day, long approved, long rejected) {
    public DayDecisions {
      Objects.requireNonNull(moderator, "moderator");
      Objects.requireNonNull(day, "day");
    }

    /** Approved plus rejected. */
    public long total() {
      return approved + rejected;
    }
  }

  /**
   * Holds and overturns for one reason.
   *
   * @param reason the hold reason
   * @param held comments held for it in the period
   * @param decided held comments moderators approved or rejected in the period
   * @param overturned of those, the ones moderators approved
   */
  public record ReasonRates(String reason, long held, long decided, long overturned) {
    public ReasonRates {
      Objects.requireNonNull(reason, "reason");
      if (held < 0 || decided < 0 || overturned < 0 || overturned > decided) {
        throw new IllegalArgumentException("counts must be non-negative and overturned <= decided: " + held + ", "
            + decided + ", " + overturned);
      }
    }

    /** Overturned ÷ decided, or null when nothing was decided. */
    public Double overturnRate() {
      return decided == 0 ? null : (double) overturned / decided;
    }
  }

  /** A reason's held ÷ classified, or null when no comment was classified. */
  public Double holdRate(ReasonRates rates) {
    return classified == 0 ? null : (double) rates.held() / classified;
  }
}
