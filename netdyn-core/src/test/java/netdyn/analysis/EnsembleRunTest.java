package netdyn.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import netdyn.data.DataSources;
import netdyn.dynamics.OptimizerSpec;
import netdyn.nn.Activation;
import netdyn.nn.Batch;
import netdyn.nn.InitSpec;
import netdyn.nn.LossKind;
import netdyn.nn.MlpLayout;
import netdyn.nn.MlpSpec;
import netdyn.nn.OutputKind;

/** The training loop for R orbits: each row is the one-orbit run, and the loop says where each diverged. */
class EnsembleRunTest {
    static final Batch IRIS = Batch.of(DataSources.load("iris", null, null).split(120).train());
    /** Sigmoid hidden layer, linear outputs, MSE: diverges at large η (a softmax network saturates instead). */
    static final MlpSpec MSE = new MlpSpec(4, new int[] {10}, 3, Activation.SIGMOID, OutputKind.LINEAR, LossKind.MSE,
            0);
    static final long SEED = 7;

    static double[] theta0(int init) {
        MlpLayout layout = new MlpLayout(MSE);
        double[] theta = new double[layout.parameterCount()];
        InitSpec.STUDY.initialize(layout, SEED, init, theta, 0);
        return theta;
    }

    /** The loss of every visited step and the last visited state of one orbit, run alone. */
    record Alone(List<Double> loss, double[] last, long divergedAt) {
    }

    static Alone alone(OptimizerSpec optimizer, int init, long steps) {
        List<Double> loss = new ArrayList<>();
        double[][] last = new double[1][];
        long diverged = new TrainingRun(MSE, IRIS, null, optimizer).orbit(theta0(init), steps, step -> {
            assertThat(step.ended(0)).as("an ended orbit is not visited alone").isFalse();
            assertThat(step.t()).isEqualTo(loss.size());
            loss.add(step.loss(0));
            last[0] = step.states().clone();
        });
        return new Alone(loss, last[0], diverged);
    }

    /** Rows 0..inits−1 are inits 0..inits−1; per row the losses until it ended, and its states at the end. */
    static void assertRowsAreTheRunsAlone(OptimizerSpec optimizer, int inits, long steps, int threads) {
        try (EnsembleRun run = new EnsembleRun(MSE, IRIS, optimizer, threads)) {
            int dim = run.dimension();
            double[] states = new double[inits * dim];
            for (int i = 0; i < inits; i++) {
                System.arraycopy(theta0(i), 0, states, i * dim, run.parameterCount());
            }
            long[] divergedAt = new long[inits];
            Arrays.fill(divergedAt, -1);
            List<List<Double>> losses = new ArrayList<>();
            double[][] last = new double[inits][];
            for (int i = 0; i < inits; i++) {
                losses.add(new ArrayList<>());
            }
            long reached = run.run(states, divergedAt, 0, steps, true, step -> {
                for (int i = 0; i < inits; i++) {
                    if (!step.ended(i)) {
                        losses.get(i).add(step.loss(i));
                        last[i] = Arrays.copyOfRange(step.states(), step.offset(i), step.offset(i) + dim);
                    }
                }
            });
            long lastDivergence = -1;
            boolean allDiverged = true;
            for (int i = 0; i < inits; i++) {
                Alone one = alone(optimizer, i, steps);
                assertThat(divergedAt[i]).as("init %d diverges at the same step", i).isEqualTo(one.divergedAt());
                assertThat(losses.get(i)).as("init %d", i).containsExactlyElementsOf(one.loss());
                assertThat(last[i]).as("init %d: last state", i).containsExactly(one.last());
                lastDivergence = Math.max(lastDivergence, divergedAt[i]);
                allDiverged &= divergedAt[i] >= 0;
            }
            assertThat(reached).as("the loop stops after the last orbit diverged")
                    .isEqualTo(allDiverged ? lastDivergence : steps);
        }
    }

