package dev.warden.plugin.internal.policy;

import dev.warden.classifier.Verdict;
import dev.warden.plugin.PolicyConfig;
import dev.warden.plugin.PolicyConfig.LabelThresholds;
import dev.warden.plugin.store.Decision;
import java.util.function.Function;

/**
 * Applies a policy's per-label thresholds to a verdict. Reject wins over hold; among the labels over their
 * threshold the one with the highest score is the reason. Stateless.
 */
public final class Decider {
  /** The reason of an allowed comment. */
  public static final String NO_REASON = "none";

  /**
   * The decision and the label that caused it.
   *
   * @param decision allow, hold or reject
   * @param reason the deciding label, or {@link #NO_REASON}
   */
  public record Outcome(Decision decision, String reason) {}

  /** Decides a verdict under a policy. */
  public Outcome decide(Verdict verdict, PolicyConfig policy) {
    String reject = worstOver(verdict, policy, LabelThresholds::reject);
    if (reject != null) {
      return new Outcome(Decision.REJECT, reject);
    }
    String hold = worstOver(verdict, policy, LabelThresholds::hold);
    if (hold != null) {
      return new Outcome(Decision.HOLD, hold);
    }
    return new Outcome(Decision.ALLOW, NO_REASON);
  }

  private static String worstOver(Verdict verdict, PolicyConfig policy, Function<LabelThresholds, Double> which) {
    String worst = null;
    double worstScore = -1;
    for (String label : Verdict.LABELS) {
      Double threshold = which.apply(policy.thresholds(label));
      double score = verdict.score(label);
      if (threshold != null && score >= threshold && score > worstScore) {
        worst = label;
        worstScore = score;
      }
    }
    return worst;
  }
}
