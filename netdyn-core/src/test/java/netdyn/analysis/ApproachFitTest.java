package netdyn.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import netdyn.rng.SplitMix64;

class ApproachFitTest {

    @Test
    void tellsAnExponentialFromAPowerLaw() {
        SplitMix64 rng = new SplitMix64(3);
        int n = 400;
        double[] t = new double[n];
        double[] exp = new double[n];
        double[] pow = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 10 * (i + 1);
            double noise = Math.exp(0.02 * rng.nextGaussian());
            exp[i] = 3 * Math.exp(-t[i] / 800) * noise;
            pow[i] = 3 * Math.pow(t[i], -0.7) * noise;
        }
        ApproachFit e = ApproachFit.of(t, exp, 0, 4000);
        assertThat(e.better()).isEqualTo("exponential");
        assertThat(e.rate()).isCloseTo(1.0 / 800, within(1e-5));
        ApproachFit p = ApproachFit.of(t, pow, 0, 4000);
        assertThat(p.better()).isEqualTo("power law");
        assertThat(p.powerExponent()).isCloseTo(0.7, within(0.01));
        assertThat(p.points()).isEqualTo(400);
    }

    @Test
    void tooFewPointsGiveNaN() {
        ApproachFit f = ApproachFit.of(new double[] {1, 2}, new double[] {1, 0.5}, 0, 10);
        assertThat(f.rate()).isNaN();
        assertThat(f.points()).isEqualTo(2);
    }
}
