package dev.warden.plugin.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.classifier.Verdict;
import dev.warden.plugin.PolicyConfig;
import dev.warden.plugin.PolicyConfig.LabelThresholds;
import dev.warden.plugin.store.Decision;
import java.util.Map;
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
}
