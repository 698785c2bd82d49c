package dev.warden.classifier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CalibrationTest {
  @Test
  void isMonotonicAndStaysInTheUnitInterval() {
    Calibration calibration = new Calibration(1.3, 0.8, 0.35, 0.07);
    double previous = -1;
    for (int i = 0; i <= 1000; i++) {
      double p = calibration.apply(i / 1000.0);
      assertThat(p).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previous);
      previous = p;
    }
    assertThat(calibration.apply(Double.NaN)).isZero();
  }

  @Test
  void aLowerTargetPriorLowersEveryScore() {
    Calibration corpus = new Calibration(1, 0, 0.35, 0.35);
    Calibration traffic = new Calibration(1, 0, 0.35, 0.07);
    assertThat(corpus.apply(0.5)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(traffic.apply(0.5)).isLessThan(0.5);
    assertThat(traffic.apply(0.99)).isGreaterThan(0.5);
  }

  @Test
  void platFitOnSeparableScoresHasAPositiveSlopeAndTheCorpusPrior() {
    double[] scores = {0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9, 0.35, 0.65};
    boolean[] positive = {false, false, false, false, true, true, true, true, false, true};
    Calibration fit = Calibration.fit(scores, positive, 0.07);
    assertThat(fit.slope()).isPositive();
    assertThat(fit.trainingPrior()).isEqualTo(0.5);
    assertThat(fit.apply(0.9)).isGreaterThan(fit.apply(0.1));
    assertThat(Calibration.fit(scores, positive, 0.07)).isEqualTo(fit);
  }

  @Test
  void rejectsImpossibleParameters() {
    assertThatThrownBy(() -> new Calibration(0, 0, 0.5, 0.5)).hasMessageContaining("slope");
    assertThatThrownBy(() -> new Calibration(1, 0, 0, 0.5)).hasMessageContaining("priors");
    assertThatThrownBy(() -> Calibration.fit(new double[] {0.2}, new boolean[] {true}, 0.1))
        .hasMessageContaining("positives and negatives");
  }
}
