package dev.warden.classifier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {
  // scikit-learn's documented example: roc_auc_score = 0.75, average_precision_score = 0.8333…
  private static final Metrics EXAMPLE =
      new Metrics(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true});

  @Test
  void rocAucMatchesTheHandComputedValue() {
    // pairs (pos, neg): (0.35,0.1) ok, (0.35,0.4) wrong, (0.8,0.1) ok, (0.8,0.4) ok → 3/4
    assertThat(EXAMPLE.rocAuc()).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void averagePrecisionMatchesTheHandComputedValue() {
    // ranked: 0.8+ (P=1, R=.5), 0.4- , 0.35+ (P=2/3, R=1) → .5*1 + .5*2/3
    assertThat(EXAMPLE.averagePrecision()).isCloseTo(0.5 + 1.0 / 3, within(1e-12));
  }

  @Test
  void tiesCountHalfInRocAucAndShareAThresholdInAveragePrecision() {
    Metrics tied = new Metrics(new double[] {0.5, 0.5, 0.9}, new boolean[] {true, false, true});
    // pairs: (0.5+,0.5-) half, (0.9+,0.5-) ok → 1.5/2
    assertThat(tied.rocAuc()).isCloseTo(0.75, within(1e-12));
    // 0.9: P=1, R=.5; 0.5 (both): P=2/3, R=1 → .5 + .5*2/3
    assertThat(tied.averagePrecision()).isCloseTo(0.5 + 1.0 / 3, within(1e-12));
  }

  @Test
  void aPerfectRankingScoresOneAndAnInvertedOneZero() {
    boolean[] labels = {false, false, true};
    assertThat(new Metrics(new double[] {0.1, 0.2, 0.9}, labels).rocAuc()).isEqualTo(1.0);
    assertThat(new Metrics(new double[] {0.9, 0.8, 0.1}, labels).rocAuc()).isEqualTo(0.0);
    assertThat(new Metrics(new double[] {0.1, 0.2, 0.9}, labels).averagePrecision()).isEqualTo(1.0);
  }

  @Test
  void rankingMetricsAreUndefinedWithOneClassOnly() {
    Metrics allNegative = new Metrics(new double[] {0.1, 0.7}, new boolean[] {false, false});
    assertThat(allNegative.rocAuc()).isNaN();
    assertThat(allNegative.averagePrecision()).isNaN();
    assertThat(new Metrics(new double[] {0.1}, new boolean[] {true}).rocAuc()).isNaN();
  }

  @Test
  void confusionCountsScoresAtTheThresholdAsPositive() {
    Metrics.Confusion c = EXAMPLE.confusion(0.4);
    assertThat(c).isEqualTo(new Metrics.Confusion(1, 1, 1, 1));
    assertThat(c.precision()).isEqualTo(0.5);
    assertThat(c.recall()).isEqualTo(0.5);
    assertThat(c.f1()).isEqualTo(0.5);
    Metrics.Confusion none = EXAMPLE.confusion(0.95);
    assertThat(none).isEqualTo(new Metrics.Confusion(0, 0, 2, 2));
    assertThat(none.precision()).isZero();
    assertThat(none.f1()).isZero();
  }

  @Test
  void calibrationHasTenBinsWithMeansRatesAndCounts() {
    Metrics m = new Metrics(new double[] {0.12, 0.18, 0.95, 1.0, 0.0}, new boolean[] {false, true, true, true, false});
    List<Metrics.Bin> bins = m.calibration();
    assertThat(bins).hasSize(10);
    assertThat(bins.get(0).count()).isEqualTo(1);
    assertThat(bins.get(1).meanPredicted()).isCloseTo(0.15, within(1e-12));
    assertThat(bins.get(1).observedRate()).isEqualTo(0.5);
    assertThat(bins.get(1).count()).isEqualTo(2);
    assertThat(bins.get(9).count()).isEqualTo(2); // 1.0 falls in the last bin
    assertThat(bins.get(5).count()).isZero();
    assertThat(bins.get(5).meanPredicted()).isNaN();
  }

  @Test
  void flaggedShareCountsScoresAtOrAboveTheThreshold() {
    assertThat(EXAMPLE.flaggedShare(0.4)).isEqualTo(0.5);
  }

  @Test
  void rejectsScoresAndLabelsOfDifferentLengths() {
    assertThatThrownBy(() -> new Metrics(new double[2], new boolean[3]))
        .hasMessageContaining("2 scores for 3 labels");
  }
}
