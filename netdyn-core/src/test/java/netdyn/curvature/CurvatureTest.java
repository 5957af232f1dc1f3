package netdyn.curvature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import netdyn.data.DataSources;
import netdyn.data.Dataset;
import netdyn.nn.Activation;
import netdyn.nn.Batch;
import netdyn.nn.InitSpec;
import netdyn.nn.LossKind;
import netdyn.nn.MlpEvaluator;
import netdyn.nn.MlpLayout;
import netdyn.nn.MlpSpec;
import netdyn.nn.OutputKind;
import netdyn.rng.SplitMix64;

class CurvatureTest {
    static final Batch IRIS = Batch.of(DataSources.load("iris", null, null).split(120).train());
    static final MlpSpec STUDY = MlpSpec.study(4, 3);

    static double[] theta(long seed) {
        MlpEvaluator ev = new MlpEvaluator(STUDY, 1);
        double[] t = new double[ev.layout().parameterCount()];
        InitSpec.STUDY.initialize(ev.layout(), seed, 0, t, 0);
        return t;
    }

    /**
     * Linear least squares, L = (1/N) Σ ½‖W x + b − y‖²: H is (1/N) X̃ᵀX̃ (X̃ = [x, 1]) once per output, whatever θ.
     * On x = (±1, 0), (0, ±2) that matrix is diag(1/2, 2, 1), so with two outputs H has the eigenvalues
     * 2, 2, 1, 1, 1/2, 1/2 exactly.
     */
    @Test
    void leastSquaresHessianHasTheDataSecondMomentsOncePerOutput() {
        Dataset plus = new Dataset("plus", new double[][] {{1, 0}, {-1, 0}, {0, 2}, {0, -2}}, new int[] {0, 1, 1, 0},
                List.of("a", "b"), List.of("x1", "x2"));
        MlpSpec ls = new MlpSpec(2, new int[0], 2, Activation.SIGMOID, OutputKind.LINEAR, LossKind.MSE, 0);
        MlpEvaluator ev = new MlpEvaluator(ls, 4);
        SplitMix64 rng = new SplitMix64(5);
        for (int trial = 0; trial < 3; trial++) {
            double[] th = new double[ev.layout().parameterCount()];
            for (int i = 0; i < th.length; i++) {
                th[i] = 3 * rng.nextGaussian();
            }
            HessianSpectrum s = HessianSpectrum.of(ev, th, Batch.of(plus), HessianSpectrum.DEFAULT_TOLERANCE);
            assertThat(s.eigenvalues()).containsExactly(new double[] {2, 2, 1, 1, 0.5, 0.5}, within(1e-12));
            assertThat(s.max()).isCloseTo(2, within(1e-12));
            assertThat(s.nearZero()).isZero();
            assertThat(s.negative()).isZero();
        }
    }

    /**
     * Softmax ignores a constant added to all logits of a sample. So the loss does not change along the
     * output biases shifted together, nor along the three outgoing weights of any one hidden unit shifted
     * together (that adds h_j to every logit): 11 directions v with H v = 0 at every θ, which the full
     * spectrum must count as flat.
     */
    @Test
    void softmaxInvariancesAreExactFlatDirectionsOfTheHessian() {
        MlpEvaluator ev = new MlpEvaluator(STUDY, IRIS.size());
        MlpLayout layout = ev.layout();
        int p = layout.parameterCount();
        List<double[]> flat = new ArrayList<>();
        for (int j = 0; j < 10; j++) {
            double[] v = new double[p];
            for (int k = 0; k < 3; k++) {
                v[layout.weightOffset(1) + 3 * j + k] = 1; // W2[j][k], row-major [fan_in][fan_out]
            }
            flat.add(v);
        }
        double[] biases = new double[p];
        for (int k = 0; k < 3; k++) {
            biases[layout.biasOffset(1) + k] = 1;
        }
        flat.add(biases);
        for (long seed = 1; seed <= 3; seed++) {
            double[] th = theta(seed);
            double[] grad = new double[p];
            double[] hv = new double[p];
            ev.lossAndGradient(th, 0, IRIS, grad, 0);
            double[] e0 = new double[p];
            e0[0] = 1;
            ev.hessianVectorProduct(th, 0, IRIS, e0, 0, hv, 0);
            double scale = maxAbs(hv); // |H e_0|: the size of H's entries
            assertThat(scale).isPositive();
            for (int d = 0; d < flat.size(); d++) {
                ev.hessianVectorProduct(th, 0, IRIS, flat.get(d), 0, hv, 0);
                assertThat(maxAbs(hv)).as("seed %d, direction %d", seed, d).isLessThan(1e-12 * scale);
            }
            HessianSpectrum s = HessianSpectrum.of(ev, th, IRIS, HessianSpectrum.DEFAULT_TOLERANCE);
            assertThat(s.nearZero()).as("seed %d", seed).isGreaterThanOrEqualTo(flat.size());
            assertThat(s.eigenvalues()).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        }
    }

    @Test
    void lanczosFindsTheTopEigenvaluesOfTheFullSpectrum() {
        MlpEvaluator ev = new MlpEvaluator(STUDY, IRIS.size());
        for (long seed = 1; seed <= 3; seed++) {
            double[] th = theta(seed);
            double[] full = HessianSpectrum.of(ev, th, IRIS, 1e-10).eigenvalues();
            double[] top = new LanczosEstimator(ev, 40).topEigenvalues(th, IRIS, 3, seed);
            for (int i = 0; i < 3; i++) {
                assertThat(top[i]).isCloseTo(full[i], within(1e-8 * Math.abs(full[0])));
            }
        }
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double a : v) {
            m = Math.max(m, Math.abs(a));
        }
        return m;
    }

    /** Above the limit the full Hessian is refused before its P² doubles are allocated (50 890² would be 20 GB). */
    @Test
    void theFullHessianOfANetworkAboveTheLimitIsRefusedNamingBothSizes() {
        MlpSpec large = new MlpSpec(4, new int[] {500}, 3, Activation.SIGMOID, OutputKind.SOFTMAX, LossKind.CE, 0);
        MlpEvaluator ev = new MlpEvaluator(large, IRIS.size());
        double[] th = new double[ev.layout().parameterCount()];
        assertThat(th.length).isEqualTo(4003);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HessianSpectrum.of(ev, th, IRIS, 1e-8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P = 4003")
                .hasMessageContaining("P ≤ 2000");
        assertThat(HessianSpectrum.fits(2000)).isTrue();
        assertThat(HessianSpectrum.fits(2001)).isFalse();
        assertThat(HessianSpectrum.skippedText(50_890)).isEqualTo("P = 50890 > 2000, the limit of the full spectrum");
    }
}
