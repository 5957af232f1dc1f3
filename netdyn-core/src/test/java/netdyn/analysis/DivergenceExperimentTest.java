package netdyn.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import netdyn.data.DataSources;
import netdyn.dynamics.OptimizerSpec;
import netdyn.lyapunov.FiniteTimeFit;
import netdyn.nn.Batch;
import netdyn.nn.InitSpec;
import netdyn.nn.MlpSpec;

class DivergenceExperimentTest {
    static final Batch IRIS = Batch.of(DataSources.load("iris", null, null).split(120).train());
    static final MlpSpec STUDY = MlpSpec.study(4, 3);

    static DivergenceResult run(double eta, int inits, int replicas, double[] eps, long steps, long perturbAt,
                                int threads) {
        DivergenceSpec spec = new DivergenceSpec(inits, replicas, eps, true, false, DivergenceSpec.Norm.L1, steps,
                perturbAt, FiniteTimeFit.STUDY, 0.9, 0.05, 7, threads);
        return new DivergenceExperiment(STUDY, IRIS, OptimizerSpec.gradientDescent(eta), InitSpec.STUDY)
                .run(spec, new DivergenceExperiment.Observer() { });
    }

    @Test
    void resultsAreBitIdenticalOnOneAndTwoThreads() {
        DivergenceResult a = run(1, 4, 3, new double[] {1e-9}, 60, 0, 1);
        DivergenceResult b = run(1, 4, 3, new double[] {1e-9}, 60, 0, 2);
        assertThat(b.perEpsilon().get(0).meanDistance()).isDeepEqualTo(a.perEpsilon().get(0).meanDistance());
        assertThat(b.reference().loss()).isDeepEqualTo(a.reference().loss());
    }

    @Test
    void smallLearningRateIsLinearResponseTheNormalisedCurvesCollapseAcrossEps() {
        DivergenceResult r = run(0.01, 3, 10, new double[] {1e-12, 1e-6}, 300, 0, 2);
        DivergenceResult.PerEpsilon small = r.perEpsilon().get(0);
        DivergenceResult.PerEpsilon large = r.perEpsilon().get(1);
        // |U(−ε, ε)| has mean ε/2 on each of the N_w = 70 weights
        assertThat(r.normalisingCount()).isEqualTo(70);
        assertThat(small.normalizedInitial()).isCloseTo(0.5, within(0.05));
        assertThat(large.normalizedFinal()).isCloseTo(small.normalizedFinal(), within(1e-3 * small.normalizedFinal()));
        assertThat(small.passed()).isZero();
        assertThat(small.normalizedMax()).isLessThan(3 * small.normalizedInitial());
    }

    @Test
    void edgeOfStabilityGivesTheStudysExponent() {
        DivergenceResult r = run(1, 30, 5, new double[] {1e-10, 1e-1}, 200, 0, 2);
        DivergenceResult.PerEpsilon tiny = r.perEpsilon().get(0);
        assertThat(tiny.passed()).isGreaterThanOrEqualTo(20);
        assertThat(tiny.nmleMean()).isBetween(0.22, 0.42); // study: 0.31–0.33 ± 0.12
        assertThat(r.perEpsilon().get(1).passed()).as("no exponential regime at ε = 0.1").isLessThanOrEqualTo(2);
    }

    @Test
    void postLearningPerturbationFollowsTheRemainingSteps() {
        DivergenceResult r = run(0.01, 2, 4, new double[] {1e-8}, 400, 300, 2);
        assertThat(r.perEpsilon().get(0).meanDistance()[0]).hasSize(101);
        assertThat(r.reference().loss()[0]).hasSize(401);
        // the reference keeps training through the perturbation step: loss keeps falling
        double[] loss = r.reference().loss()[0];
        assertThat(loss[400]).isLessThan(loss[300]).isLessThan(loss[0]);
    }

    @Test
    void referenceDiagnostics() {
        DivergenceResult r = run(0.5, 2, 2, new double[] {1e-8}, 100, 0, 1);
        DivergenceResult.Reference ref = r.reference();
        double[] theta0 = new double[83];
        InitSpec.STUDY.initialize(new netdyn.nn.MlpLayout(STUDY), 7, 0, theta0, 0);
        double l1 = 0;
        for (double v : theta0) {
            l1 += Math.abs(v);
        }
        assertThat(ref.weightNorm()[0][0]).isCloseTo(l1, within(1e-12));
        assertThat(ref.displacement()[0]).isPositive();
        assertThat(ref.importance()[40]).as("b1 is a bias").isNaN();
        assertThat(ref.importance()[0]).isPositive();
        assertThat(ref.pathLength()[0]).isGreaterThanOrEqualTo(ref.perWeightChange()[0] * Math.abs(theta0[0]) - 1e-12);
    }
}
