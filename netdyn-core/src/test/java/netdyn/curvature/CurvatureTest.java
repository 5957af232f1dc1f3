package netdyn.curvature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import netdyn.data.DataSources;
import netdyn.nn.Batch;
import netdyn.nn.InitSpec;
import netdyn.nn.MlpEvaluator;
import netdyn.nn.MlpSpec;

class CurvatureTest {
    static final Batch IRIS = Batch.of(DataSources.load("iris", null, null).split(120).train());
    static final MlpSpec STUDY = MlpSpec.study(4, 3);

    static double[] theta(long seed) {
        MlpEvaluator ev = new MlpEvaluator(STUDY, 1);
        double[] t = new double[ev.layout().parameterCount()];
        InitSpec.STUDY.initialize(ev.layout(), seed, 0, t, 0);
        return t;
    }

    @Test
    void fullSpectrumTraceEqualsTheHessianTraceAndCountsFlatDirections() {
        MlpEvaluator ev = new MlpEvaluator(STUDY, IRIS.size());
        double[] th = theta(4);
        int p = 83;
        double[] h = new double[p * p];
        HessianSpectrum.assemble(ev, th, IRIS, h);
        double trace = 0;
        for (int i = 0; i < p; i++) {
            trace += h[i * p + i];
        }
        HessianSpectrum s = HessianSpectrum.of(ev, th, IRIS, HessianSpectrum.DEFAULT_TOLERANCE);
        double sum = 0;
        for (double v : s.eigenvalues()) {
            sum += v;
        }
        assertThat(sum).isCloseTo(trace, within(1e-10 * Math.abs(trace)));
        assertThat(s.eigenvalues()).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        // softmax outputs are invariant to adding a constant to all three output biases: H has that
        // null direction (and the same for every hidden unit's outgoing weights), so flat directions exist
        assertThat(s.nearZero()).isGreaterThanOrEqualTo(1);
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
}
