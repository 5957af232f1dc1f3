package netdyn.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import netdyn.BadInputException;
import netdyn.rng.SplitMix64;

class ZeroOneTestTest {

    /** K_c by the direct double loop (as in Matthews' z1test.m): the reference for the FFT evaluation. */
    private static double naiveKc(double[] phi, double c, int cut) {
        int n = phi.length;
        double[] p = new double[n + 1];
        double[] q = new double[n + 1];
        double mean = 0;
        for (int j = 1; j <= n; j++) {
            p[j] = p[j - 1] + phi[j - 1] * Math.cos(j * c);
            q[j] = q[j - 1] + phi[j - 1] * Math.sin(j * c);
            mean += phi[j - 1] / n;
        }
        double[] d = new double[cut + 1];
        for (int s = 1; s <= cut; s++) {
            double sum = 0;
            for (int j = 1; j + s <= n; j++) {
                double dp = p[j + s] - p[j];
                double dq = q[j + s] - q[j];
                sum += dp * dp + dq * dq;
            }
            d[s] = sum / (n - s) - mean * mean * (1 - Math.cos(s * c)) / (1 - Math.cos(c));
        }
        double mx = (cut + 1) / 2.0;
        double my = 0;
        for (int s = 1; s <= cut; s++) {
            my += d[s] / cut;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int s = 1; s <= cut; s++) {
            sxy += (s - mx) * (d[s] - my);
            sxx += (s - mx) * (s - mx);
            syy += (d[s] - my) * (d[s] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void logisticAtFourIsChaotic() {
        SplitMix64 rng = new SplitMix64(31);
        for (int c = 0; c < 3; c++) {
            double[] x = SeriesFixtures.logistic(4, 5000, 1000, 0.05 + 0.9 * rng.nextDouble());
            ZeroOneTestResult r = ZeroOneTest.of(x, ZeroOneTestSpec.defaults(c));
            assertThat(r.k()).isGreaterThan(0.9);
            assertThat(r.cutoff()).isEqualTo(500);
            assertThat(r.kc()).hasSize(100);
        }
    }

    @Test
    void periodFourLogisticIsRegular() {
        double[] x = SeriesFixtures.logistic(3.5, 5000, 1000, 0.3);
        for (long seed = 0; seed < 3; seed++) {
            assertThat(ZeroOneTest.of(x, ZeroOneTestSpec.defaults(seed)).k()).isLessThan(0.1);
        }
    }

    @Test
    void henonIsChaoticAndQuasiPeriodicMotionIsRegular() {
        assertThat(ZeroOneTest.of(SeriesFixtures.henonX(5000, 1000, 0.1, 0.1), ZeroOneTestSpec.defaults(1)).k())
                .isGreaterThan(0.9);
        double[] a = SeriesFixtures.sine(5000, 7.3, 1, 0, 0.5);
        double[] b = SeriesFixtures.sine(5000, 7.3 * Math.sqrt(2), 0.7, 1, 0);
        for (int t = 0; t < a.length; t++) {
            a[t] += b[t];
        }
        assertThat(ZeroOneTest.of(a, ZeroOneTestSpec.defaults(1)).k()).isLessThan(0.1);
    }

    @Test
    void fftEvaluationMatchesTheDirectDoubleLoop() {
        SplitMix64 rng = new SplitMix64(5);
        double[][] series = {SeriesFixtures.logistic(4, 700, 100, 0.2), SeriesFixtures.logistic(3.5, 600, 100, 0.2),
            SeriesFixtures.gaussian(513, 2), SeriesFixtures.sine(800, 9, 2, 0, 1)};
        for (double[] x : series) {
            ZeroOneTestResult r = ZeroOneTest.of(x, new ZeroOneTestSpec(10, 0.1, rng.nextLong()));
            for (int i = 0; i < 10; i++) {
                assertThat(r.kc()[i]).isCloseTo(naiveKc(x, r.frequencies()[i], r.cutoff()), within(1e-8));
                assertThat(r.frequencies()[i]).isBetween(Math.PI / 5, 4 * Math.PI / 5);
            }
            double[] sorted = r.kc().clone();
            java.util.Arrays.sort(sorted);
            assertThat(r.k()).isEqualTo(0.5 * (sorted[4] + sorted[5]));
        }
    }

    @Test
    void sameSeedSameFrequenciesAndReusableInstance() {
        double[] x = SeriesFixtures.logistic(4, 1000, 100, 0.4);
        ZeroOneTest test = new ZeroOneTest(ZeroOneTestSpec.defaults(9));
        ZeroOneTestResult a = test.run(x);
        test.run(SeriesFixtures.gaussian(300, 1)); // a different length in between
        ZeroOneTestResult b = test.run(x);
        assertThat(a.frequencies()).containsExactly(b.frequencies());
        assertThat(a.k()).isEqualTo(b.k());
        assertThat(ZeroOneTest.of(x, ZeroOneTestSpec.defaults(10)).frequencies()[0])
                .isNotEqualTo(a.frequencies()[0]);
    }

    @Test
    void edgeCases() {
        ZeroOneTestSpec spec = ZeroOneTestSpec.defaults(0);
        assertThat(spec.minimumLength()).isEqualTo(25);
        assertThatThrownBy(() -> ZeroOneTest.of(new double[0], spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> ZeroOneTest.of(new double[24], spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs at least 25");
        double[] constant = new double[100];
        java.util.Arrays.fill(constant, 0.3);
        ZeroOneTestResult r = ZeroOneTest.of(constant, spec);
        assertThat(r.k()).isNaN();
        assertThat(ZeroOneTest.of(SeriesFixtures.logistic(4, 25, 10, 0.3), spec).cutoff()).isEqualTo(3);
        assertThatThrownBy(() -> new ZeroOneTestSpec(0, 0.1, 0)).isInstanceOf(BadInputException.class)
                .hasMessage("frequencies must be >= 1 (got 0)");
    }
}