    @Test
    void everyRowIsItsOrbitRunAloneAndDivergesWhereItDoes() {
        OptimizerSpec gd = OptimizerSpec.gradientDescent(3);
        // at η = 3 some of these inits diverge and others do not
        long[] at = new long[6];
        for (int i = 0; i < at.length; i++) {
            at[i] = alone(gd, i, 300).divergedAt();
        }
        assertThat(Arrays.stream(at).filter(t -> t > 0).count()).as("some diverge").isPositive();
        assertThat(at).as("some do not").contains(-1L);
        assertRowsAreTheRunsAlone(gd, 6, 300, 1);
        assertRowsAreTheRunsAlone(gd, 6, 300, 2);
    }

    @Test
    void whenEveryOrbitDivergesTheLoopStopsAtTheLastOne() {
        OptimizerSpec gd = OptimizerSpec.gradientDescent(300);
        for (int i = 0; i < 3; i++) {
            assertThat(alone(gd, i, 300).divergedAt()).as("init %d diverges at η = 300", i).isBetween(1L, 299L);
        }
        assertRowsAreTheRunsAlone(gd, 3, 300, 2);
    }

    @Test
    void withMomentumAndMiniBatchesTheLossIsTheWholeTrainingSetsAsInTrain() {
        OptimizerSpec sgd = new OptimizerSpec(0.5, 0.9, 30, SEED);
        assertRowsAreTheRunsAlone(sgd, 3, 120, 2);
        // the loss a run records: the recorded run's series is the orbit's
        List<Double> recorded = new ArrayList<>();
        new TrainingRun(MSE, IRIS, null, sgd).run(theta0(1), 120, 7, new TrainingObserver() {
            @Override
            public void loss(long t, double loss) {
                recorded.add(loss);
            }

            @Override
            public void snapshot(Snapshot snapshot, double[] theta) {
            }
        });
        assertThat(recorded).containsExactlyElementsOf(alone(sgd, 1, 120).loss());
    }

    @Test
    void aRunCanContinueFromWhereTheLastCallLeftOff() {
        OptimizerSpec gd = OptimizerSpec.gradientDescent(0.5);
        try (EnsembleRun run = new EnsembleRun(MSE, IRIS, gd, 1)) {
            double[] x = theta0(0);
            long[] divergedAt = {-1};
            List<Double> loss = new ArrayList<>();
            assertThat(run.run(x, divergedAt, 0, 40, false, step -> loss.add(step.loss(0)))).isEqualTo(40);
            assertThat(loss).hasSize(40);
            assertThat(run.run(x, divergedAt, 40, 100, true, step -> {
                assertThat(step.t()).isEqualTo(loss.size());
                loss.add(step.loss(0));
            })).isEqualTo(100);
            Alone one = alone(gd, 0, 100);
            assertThat(loss).containsExactlyElementsOf(one.loss());
            assertThat(x).containsExactly(one.last());
        }
    }

    @Test
    void aVisitsMapGivesTheTangentAtThetaT() {
        OptimizerSpec gd = OptimizerSpec.gradientDescent(1);
        netdyn.dynamics.GradientDescentMap own = new netdyn.dynamics.GradientDescentMap(MSE, IRIS, gd);
        int p = own.parameterCount();
        double[] v = new double[p];
        netdyn.rng.SplitMix64 rng = new netdyn.rng.SplitMix64(3);
        for (int i = 0; i < p; i++) {
            v[i] = rng.nextGaussian();
        }
        double[] seen = new double[p];
        double[] expected = new double[p];
        int[] visits = {0};
        new TrainingRun(MSE, IRIS, null, gd).orbit(theta0(0), 30, step -> {
            double[] theta = Arrays.copyOf(step.states(), p);
            step.map().tangent(step.t(), theta, v, seen);
            own.tangent(step.t(), theta, v, expected);
            assertThat(seen).as("step %d", step.t()).containsExactly(expected);
            visits[0]++;
        });
        assertThat(visits[0]).isEqualTo(31);
    }
}
