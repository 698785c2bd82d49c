package dev.warden.plugin.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.classifier.Verdict;
import dev.warden.plugin.PolicyConfig;
import dev.warden.plugin.PolicyConfig.LabelThresholds;
import dev.warden.plugin.store.Decision;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeciderTest {
  final Decider decider = new Decider();
  final PolicyConfig policy = new PolicyConfig(Map.of(
      "abuse", new LabelThresholds(0.5, 0.9),
      "disinformation", new LabelThresholds(0.6, null)), PolicyConfig.OnError.HOLD);

  static Verdict verdict(double abuse, double disinformation) {
    return new Verdict(Map.of("abuse", abuse, "disinformation", disinformation), Map.of(), "eng", "test");
  }

  @Test
  void belowEveryThresholdIsAllowed() {
    assertThat(decider.decide(verdict(0.49, 0.59), policy)).isEqualTo(new Decider.Outcome(Decision.ALLOW, "none"));
  }

  @Test
  void holdThresholdIsInclusive() {
    assertThat(decider.decide(verdict(0.5, 0.0), policy)).isEqualTo(new Decider.Outcome(Decision.HOLD, "abuse"));
  }

  @Test
  void reasonIsTheHighestScoringLabelOverItsThreshold() {
    assertThat(decider.decide(verdict(0.55, 0.8), policy).reason()).isEqualTo("disinformation");
    assertThat(decider.decide(verdict(0.85, 0.8), policy).reason()).isEqualTo("abuse");
  }

  @Test
  void rejectWinsOverAHigherHold() {
    assertThat(decider.decide(verdict(0.91, 0.99), policy)).isEqualTo(new Decider.Outcome(Decision.REJECT, "abuse"));
  }

  @Test
  void labelsSwitchedOffNeverDecide() {
    PolicyConfig off = new PolicyConfig(Map.of(), PolicyConfig.OnError.ALLOW);

    assertThat(decider.decide(verdict(1.0, 1.0), off).decision()).isEqualTo(Decision.ALLOW);
  }

  static Verdict verdict(Map<String, Double> scores, Set<String> flags) {
    return new Verdict(scores, Map.of(), "eng", List.of(), flags, "test");
  }

  final PolicyConfig withKinds = new PolicyConfig(Map.of(
      "abuse", new LabelThresholds(0.7, null),
      "threat", new LabelThresholds(0.4, 0.95),
      "identity_attack", new LabelThresholds(0.5, null)), PolicyConfig.OnError.HOLD);

  @Test
  void kindOverItsThresholdHoldsWithTheKindAsReason() {
    Verdict threat = verdict(Map.of("abuse", 0.3, "disinformation", 0.0, "threat", 0.45), Set.of());

    assertThat(decider.decide(threat, withKinds)).isEqualTo(new Decider.Outcome(Decision.HOLD, "threat"));
  }

  @Test
  void highestScoreOverItsThresholdIsTheReasonAcrossLabelsAndKinds() {
    Verdict both = verdict(Map.of("abuse", 0.8, "disinformation", 0.0, "threat", 0.9, "identity_attack", 0.6),
        Set.of());
    Verdict abuseHighest = verdict(Map.of("abuse", 0.99, "disinformation", 0.0, "threat", 0.9), Set.of());

    assertThat(decider.decide(both, withKinds).reason()).isEqualTo("threat");
    assertThat(decider.decide(abuseHighest, withKinds).reason()).isEqualTo("abuse");
  }

  @Test
  void kindRejectWinsOverAHigherLabelHold() {
    Verdict verdict = verdict(Map.of("abuse", 0.99, "disinformation", 0.0, "threat", 0.96), Set.of());

    assertThat(decider.decide(verdict, withKinds)).isEqualTo(new Decider.Outcome(Decision.REJECT, "threat"));
  }

  @Test
  void kindTheVerdictDoesNotScoreNeverDecidesEvenAtThresholdZero() {
    PolicyConfig zero = new PolicyConfig(Map.of("profanity", new LabelThresholds(0.0, null)),
        PolicyConfig.OnError.HOLD);

    assertThat(decider.decide(verdict(0.1, 0.1), zero).decision()).isEqualTo(Decision.ALLOW);
  }

  @Test
  void unsupportedLanguageIsHeldAllowedOrScoredAsThePolicySays() {
    Verdict russianThreat = verdict(Map.of("abuse", 0.2, "disinformation", 0.1, "threat", 0.97),
        Set.of(Verdict.UNSUPPORTED_LANGUAGE));
    Map<String, LabelThresholds> labels = withKinds.labels();

    assertThat(decider.decide(russianThreat, new PolicyConfig(labels, PolicyConfig.OnError.HOLD,
        PolicyConfig.OnUnsupportedLanguage.HOLD))).isEqualTo(new Decider.Outcome(Decision.HOLD,
        "unsupported_language"));
    assertThat(decider.decide(russianThreat, new PolicyConfig(labels, PolicyConfig.OnError.HOLD,
        PolicyConfig.OnUnsupportedLanguage.ALLOW))).isEqualTo(new Decider.Outcome(Decision.ALLOW, "none"));
    assertThat(decider.decide(russianThreat, new PolicyConfig(labels, PolicyConfig.OnError.HOLD,
        PolicyConfig.OnUnsupportedLanguage.SCORE))).isEqualTo(new Decider.Outcome(Decision.REJECT, "threat"));
  }

  @Test
  void supportedLanguageIgnoresTheUnsupportedLanguagePolicy() {
    PolicyConfig holdUnsupported = new PolicyConfig(withKinds.labels(), PolicyConfig.OnError.HOLD,
        PolicyConfig.OnUnsupportedLanguage.HOLD);

    assertThat(decider.decide(verdict(0.1, 0.1), holdUnsupported).decision()).isEqualTo(Decision.ALLOW);
  }
}
