package netdyn.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import netdyn.analysis.DivergenceExperiment;
import netdyn.analysis.DivergenceResult;
import netdyn.analysis.DivergenceSpec;
import netdyn.dynamics.OptimizerSpec;
import netdyn.lyapunov.FiniteTimeFit;
import netdyn.nn.InitSpec;
import netdyn.nn.MlpLayout;
import netdyn.nn.MlpSpec;

/**
 * One nMLE: a sweep task's nmle is the divergence protocol's for the same seed, η, ε and init, bit for bit
 * (the same perturbations from {@code Seeds.generator(seed, "perturbation", init, r)}, distances, replica
 * mean and window fit), whatever else the divergence run holds (other inits, other threads).
 */
class OneNmleTest {
    static final double EPS = 1e-8; // TaskMeasurerTest.sweep's ε

    @Test
    void theSweepsNmleIsTheDivergenceProtocolsBitForBit() {
        for (double eta : new double[] {0.5, 1, 3}) {
            assertSameNmle(TaskMeasurerTest.STUDY, eta, 3, 3, 200, 11);
        }
    }

    @Test
    void alsoWhereOrbitsDiverge() {
        // some inits diverge at η = 3 on this network, others do not; at η = 300 all do
        assertSameNmle(OneLoopTest.MSE, 3, 4, 2, 300, 7);
        assertSameNmle(OneLoopTest.MSE, 300, 2, 2, 200, 7);
    }

    private static void assertSameNmle(MlpSpec spec, double eta, int inits, int replicas, long steps, long seed) {
        OptimizerSpec gd = OptimizerSpec.gradientDescent(eta);
        DivergenceResult d = new DivergenceExperiment(spec, TaskMeasurerTest.IRIS, gd, InitSpec.STUDY).run(
                new DivergenceSpec(inits, replicas, new double[] {EPS}, true, false, DivergenceSpec.Norm.L1, steps, 0,
                        FiniteTimeFit.STUDY, FiniteTimeFit.STUDY_MIN_R2, FiniteTimeFit.STUDY_MIN_SLOPE, seed, 2),
                new DivergenceExperiment.Observer() { });
        DivergenceResult.PerEpsilon e = d.perEpsilon().get(0);
        SweepSpec sweep = TaskMeasurerTest.sweep(new double[] {eta}, inits, replicas, steps, "loss,nmle", seed);
        double scale = new MlpLayout(spec).weightCount() * EPS;
        for (int i = 0; i < inits; i++) {
            TaskResult r = TaskMeasurer.measure(sweep, sweep.task(i), new TaskProblem(spec, TaskMeasurerTest.IRIS,
                    TaskMeasurerTest.IRIS_TEST, InitSpec.STUDY, seed, gd));
            FiniteTimeFit.Window w = e.fits()[i];
            String at = "η = " + eta + ", init " + i;
            assertThat(r.values().get("nmle")).as(at).isEqualTo(w.slope());
            assertThat(r.values().get("nmleR2")).as(at).isEqualTo(w.r2() == Double.NEGATIVE_INFINITY ? Double.NaN
                    : w.r2());
            assertThat(r.values().get("nmlePassed")).as(at).isEqualTo(
                    w.passes(FiniteTimeFit.STUDY_MIN_R2, FiniteTimeFit.STUDY_MIN_SLOPE) ? 1L : 0L);
            double[] normalised = new double[e.meanDistance()[i].length];
            for (int u = 0; u < normalised.length; u++) {
                normalised[u] = e.meanDistance()[i][u] / scale;
            }
            assertThat(r.series().get("distance")).as(at).containsExactly(normalised);
        }
    }
}
