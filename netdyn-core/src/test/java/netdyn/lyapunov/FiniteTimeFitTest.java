package netdyn.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import netdyn.rng.SplitMix64;

class FiniteTimeFitTest {

    @Test
    void exactExponentialGrowthIsFittedExactly() {
        double[] d = new double[300];
        for (int t = 0; t < d.length; t++) {
            d[t] = 1e-9 * Math.exp(0.3 * t);
        }
        FiniteTimeFit.Window w = FiniteTimeFit.STUDY.best(d);
        assertThat(w.slope()).isCloseTo(0.3, within(1e-12));
        assertThat(w.r2()).isCloseTo(1, within(1e-12));
        assertThat(w.passes(0.9, 0.05)).isTrue();
        assertThat(w.start() + w.length()).isLessThanOrEqualTo(200);
    }

    @Test
    void theBestWindowIsTheExponentialStretchAfterALatency() {
        // flat (noisy) for 60 steps, then e^{0.4 t} growth, then saturation at step 120
        SplitMix64 rng = new SplitMix64(5);
        double[] d = new double[250];
        for (int t = 0; t < d.length; t++) {
            double growth = Math.min(Math.max(t - 60, 0), 60) * 0.4;
            d[t] = 1e-8 * Math.exp(growth + 0.05 * rng.nextGaussian());
        }
        FiniteTimeFit.Window w = FiniteTimeFit.STUDY.best(d);
        assertThat(w.slope()).isCloseTo(0.4, within(0.01));
        assertThat(w.start()).isBetween(55, 70);
        assertThat(w.start() + w.length()).isLessThanOrEqualTo(125);
    }

    @Test
    void neutralDistancesFailTheSlopeFilterAndZerosAreSkipped() {
        double[] d = new double[200];
        java.util.Arrays.fill(d, 1e-6);
        d[3] = 0; // ln 0 = −∞: windows containing it are skipped
        FiniteTimeFit.Window w = FiniteTimeFit.STUDY.best(d);
        assertThat(w.start()).isGreaterThan(3);
        assertThat(w.slope()).isCloseTo(0, within(1e-15));
        assertThat(w.passes(0.9, 0.05)).isFalse();
    }
}
