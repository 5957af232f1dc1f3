package netdyn.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import netdyn.BadInputException;
import netdyn.rng.SplitMix64;

class AutocorrelationTest {

    /** The definition, written out: the reference for the estimator's loop. */
    private static double[] naiveAcf(double[] x, int m) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        double[] r = new double[m + 1];
        for (int k = 0; k <= m; k++) {
            double s = 0;
            for (int t = 0; t + k < n; t++) {
                s += (x[t] - mean) * (x[t + k] - mean);
            }
            r[k] = s / var;
        }
        return r;
    }

    @Test
    void alternatingSeriesHasTheExactBiasedAcf() {
        // x_t = (−1)^t, n even: mean 0, r(k) = (−1)^k (n − k)/n
        int n = 200;
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = t % 2 == 0 ? 1 : -1;
        }
        AutocorrelationResult r = Autocorrelation.of(x, new AutocorrelationSpec(10, 0, 3, 97, 0));
        for (int k = 0; k <= 10; k++) {
            assertThat(r.acf()[k]).as("r(%d)", k).isCloseTo((k % 2 == 0 ? 1 : -1) * (n - k) / (double) n,
                    within(1e-14));
        }
        assertThat(r.lower()[1]).isNaN();
        assertThat(r.outsideLags()).isEmpty();
        assertThat(r.fractionOutside()).isNaN();
    }

    @Test
    void matchesTheDefinitionOnSeededRandomSeries() {
        SplitMix64 rng = new SplitMix64(21);
        for (int c = 0; c < 20; c++) {
            int n = 2 + rng.nextInt(300);
            int m = 1 + rng.nextInt(n - 1);
            double[] x = new double[n];
            for (int t = 0; t < n; t++) {
                x[t] = 5 + rng.nextGaussian() + (t % 3 == 0 ? 1 : 0);
            }
            double[] expected = naiveAcf(x, m);
            double[] got = Autocorrelation.of(x, new AutocorrelationSpec(m, 0, 3, 97, 0)).acf();
            assertThat(got).hasSize(m + 1);
            for (int k = 0; k <= m; k++) {
                assertThat(got[k]).isCloseTo(expected[k], within(1e-12));
            }
        }
    }

    @Test
    void whiteNoiseStaysInsideTheStudysNullBand() {
        double[] noise = SeriesFixtures.gaussian(5000, 5);
        AutocorrelationResult r = Autocorrelation.of(noise, AutocorrelationSpec.study(3));
        assertThat(r.shuffles()).isEqualTo(1000);
        assertThat(r.lags()).isEqualTo(50);
        // the 3rd–97th band leaves 6 % of the lags outside by chance: allow a few
        assertThat(r.outsideLags().length).as("lags outside: %s", java.util.Arrays.toString(r.outsideLags()))
                .isLessThanOrEqualTo(8);
        for (int k = 1; k <= 50; k++) {
            // the shuffle band of n = 5000 is about ±1.9/√n wide at these percentiles
            assertThat(r.upper()[k]).isBetween(0.015, 0.04);
            assertThat(r.lower()[k]).isBetween(-0.04, -0.015);
        }
    }

    @Test
    void periodicSignalIsOutsideTheBandAtItsLags() {
        double[] x = SeriesFixtures.logistic(3.5, 2000, 1000, 0.3);
        AutocorrelationResult r = Autocorrelation.of(x, new AutocorrelationSpec(12, 200, 3, 97, 1));
        assertThat(r.outsideLags()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(r.acf()[4]).isCloseTo(1, within(0.01));
    }

    @Test
    void bandIsDeterminedBySeedAndPercentiles() {
        double[] x = SeriesFixtures.gaussian(500, 9);
        AutocorrelationResult a = Autocorrelation.of(x, new AutocorrelationSpec(5, 300, 3, 97, 7));
        AutocorrelationResult b = new Autocorrelation(new AutocorrelationSpec(5, 300, 3, 97, 7)).run(x);
        AutocorrelationResult c = Autocorrelation.of(x, new AutocorrelationSpec(5, 300, 3, 97, 8));
        AutocorrelationResult wide = Autocorrelation.of(x, new AutocorrelationSpec(5, 300, 0, 100, 7));
        assertThat(a.lower()).containsExactly(b.lower());
        assertThat(a.upper()).containsExactly(b.upper());
        assertThat(a.upper()[1]).isNotEqualTo(c.upper()[1]);
        for (int k = 1; k <= 5; k++) {
            assertThat(wide.lower()[k]).isLessThanOrEqualTo(a.lower()[k]);
            assertThat(wide.upper()[k]).isGreaterThanOrEqualTo(a.upper()[k]);
        }
    }

    @Test
    void edgeCases() {
        AutocorrelationSpec spec = new AutocorrelationSpec(3, 10, 3, 97, 0);
        assertThatThrownBy(() -> Autocorrelation.of(new double[0], spec))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> Autocorrelation.of(new double[] {1, 2, 3}, spec))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 values, needs at least 4");
        assertThatThrownBy(() -> Autocorrelation.of(new double[] {1, 2, Double.NaN, 4, 5}, spec))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("series[2]");
        AutocorrelationResult constant = Autocorrelation.of(new double[] {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1}, spec);
        assertThat(java.util.Arrays.stream(constant.acf()).allMatch(Double::isNaN)).isTrue();
        assertThat(constant.outsideLags()).isEmpty();
        // the shortest series: m + 1 values, the last lag has a single term
        AutocorrelationResult shortest = Autocorrelation.of(new double[] {1, 2, 3, 4}, spec);
        assertThat(shortest.acf()[3]).isCloseTo((-1.5 * 1.5) / 5, within(1e-15));
        assertThatThrownBy(() -> new AutocorrelationSpec(0, 10, 3, 97, 0)).isInstanceOf(BadInputException.class)
                .hasMessage("lags must be >= 1 (got 0)");
        assertThatThrownBy(() -> new AutocorrelationSpec(5, 10, 97, 3, 0)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("band percentiles must satisfy");
    }
}
