package netdyn.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import netdyn.analysis.TrainingObserver;
import netdyn.analysis.TrainingResult;
import netdyn.analysis.TrainingRun;
import netdyn.data.DataSources;
import netdyn.data.Dataset;
import netdyn.dynamics.GradientDescentMap;
import netdyn.dynamics.OptimizerSpec;
import netdyn.nn.Activation;
import netdyn.nn.Batch;
import netdyn.nn.InitSpec;
import netdyn.nn.LossKind;
import netdyn.nn.MlpLayout;
import netdyn.nn.MlpSpec;
import netdyn.nn.OutputKind;
import netdyn.run.RunSpec;
import netdyn.sweep.Axis.Setting;

class TaskMeasurerTest {
    static final Dataset.Split IRIS_SPLIT = DataSources.load("iris", null, null).split(120);
    static final Batch IRIS = Batch.of(IRIS_SPLIT.train());
    static final Batch IRIS_TEST = Batch.of(IRIS_SPLIT.test());
    static final MlpSpec STUDY = MlpSpec.study(4, 3);

    static SweepSpec sweep(double[] lrs, int inits, int replicas, long steps, String measures, long seed) {
        return new SweepSpec(RunSpec.study(1, steps).withSeed(seed), List.of(Axis.numeric(Setting.LEARNING_RATE, lrs)),
                inits, replicas, 1e-8, Measures.parse(measures), 16, 0.9);
    }

    static TaskProblem problem(MlpSpec spec, SweepTask task, long seed) {
        return new TaskProblem(spec, IRIS, IRIS_TEST, InitSpec.STUDY, seed,
                OptimizerSpec.gradientDescent(Double.parseDouble(task.setting().get("lr"))));
    }

    static TaskResult measure(SweepSpec s, int task) {
        return TaskMeasurer.measure(s, s.task(task), problem(STUDY, s.task(task), s.seed()));
    }

    @Test
    void initZeroIsTheTrainRunOfTheSameSeedBitForBit() {
        long seed = 11;
        double eta = 0.5;
        SweepSpec s = sweep(new double[] {eta}, 2, 1, 150, "loss,accuracy", seed);
        TaskResult r = measure(s, 0);

        MlpLayout layout = new MlpLayout(STUDY);
        double[] theta0 = new double[layout.parameterCount()];
        InitSpec.STUDY.initialize(layout, seed, 0, theta0, 0);
        List<Double> losses = new ArrayList<>();
        TrainingResult train = new TrainingRun(STUDY, IRIS, IRIS_TEST, OptimizerSpec.gradientDescent(eta))
                .run(theta0, 150, 50, new TrainingObserver() {
                    @Override
                    public void loss(long t, double loss) {
                        losses.add(loss);
                    }

                    @Override
                    public void snapshot(Snapshot snapshot, double[] theta) {
                    }
                });
        double[] expected = losses.stream().mapToDouble(Double::doubleValue).toArray();
        assertThat(r.series().get("loss")).hasSize(151).containsExactly(expected);
        assertThat(r.values().get("finalLoss")).isEqualTo(train.finalLoss());
        assertThat(r.values().get("trainAccuracy")).isEqualTo(train.trainAccuracy());
        assertThat(r.values().get("testAccuracy")).isEqualTo(train.testAccuracy());
        assertThat(r.values().get("status")).isEqualTo("ok");
        assertThat(r.values().get("divergedAtStep")).isEqualTo(-1L);
        assertThat((double[]) r.values().get("lossTail")).containsExactly(
                java.util.Arrays.copyOfRange(expected, 151 - 16, 151));

        TaskResult other = measure(s, 1);
        assertThat(other.values().get("init")).isEqualTo(1L);
        assertThat(other.series().get("loss")[0]).as("init 1 is another network").isNotEqualTo(expected[0]);
    }

    @Test
    void theWeightTailIsTheLastValuesOfThatParameterAlongTheOrbit() {
        long seed = 3;
        double eta = 2;
        int weight = 17;
        SweepSpec s = new SweepSpec(RunSpec.study(1, 120).withSeed(seed),
                List.of(Axis.numeric(Setting.LEARNING_RATE, new double[] {eta})), 1, 1, 1e-8, Measures.parse("loss"), 16,
                0.9, weight);
        double[] tail = (double[]) measure(s, 0).values().get("weightTail");

        MlpLayout layout = new MlpLayout(STUDY);
        double[] theta = new double[layout.parameterCount()];
        InitSpec.STUDY.initialize(layout, seed, 0, theta, 0);
        GradientDescentMap map = new GradientDescentMap(STUDY, IRIS, OptimizerSpec.gradientDescent(eta));
        double[] expected = new double[16];
        double[] next = new double[theta.length];
        for (int t = 0; t <= 120; t++) {
            if (t >= 120 + 1 - 16) {
                expected[t - (120 + 1 - 16)] = theta[weight];
            }
            map.step(t, theta, next);
            double[] swap = theta;
            theta = next;
            next = swap;
        }
        assertThat(tail).containsExactly(expected);
        assertThat(new java.util.HashSet<>(java.util.Arrays.stream(tail).boxed().toList())).as("it moves").hasSizeGreaterThan(1);
    }

