package netdyn.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import netdyn.curvature.HessianSpectrum;
import netdyn.data.DataSources;
import netdyn.data.Dataset;
import netdyn.data.Standardizer;
import netdyn.dynamics.DiscreteMap;
import netdyn.dynamics.GradientDescentMap;
import netdyn.dynamics.HenonMap;
import netdyn.dynamics.OptimizerSpec;
import netdyn.nn.Activation;
import netdyn.nn.Batch;
import netdyn.nn.InitSpec;
import netdyn.nn.LossKind;
import netdyn.nn.MlpEvaluator;
import netdyn.nn.MlpLayout;
import netdyn.nn.MlpSpec;
import netdyn.nn.OutputKind;

class QrSpectrumEstimatorTest {

    /** x ← A x for a fixed matrix A (row-major): exponents are ln|eigenvalues| for triangular A. */
    record LinearMap(double[] a, int n) implements DiscreteMap {
        @Override
        public int dimension() {
            return n;
        }

        @Override
        public void step(long t, double[] x, double[] out) {
            tangent(t, x, x, out);
        }

        @Override
        public void tangent(long t, double[] x, double[] v, double[] out) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += a[i * n + j] * v[j];
                }
                out[i] = s;
            }
        }

        @Override
        public double logAbsDetJacobian(long t, double[] x) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += Math.log(Math.abs(a[i * n + i])); // triangular
            }
            return s;
        }
    }

    @Test
    void diagonalMapGivesTheLogarithmsOfItsEntries() {
        LinearMap map = new LinearMap(new double[] {2, 0, 0, 0, 0, 0.5, 0, 0, 0, 0, -0.25, 0, 0, 0, 0, 1.5}, 4);
        SpectrumSpec spec = new SpectrumSpec(500, 200, 4, 1, true, 3);
        SpectrumResult r = new QrSpectrumEstimator(map, 4).run(new double[] {1, 1, 1, 1}, spec,
                SpectrumObserver.NONE);
        assertThat(r.completed()).isTrue();
        assertThat(r.exponents()).containsExactly(new double[] {Math.log(2), Math.log(1.5), Math.log(0.5),
            Math.log(0.25)}, within(1e-12));
        assertThat(r.sumRuleError()).isLessThan(1e-12);
        double partial = Math.log(2) + Math.log(1.5) + Math.log(0.5);
        assertThat(r.kaplanYorkeDimension()).isCloseTo(3 + partial / Math.log(4), within(1e-12));
    }

    @Test
    void henonAttractorHasTheKaplanYorkeDimensionOfItsExponents() {
        // SCIENCE.md §5: λ = 0.41922, −1.62319, so D_KY = 1 + 0.41922 / 1.62319 = 1.2583
        SpectrumResult r = LyapunovSpectrum.of(new HenonMap(), new double[] {0.1, 0.1}, 1000, 1_000_000, 2);
        assertThat(r.completed()).isTrue();
        assertThat(r.kaplanYorkeDimension()).isCloseTo(1 + 0.41922 / 1.62319, within(0.002));
    }

    @Test
    void nonNormalTriangularMapAndTopKOnly() {
        LinearMap map = new LinearMap(new double[] {0.5, 3, 0, 2}, 2);
        SpectrumResult all = LyapunovSpectrum.of(map, new double[] {1, 0}, 100, 2000, 2);
        assertThat(all.exponents()).containsExactly(new double[] {Math.log(2), Math.log(0.5)}, within(1e-12));
        SpectrumResult top = LyapunovSpectrum.of(map, new double[] {1, 0}, 100, 2000, 1);
        assertThat(top.exponents()).containsExactly(new double[] {Math.log(2)}, within(1e-12));
        assertThat(top.meanLogDet()).as("sum rule needs the full spectrum").isNaN();
    }

    @Test
    void topKNeverAsksForTheDeterminant() {
        LinearMap linear = new LinearMap(new double[] {0.5, 3, 0, 2}, 2);
        long[] determinants = new long[1];
        DiscreteMap counting = new DiscreteMap() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void step(long t, double[] x, double[] out) {
                linear.step(t, x, out);
            }

            @Override
            public void tangent(long t, double[] x, double[] v, double[] out) {
                linear.tangent(t, x, v, out);
            }

            @Override
            public double logAbsDetJacobian(long t, double[] x) {
                determinants[0]++;
                return linear.logAbsDetJacobian(t, x);
            }
        };
        SpectrumSpec withSumRule = new SpectrumSpec(50, 0, 1, 1, true, 0);
        new QrSpectrumEstimator(counting, 1).run(new double[] {1, 0}, withSumRule, SpectrumObserver.NONE);
        assertThat(determinants[0]).as("the sum rule is undefined for top-k: no determinant work").isZero();
        new QrSpectrumEstimator(counting, 2).run(new double[] {1, 0}, new SpectrumSpec(50, 0, 2, 1, true, 0),
                SpectrumObserver.NONE);
        assertThat(determinants[0]).isEqualTo(50);
    }

    @Test
    void runningEstimatesAreReportedAfterEveryQrStepAndConverge() {
        LinearMap map = new LinearMap(new double[] {2, 0, 0, 0.5}, 2);
        long[] calls = new long[1];
        double[] last = new double[2];
        SpectrumSpec spec = new SpectrumSpec(100, 0, 2, 5, false, 0);
        new QrSpectrumEstimator(map, 2).run(new double[] {1, 1}, spec, (step, estimates) -> {
            calls[0]++;
            assertThat(step % 5).isZero();
            System.arraycopy(estimates, 0, last, 0, 2);
        });
        assertThat(calls[0]).isEqualTo(20);
        assertThat(Math.max(last[0], last[1])).isCloseTo(Math.log(2), within(0.05));
    }

    /** x ← 4x(1 − x): λ = ln 2 (kept local so this test depends on nothing else). */
    static final DiscreteMap LOGISTIC = new DiscreteMap() {
        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public void step(long t, double[] x, double[] out) {
            out[0] = 4 * x[0] * (1 - x[0]);
        }

        @Override
        public void tangent(long t, double[] x, double[] v, double[] out) {
            out[0] = 4 * (1 - 2 * x[0]) * v[0];
        }
    };

    @Test
    void twinOrbitsAgreeWithTheQrEstimateOnTheLogisticMap() {
        TwinOrbitEstimator.Result twin = TwinOrbitEstimator.run(LOGISTIC, new double[] {0.3}, 100, 200_000, 1e-9, 1);
        SpectrumResult qr = LyapunovSpectrum.of(LOGISTIC, new double[] {0.3}, 100, 200_000, 1);
        assertThat(twin.failure()).isNull();
        assertThat(twin.exponent()).isCloseTo(Math.log(2), within(0.01));
        assertThat(qr.exponents()[0]).isCloseTo(Math.log(2), within(0.01));
    }

    @Test
    void orbitThatBlowsUpStopsWithTheStepAndKeepsWhatWasComputed() {
        // x ← 10 x overflows after ~308 steps
        LinearMap map = new LinearMap(new double[] {10}, 1);
        SpectrumResult r = LyapunovSpectrum.of(map, new double[] {1}, 0, 1000, 1);
        assertThat(r.completed()).isFalse();
        assertThat(r.failure()).contains("non-finite state at step");
        assertThat(r.failedAtStep()).isBetween(300L, 320L);
        assertThat(r.steps()).isEqualTo(r.failedAtStep());
        assertThat(r.exponents()[0]).isCloseTo(Math.log(10), within(1e-12));
    }

    static Batch standardizedIris() {
        Dataset.Split split = DataSources.load("iris", null, null).split(120);
        return Batch.of(Standardizer.fit(split.train()).apply(split.train()));
    }

    @Test
    void gradientDescentOnLinearLeastSquaresHasExponentsLnOneMinusEtaA() {
        MlpSpec ls = new MlpSpec(4, new int[0], 3, Activation.SIGMOID, OutputKind.LINEAR, LossKind.MSE, 0);
        Batch data = standardizedIris();
        double eta = 0.5;
        GradientDescentMap map = new GradientDescentMap(ls, data, OptimizerSpec.gradientDescent(eta));
        int p = map.parameterCount();
        double[] theta = new double[p];
        InitSpec.STUDY.initialize(new MlpLayout(ls), 2, 0, theta, 0);
        SpectrumSpec spec = new SpectrumSpec(500, 3000, p, 1, true, 0);
        SpectrumResult r = new QrSpectrumEstimator(map, p).run(theta, spec, SpectrumObserver.NONE);

        double[] h = HessianSpectrum.of(new MlpEvaluator(ls, data.size()), theta, data, 1e-12).eigenvalues();
        double[] expected = new double[p];
        for (int i = 0; i < p; i++) {
            expected[i] = Math.log(Math.abs(1 - eta * h[i]));
        }
        java.util.Arrays.sort(expected);
        for (int i = 0; i < p; i++) {
            assertThat(r.exponents()[i]).as("λ_%d", i).isCloseTo(expected[p - 1 - i], within(1e-6));
        }
        assertThat(r.sumRuleError()).isLessThan(1e-9);
    }

    @Test
    void sumRuleHoldsForTheStudyNetworkAtTheEdgeOfStability() {
        MlpSpec spec = MlpSpec.study(4, 3);
        Batch data = Batch.of(DataSources.load("iris", null, null).split(120).train());
        GradientDescentMap map = new GradientDescentMap(spec, data, OptimizerSpec.gradientDescent(1));
        double[] theta = new double[map.parameterCount()];
        InitSpec.STUDY.initialize(new MlpLayout(spec), 0, 0, theta, 0);
        SpectrumResult r = new QrSpectrumEstimator(map, 83).run(theta, new SpectrumSpec(60, 0, 83, 1, true, 0),
                SpectrumObserver.NONE);
        assertThat(r.completed()).isTrue();
        assertThat(r.sumRuleError()).isLessThan(1e-8 * Math.max(1, Math.abs(r.meanLogDet())));
        assertThat(r.exponents()).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    /**
     * With the sum rule the gradient-descent map gives the tangent block from the Hessian it assembles for the
     * determinant, without it from Hessian-vector products: on a run that is not chaotic (η = 0.1) the two spectra
     * agree to rounding, and the sum rule holds.
     */
    @Test
    void theSpectrumIsTheSameWithAndWithoutTheSumRule() {
        MlpSpec spec = MlpSpec.study(4, 3);
        Batch data = Batch.of(DataSources.load("iris", null, null).split(120).train());
        double[] theta = new double[83];
        InitSpec.STUDY.initialize(new MlpLayout(spec), 0, 0, theta, 0);
        SpectrumResult with = new QrSpectrumEstimator(new GradientDescentMap(spec, data,
                OptimizerSpec.gradientDescent(0.1)), 83).run(theta, new SpectrumSpec(200, 0, 83, 1, true, 0),
                SpectrumObserver.NONE);
        SpectrumResult without = new QrSpectrumEstimator(new GradientDescentMap(spec, data,
                OptimizerSpec.gradientDescent(0.1)), 83).run(theta, new SpectrumSpec(200, 0, 83, 1, false, 0),
                SpectrumObserver.NONE);
        assertThat(without.meanLogDet()).isNaN();
        assertThat(with.sumRuleError()).isLessThan(1e-12);
        assertThat(with.exponents()).containsExactly(without.exponents(), within(1e-10));
    }

    /** The sum rule with per-layer rates, where ln|det(I − DH)| comes from the LU of a non-symmetric matrix. */
    @Test
    void sumRuleHoldsWithLayerRates() {
        MlpSpec spec = MlpSpec.study(4, 3);
        Batch data = Batch.of(DataSources.load("iris", null, null).split(120).train());
        GradientDescentMap map = new GradientDescentMap(spec, data, OptimizerSpec.perLayer(0.5, 2.0, 2));
        double[] theta = new double[map.parameterCount()];
        InitSpec.STUDY.initialize(new MlpLayout(spec), 1, 0, theta, 0);
        SpectrumResult r = new QrSpectrumEstimator(map, 83).run(theta, new SpectrumSpec(100, 0, 83, 1, true, 0),
                SpectrumObserver.NONE);
        assertThat(r.completed()).isTrue();
        assertThat(r.meanLogDet()).isFinite();
        assertThat(r.sumRuleError()).isLessThan(1e-8 * Math.max(1, Math.abs(r.meanLogDet())));
    }

    @Test
    void divergingTrainingIsFlaggedWithTheSpectrumOfTheStepsBefore() {
        MlpSpec ls = new MlpSpec(4, new int[0], 3, Activation.SIGMOID, OutputKind.LINEAR, LossKind.MSE, 0);
        Batch data = Batch.of(DataSources.load("iris", null, null).split(120).train());
        GradientDescentMap map = new GradientDescentMap(ls, data, OptimizerSpec.gradientDescent(1));
        double[] theta = new double[map.parameterCount()];
        SpectrumResult r = new QrSpectrumEstimator(map, 1).run(theta, new SpectrumSpec(5000, 0, 1, 1, false, 0),
                SpectrumObserver.NONE);
        assertThat(r.completed()).isFalse();
        assertThat(r.failure()).contains("non-finite");
        assertThat(r.steps()).isPositive();
        assertThat(r.exponents()[0]).isGreaterThan(1);
    }
}
