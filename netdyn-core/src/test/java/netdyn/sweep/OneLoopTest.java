package netdyn.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import netdyn.analysis.DivergenceExperiment;
import netdyn.analysis.DivergenceResult;
import netdyn.analysis.DivergenceSpec;
import netdyn.analysis.RegimeEvidence;
import netdyn.analysis.SharpnessRun;
import netdyn.analysis.TrainingObserver;
import netdyn.analysis.TrainingResult;
import netdyn.analysis.TrainingRun;
import netdyn.curvature.HessianSpectrum;
import netdyn.dynamics.OptimizerSpec;
import netdyn.lyapunov.FiniteTimeFit;
import netdyn.nn.Activation;
import netdyn.nn.InitSpec;
import netdyn.nn.LossKind;
import netdyn.nn.MlpLayout;
import netdyn.nn.MlpSpec;
import netdyn.nn.OutputKind;

/**
 * One definition of "diverged": a run at η = 300 on Iris diverges at the same step t in train, in the
 * sharpness run, in the regime evidence, in a sweep task (reference and nMLE replicas) and in the divergence
 * protocol's reference, because all of them observe the one training loop.
 */
class OneLoopTest {
    /** Sigmoid hidden layer, linear outputs, MSE: diverges at η = 300 (the softmax network saturates instead). */
    static final MlpSpec MSE = new MlpSpec(4, new int[] {10}, 3, Activation.SIGMOID, OutputKind.LINEAR, LossKind.MSE,
            0);
    static final double ETA = 300;
    static final long STEPS = 200;
    static final long SEED = 7;
    static final int INITS = 3;

    @Test
    void everyLoopDivergesAtTheSameStepWithGradientDescent() {
        assertEveryLoopAgrees(OptimizerSpec.gradientDescent(ETA));
    }

    @Test
    void everyLoopDivergesAtTheSameStepWithMiniBatches() {
        assertEveryLoopAgrees(new OptimizerSpec(ETA, 0, 30, SEED));
    }

    private static void assertEveryLoopAgrees(OptimizerSpec optimizer) {
        MlpLayout layout = new MlpLayout(MSE);
        DivergenceResult divergence = new DivergenceExperiment(MSE, TaskMeasurerTest.IRIS, optimizer, InitSpec.STUDY)
                .run(new DivergenceSpec(INITS, 2, new double[] {1e-8}, true, false, DivergenceSpec.Norm.L1, STEPS, 0,
                        FiniteTimeFit.STUDY, 0.9, 0.05, SEED, 2), new DivergenceExperiment.Observer() { });
        SweepSpec sweep = TaskMeasurerTest.sweep(new double[] {ETA}, INITS, 2, STEPS,
                "loss,accuracy,nmle,sharpness", SEED);
        for (int i = 0; i < INITS; i++) {
            double[] theta0 = new double[layout.parameterCount()];
            InitSpec.STUDY.initialize(layout, SEED, i, theta0, 0);

            TrainingResult train = new TrainingRun(MSE, TaskMeasurerTest.IRIS, TaskMeasurerTest.IRIS_TEST, optimizer)
                    .run(theta0, STEPS, 10, new TrainingObserver() {
                        @Override
                        public void loss(long t, double loss) {
                        }

                        @Override
                        public void snapshot(Snapshot snapshot, double[] theta) {
                        }
                    });
            assertThat(train.diverged()).as("init %d diverges", i).isTrue();
            long t = train.steps();
            assertThat(t).isBetween(1L, STEPS - 1);

            SharpnessRun.Result sharpness = new SharpnessRun(MSE, TaskMeasurerTest.IRIS, optimizer).run(theta0, STEPS,
                    10, 1, 20, new long[0], 1e-8, SEED, new SharpnessRun.Observer() {
                        @Override
                        public void sharpness(long step, double loss, double[] top) {
                        }

                        @Override
                        public void fullSpectrum(long step, HessianSpectrum spectrum) {
                        }
                    });
            assertThat(sharpness.diverged()).isTrue();
            assertThat(sharpness.steps()).as("sharpness, init %d", i).isEqualTo(t);

            RegimeEvidence.Measured regime = RegimeEvidence.measure(MSE, TaskMeasurerTest.IRIS, optimizer, theta0,
                    STEPS, SEED);
            assertThat(regime.divergedAtStep()).as("regime evidence, init %d", i).isEqualTo(t);
            assertThat(regime.evidence().diverged()).isTrue();

            TaskResult task = TaskMeasurer.measure(sweep, sweep.task(i), new TaskProblem(MSE, TaskMeasurerTest.IRIS,
                    TaskMeasurerTest.IRIS_TEST, InitSpec.STUDY, SEED, optimizer));
            assertThat(task.values().get("status")).isEqualTo("diverged");
            assertThat(task.values().get("divergedAtStep")).as("sweep task, init %d", i).isEqualTo(t);
            double[] loss = task.series().get("loss");
            assertThat(loss[(int) t - 1]).isFinite();
            assertThat(loss[(int) t]).isNaN();

            assertThat(divergence.reference().divergedAtStep()[i]).as("divergence reference, init %d", i).isEqualTo(t);
            double[] referenceLoss = divergence.reference().loss()[i];
            assertThat(referenceLoss[(int) t - 1]).isEqualTo(loss[(int) t - 1]);
            assertThat(Double.isFinite(referenceLoss[(int) t])).as("L at the diverging step").isFalse();
            for (int u = (int) t + 1; u <= STEPS; u++) {
                assertThat(referenceLoss[u]).as("after the divergence, step %d", u).isNaN();
            }
        }
    }
}