    @Test
    void withMiniBatchesTheLossIsTheFullTrainingLossAsInTrain() {
        long seed = 5;
        SweepSpec s = sweep(new double[] {0.5}, 1, 1, 60, "loss", seed);
        OptimizerSpec sgd = new OptimizerSpec(0.5, 0, 30, seed);
        TaskProblem p = new TaskProblem(STUDY, IRIS, IRIS_TEST, InitSpec.STUDY, seed, sgd);
        TaskResult r = TaskMeasurer.measure(s, s.task(0), p);
        MlpLayout layout = new MlpLayout(STUDY);
        double[] theta0 = new double[layout.parameterCount()];
        InitSpec.STUDY.initialize(layout, seed, 0, theta0, 0);
        List<Double> losses = new ArrayList<>();
        new TrainingRun(STUDY, IRIS, IRIS_TEST, sgd).run(theta0, 60, 60, new TrainingObserver() {
            @Override
            public void loss(long t, double loss) {
                losses.add(loss);
            }

            @Override
            public void snapshot(Snapshot snapshot, double[] theta) {
            }
        });
        assertThat(r.series().get("loss")).containsExactly(losses.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Test
    void aDivergingTaskIsAResultNotAnError() {
        SweepSpec s = sweep(new double[] {1e4}, 1, 2, 100, "loss,accuracy,nmle,sharpness", 0);
        MlpSpec relu = new MlpSpec(4, new int[] {10}, 3, Activation.RELU, OutputKind.LINEAR, LossKind.MSE, 0);
        TaskResult r = TaskMeasurer.measure(s, s.task(0), problem(relu, s.task(0), 0));
        assertThat(r.values().get("status")).isEqualTo("diverged");
        long at = (Long) r.values().get("divergedAtStep");
        assertThat(at).isBetween(1L, 99L);
        double[] loss = r.series().get("loss");
        assertThat(loss[(int) at - 1]).isFinite();
        for (int t = (int) at; t < loss.length; t++) {
            assertThat(loss[t]).as("loss at %d", t).isNaN();
        }
        assertThat((Double) r.values().get("finalLoss")).isNaN();
        assertThat((Double) r.values().get("minLoss")).isFinite();
        assertThat((Double) r.values().get("trainAccuracy")).isNaN();
        assertThat((Double) r.values().get("sharpnessFinal")).isNaN();
    }

    @Test
    void edgeOfStabilityHasAPositiveExponentAndSmallStepsNone() {
        SweepSpec s = sweep(new double[] {0.01, 1}, 2, 4, 200, "loss,nmle", 0);
        for (int init = 0; init < 2; init++) {
            TaskResult small = measure(s, init);
            assertThat(small.values().get("nmlePassed")).isEqualTo(0L);
            assertThat(small.series().get("distance")).hasSize(201);
            assertThat(small.series().get("distance")[0]).isCloseTo(0.5, within(0.1)); // |U(−ε,ε)| averages ε/2
        }
        double sum = 0;
        int passed = 0;
        for (int init = 0; init < 2; init++) {
            TaskResult eos = measure(s, 2 + init);
            sum += (Double) eos.values().get("nmle");
            passed += ((Long) eos.values().get("nmlePassed")).intValue();
        }
        assertThat(passed).isPositive();
        assertThat(sum / 2).as("study: 0.31–0.33 ± 0.12").isBetween(0.1, 0.6);
    }

    @Test
    void spectrumSumEqualsTheMeanLogDeterminantAlongTheOrbit() {
        MlpSpec small = new MlpSpec(4, new int[] {3}, 3, Activation.SIGMOID, OutputKind.SOFTMAX, LossKind.CE, 0);
        SweepSpec s = sweep(new double[] {0.7}, 1, 1, 25, "spectrum:all", 3);
        TaskProblem p = problem(small, s.task(0), 3);
        TaskResult r = TaskMeasurer.measure(s, s.task(0), p);
        double[] spectrum = (double[]) r.values().get("spectrum");
        int dim = new MlpLayout(small).parameterCount();
        assertThat(spectrum).hasSize(dim);
        for (int i = 1; i < dim; i++) {
            assertThat(spectrum[i]).isLessThanOrEqualTo(spectrum[i - 1]);
        }
        GradientDescentMap map = new GradientDescentMap(small, IRIS, p.optimizer());
        double[] x = new double[dim];
        p.init().initialize(new MlpLayout(small), 3, 0, x, 0);
        double[] next = new double[dim];
        double logDet = 0;
        for (int t = 0; t < 25; t++) {
            logDet += map.logAbsDetJacobian(t, x);
            map.step(t, x, next);
            double[] sw = x;
            x = next;
            next = sw;
        }
        assertThat((Double) r.values().get("spectrumSum")).isCloseTo(logDet / 25, within(1e-8));
        assertThat((Double) r.values().get("lambdaTangent")).isEqualTo(spectrum[0]);
        // the row's D_KY is the definition applied to the row's own spectrum (written out here, not KaplanYorke)
        double partial = 0;
        int j = 0;
        while (j < dim && partial + spectrum[j] >= 0) {
            partial += spectrum[j];
            j++;
        }
        double expected = j == dim ? dim : j + partial / Math.abs(spectrum[j]);
        assertThat(j).as("a partial sum turns negative inside the spectrum: D_KY has a fractional part").isBetween(1,
                dim - 1);
        assertThat((Double) r.values().get("kaplanYorkeDimension")).isCloseTo(expected, within(1e-12 * dim));
    }

    @Test
    void theRegimeEvidenceFromTheSharedQrPassMatchesItsOwnPass() {
        double eta = 2;
        long seed = 6;
        SweepSpec s = sweep(new double[] {eta}, 1, 1, 600, "loss,spectrum:3,series", seed);
        TaskResult r = measure(s, 0);
        MlpLayout layout = new MlpLayout(STUDY);
        double[] theta0 = new double[layout.parameterCount()];
        InitSpec.STUDY.initialize(layout, seed, 0, theta0, 0);
        netdyn.analysis.RegimeEvidence.Measured own = netdyn.analysis.RegimeEvidence.measure(STUDY, IRIS,
                OptimizerSpec.gradientDescent(eta), theta0, 600, 1);
        // another random start vector, aligned over the same first half: the same exponent up to alignment error
        assertThat((Double) r.values().get("lambda1")).isCloseTo(own.evidence().lambda1(), within(1e-6));
        assertThat(r.values().get("regime")).isEqualTo(netdyn.analysis.RegimeClassifier.classify(own.evidence())
                .label());
        assertThat((Double) r.values().get("zeroOneK")).isCloseTo(own.evidence().zeroOneK(), within(0.05));
    }

    @Test
    void theSameTaskTwiceGivesTheSameResult() {
        SweepSpec s = sweep(new double[] {1}, 1, 2, 120, "loss,accuracy,nmle,twin,spectrum:2,sharpness,series", 4);
        TaskResult a = measure(s, 0);
        TaskResult b = measure(s, 0);
        assertThat(a.values().keySet()).contains("nmle", "lambdaTwin", "spectrum", "sharpnessMax", "regime",
                "lambdaSeries");
        assertSameValues(a, b);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        SweepSpec s = sweep(new double[] {0.05, 1, 4}, 2, 2, 80, "loss,accuracy,nmle,twin,spectrum:2,sharpness", 9);
        Map<Integer, TaskResult> one = runAll(s, 1);
        Map<Integer, TaskResult> three = runAll(s, 3);
        assertThat(one.keySet()).containsExactlyInAnyOrderElementsOf(three.keySet()).hasSize(6);
        for (int i : one.keySet()) {
            assertSameValues(one.get(i), three.get(i));
        }
    }

    private static Map<Integer, TaskResult> runAll(SweepSpec s, int threads) {
        Map<Integer, TaskResult> results = Collections.synchronizedMap(new HashMap<>());
        List<Integer> progress = new ArrayList<>();
        SweepRunner.run(s, SweepRunner.pending(s, 0, 1, i -> false), threads, t -> problem(STUDY, t, s.seed()),
                (task, result) -> assertThat(results.put(task.index(), result)).isNull(),
                (done, total) -> progress.add(done));
        assertThat(progress).containsExactly(1, 2, 3, 4, 5, 6);
        return results;
    }

    static void assertSameValues(TaskResult a, TaskResult b) {
        assertThat(b.values().keySet()).containsExactlyElementsOf(a.values().keySet());
        for (String k : a.values().keySet()) {
            Object x = a.values().get(k);
            Object y = b.values().get(k);
            if (x instanceof double[] xa) {
                assertThat((double[]) y).as(k).containsExactly(xa);
            } else {
                assertThat(y).as(k).isEqualTo(x);
            }
        }
        assertThat(b.series().keySet()).containsExactlyElementsOf(a.series().keySet());
        for (String k : a.series().keySet()) {
            assertThat(b.series().get(k)).as(k).containsExactly(a.series().get(k));
        }
        assertThat(FlatJson.write(b.values())).isEqualTo(FlatJson.write(a.values()));
    }
}
