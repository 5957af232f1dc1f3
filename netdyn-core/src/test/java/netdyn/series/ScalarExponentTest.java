package netdyn.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import netdyn.BadInputException;
import netdyn.rng.SplitMix64;

/** Rosenstein and Kantz on the known answers of SCIENCE.md §5 (within 10 % on 5000 points). */
class ScalarExponentTest {
    private static final double LN2 = Math.log(2);

    @Test
    void logisticAtFourGivesLnTwo() {
        SplitMix64 rng = new SplitMix64(41);
        for (int c = 0; c < 3; c++) {
            double[] x = SeriesFixtures.logistic(4, 5000, 1000, 0.05 + 0.9 * rng.nextDouble());
            for (int m = 1; m <= 2; m++) {
                ScalarExponentResult ros = RosensteinExponent.of(x, new RosensteinSpec(m, 1, 10, 20, FitRange.auto()));
                ScalarExponentResult kan = KantzExponent.of(x, new KantzSpec(m, 1, 10, 20, 0.01, 1, FitRange.auto()));
                assertThat(ros.exponent()).as("Rosenstein, m = %d", m).isCloseTo(LN2, within(0.02 * LN2));
                assertThat(kan.exponent()).as("Kantz, m = %d", m).isCloseTo(LN2, within(0.02 * LN2));
                assertThat(ros.failure()).isNull();
                assertThat(ros.r2()).isGreaterThan(0.99);
                assertThat(ros.method()).isEqualTo("rosenstein");
                assertThat(kan.method()).isEqualTo("kantz");
            }
        }
    }

    @Test
    void henonXSeriesGivesItsLargestExponent() {
        SplitMix64 rng = new SplitMix64(43);
        for (int c = 0; c < 3; c++) {
            double[] x = SeriesFixtures.henonX(5000, 1000, 0.2 * rng.nextDouble(), 0.2 * rng.nextDouble());
            ScalarExponentResult ros = RosensteinExponent.of(x, RosensteinSpec.defaults());
            ScalarExponentResult kan = KantzExponent.of(x, KantzSpec.defaults());
            double lambda = SeriesFixtures.HENON_LAMBDA;
            assertThat(ros.exponent()).as("Rosenstein").isCloseTo(lambda, within(0.05 * lambda));
            assertThat(kan.exponent()).as("Kantz").isCloseTo(lambda, within(0.05 * lambda));
            // the automatic range skips the first (alignment) step and stops before saturation
            assertThat(ros.fitFrom()).isBetween(1, 2);
            assertThat(ros.fitTo()).isBetween(9, 14);
        }
    }

    @Test
    void curveAndPairsAreReturnedAndAFixedRangeIsUsedAsGiven() {
        double[] x = SeriesFixtures.henonX(3000, 500, 0.1, 0.1);
        ScalarExponentResult r = RosensteinExponent.of(x, new RosensteinSpec(2, 1, 5, 15, FitRange.of(2, 8)));
        assertThat(r.curve()).hasSize(16);
        assertThat(r.pairs()).hasSize(16);
        assertThat(r.fitFrom()).isEqualTo(2);
        assertThat(r.fitTo()).isEqualTo(8);
        LinearFit direct = LinearFit.againstIndex(r.curve(), 2, 8);
        assertThat(r.exponent()).isEqualTo(direct.slope());
        assertThat(r.fitted(5)).isCloseTo(direct.intercept() + 5 * direct.slope(), within(1e-12));
        assertThat(r.references()).isEqualTo(3000 - 1 - 15);
        assertThat(r.pairs()[0]).isEqualTo(r.references());
        // the curve rises: separations grow
        assertThat(r.curve()[12]).isGreaterThan(r.curve()[2] + 3);
    }

    @Test
    void nearestNeighbourSearchMatchesBruteForce() {
        SplitMix64 rng = new SplitMix64(47);
        for (int c = 0; c < 5; c++) {
            int n = 200 + rng.nextInt(300);
            double[] x = new double[n];
            for (int t = 0; t < n; t++) {
                x[t] = Math.round(rng.nextGaussian() * 20) / 20.0; // many ties
            }
            int m = 1 + rng.nextInt(3);
            int tau = 1 + rng.nextInt(2);
            int usable = DelayEmbedding.vectors(n, m, tau) - 5;
            int w = rng.nextInt(4);
            DelayEmbedding e = new DelayEmbedding(x, m, tau, usable);
            for (int i = 0; i < usable; i++) {
                double best = Double.POSITIVE_INFINITY;
                int bestJ = -1;
                for (int j = 0; j < usable; j++) {
                    double d = 0;
                    for (int k = 0; k < m; k++) {
                        d += (x[i + k * tau] - x[j + k * tau]) * (x[i + k * tau] - x[j + k * tau]);
                    }
                    if (Math.abs(i - j) > w && d > 0 && d < best) {
                        best = d;
                        bestJ = j;
                    }
                }
                assertThat(e.nearest(i, w)).as("case %d, point %d", c, i).isEqualTo(bestJ);
            }
        }
    }

    @Test
    void periodicSeriesHasNoExponentialDivergence() {
        double[] x = SeriesFixtures.logistic(3.5, 2000, 1000, 0.3);
        ScalarExponentResult r = RosensteinExponent.of(x, RosensteinSpec.defaults());
        // the nearest non-identical point is another phase of the orbit: separations stay constant
        assertThat(r.exponent()).isZero();
        assertThat(r.r2()).isNaN();
        assertThat(r.failure()).isNull();
    }

    @Test
    void edgeCases() {
        RosensteinSpec spec = new RosensteinSpec(3, 2, 10, 20, FitRange.auto());
        assertThat(spec.minimumLength()).isEqualTo(4 + 20 + 10 + 2);
        assertThatThrownBy(() -> RosensteinExponent.of(new double[0], spec))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> RosensteinExponent.of(new double[35], spec))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs at least 36");
        assertThatThrownBy(() -> KantzExponent.of(new double[35], new KantzSpec(3, 2, 10, 20, 0.1, 1,
                FitRange.auto()))).isInstanceOf(IllegalArgumentException.class);
        // the shortest admissible series has exactly one pair
        ScalarExponentResult shortest = RosensteinExponent.of(SeriesFixtures.logistic(4, 36, 100, 0.3), spec);
        assertThat(shortest.references()).isEqualTo(2);
        assertThat(shortest.pairs()[0]).isEqualTo(2);
        // a constant series has no neighbour at a non-zero distance
        double[] constant = new double[100];
        ScalarExponentResult none = RosensteinExponent.of(constant, RosensteinSpec.defaults());
        assertThat(none.exponent()).isNaN();
        assertThat(none.failure()).contains("no reference point has a neighbour");
        assertThat(KantzExponent.of(constant, KantzSpec.defaults()).exponent()).isNaN();
        assertThatThrownBy(() -> new RosensteinSpec(0, 1, 0, 10, FitRange.auto()))
                .isInstanceOf(BadInputException.class).hasMessage("dimension must be >= 1 (got 0)");
        assertThatThrownBy(() -> new RosensteinSpec(2, 1, 0, 10, FitRange.of(2, 12)))
                .isInstanceOf(BadInputException.class).hasMessage("fitRange 2:12 ends after horizon 10");
        assertThatThrownBy(() -> FitRange.of(3, 4)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("fitRange must be");
        assertThatThrownBy(() -> new KantzSpec(2, 1, 0, 10, 0, 1, FitRange.auto()))
                .isInstanceOf(BadInputException.class).hasMessage("radius must be a finite number > 0 (got 0.0)");
    }
}
