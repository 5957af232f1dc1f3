package netdyn.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import netdyn.rng.SplitMix64;

class FourierTransformTest {

    /** The O(n²) definition: the reference the fast transforms must match. */
    private static double[][] naiveDft(double[] re, double[] im) {
        int n = re.length;
        double[][] out = new double[2][n];
        for (int k = 0; k < n; k++) {
            for (int t = 0; t < n; t++) {
                double angle = -2 * Math.PI * ((long) k * t % n) / n;
                out[0][k] += re[t] * Math.cos(angle) - im[t] * Math.sin(angle);
                out[1][k] += re[t] * Math.sin(angle) + im[t] * Math.cos(angle);
            }
        }
        return out;
    }

    @Test
    void matchesTheDefinitionForEveryLengthUpTo70AndSomeLargerOnes() {
        SplitMix64 rng = new SplitMix64(4);
        int[] sizes = new int[70 + 6];
        for (int i = 0; i < 70; i++) {
            sizes[i] = i + 1;
        }
        int[] larger = {97, 128, 255, 256, 1000, 1031};
        System.arraycopy(larger, 0, sizes, 70, larger.length);
        for (int n : sizes) {
            double[] re = new double[n];
            double[] im = new double[n];
            for (int t = 0; t < n; t++) {
                re[t] = rng.nextGaussian();
                im[t] = rng.nextGaussian();
            }
            double[][] expected = naiveDft(re, im);
            new FourierTransform(n).forward(re, im);
            double tol = 1e-10 * Math.sqrt(n);
            for (int k = 0; k < n; k++) {
                assertThat(re[k]).as("n = %d, Re X_%d", n, k).isCloseTo(expected[0][k], within(tol));
                assertThat(im[k]).as("n = %d, Im X_%d", n, k).isCloseTo(expected[1][k], within(tol));
            }
        }
    }

    @Test
    void aPlanIsReusableAndParsevalHolds() {
        FourierTransform plan = new FourierTransform(600);
        SplitMix64 rng = new SplitMix64(8);
        for (int rep = 0; rep < 3; rep++) {
            double[] re = new double[600];
            double[] im = new double[600];
            double energy = 0;
            for (int t = 0; t < 600; t++) {
                re[t] = rng.nextGaussian();
                energy += re[t] * re[t];
            }
            plan.forward(re, im);
            double spectral = 0;
            for (int k = 0; k < 600; k++) {
                spectral += re[k] * re[k] + im[k] * im[k];
            }
            assertThat(spectral / 600).isCloseTo(energy, within(1e-9 * energy));
        }
        assertThatThrownBy(() -> new FourierTransform(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan.forward(new double[10], new double[10]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("600");
    }
}
