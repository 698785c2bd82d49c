package dev.warden.plugin.internal.policy;

import dev.warden.classifier.Verdict;
import dev.warden.plugin.PolicyConfig;
import dev.warden.plugin.PolicyConfig.LabelThresholds;
import dev.warden.plugin.store.Decision;
import java.util.function.Function;

/**
 * Applies a policy to a verdict. A comment in a language the models do not cover is held, allowed or scored as
 * the policy's {@code on-unsupported-language} says. Otherwise the thresholds of every label and abuse kind apply:
 * reject wins over hold; among the names over their threshold the one with the highest score is the reason. A kind
 * the verdict does not score never decides, whatever its threshold. Stateless.
 */
public final class Decider {
  /** The reason of an allowed comment. */
  public static final String NO_REASON = "none";

  /** The reason of a comment held because the models do not cover its language. */
  public static final String UNSUPPORTED_LANGUAGE = Verdict.UNSUPPORTED_LANGUAGE;

  /**
   * The decision and the label that caused it.
   *
   * @param decision allow, hold or reject
   * @param reason the deciding label or kind, {@link #UNSUPPORTED_LANGUAGE}, or {@link #NO_REASON}
   */
  public record Outcome(Decision decision, String reason) {}

  /** Decides a verdict under a policy. */
  public Outcome decide(Verdict verdict, PolicyConfig policy) {
    if (verdict.hasFlag(Verdict.UNSUPPORTED_LANGUAGE)) {
      switch (policy.onUnsupportedLanguage()) {
        // Its scores mean little, so they neither reject it nor let it through unread.
        case HOLD -> {
          return new Outcome(Decision.HOLD, UNSUPPORTED_LANGUAGE);
        }
        case ALLOW -> {
          return new Outcome(Decision.ALLOW, NO_REASON);
        }
        case SCORE -> { }
      }
    }
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
    for (String name : PolicyConfig.SCORED) {
      Double threshold = which.apply(policy.thresholds(name));
      Double score = verdict.scores().get(name);
      if (threshold != null && score != null && score >= threshold && score > worstScore) {
        worst = name;
        worstScore = score;
      }
    }
    return worst;
  }
}
