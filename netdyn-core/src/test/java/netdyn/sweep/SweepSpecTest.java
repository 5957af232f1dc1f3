package netdyn.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import netdyn.BadInputException;
import netdyn.nn.Activation;
import netdyn.run.RunSpec;
import netdyn.sweep.Axis.Setting;

class SweepSpecTest {
    static final Measures LOSS = Measures.parse("loss");
    static final RunSpec BASE = RunSpec.study(1, 100).withSeed(5);
    static final Setting[] RATES = {Setting.LEARNING_RATE, Setting.HIDDEN_RATE, Setting.OUTPUT_RATE};

    static SweepSpec spec(List<Axis> axes, int inits) {
        return new SweepSpec(BASE, axes, inits, 2, 1e-8, LOSS, 8, 0.9);
    }

    @Test
    void tasksRunRowMajorWithTheInitInnermost() {
        SweepSpec s = spec(List.of(new Axis(Setting.ACTIVATION, List.of("sigmoid", "tanh")),
                Axis.numeric(Setting.LEARNING_RATE, new double[] {0.1, 1, 10})), 2);
        assertThat(s.gridPoints()).isEqualTo(6);
        assertThat(s.taskCount()).isEqualTo(12);
        SweepTask t = s.task(0);
        assertThat(t.point()).containsExactly(0, 0);
        assertThat(t.init()).isZero();
        assertThat(t.setting()).containsExactly(Map.entry("activation", "sigmoid"), Map.entry("lr", "0.1"));
        t = s.task(1);
        assertThat(t.point()).containsExactly(0, 0);
        assertThat(t.init()).isEqualTo(1);
        t = s.task(2);
        assertThat(t.point()).containsExactly(0, 1);
        assertThat(t.setting().get("lr")).isEqualTo("1.0");
        t = s.task(7);
        assertThat(t.point()).containsExactly(1, 0);
        assertThat(t.init()).isEqualTo(1);
        assertThat(t.setting()).containsExactly(Map.entry("activation", "tanh"), Map.entry("lr", "0.1"));
        t = s.task(11);
        assertThat(t.point()).containsExactly(1, 2);
        assertThat(t.setting().get("lr")).isEqualTo("10.0");
        assertThatThrownBy(() -> s.task(12)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.task(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTasksRunIsTheBaseWithItsGridPointAppliedAsTypedValues() {
        SweepSpec s = spec(List.of(new Axis(Setting.ACTIVATION, List.of("sigmoid", "tanh")),
                Axis.listed(Setting.HIDDEN, "5;8,4"), Axis.numeric(Setting.LEARNING_RATE, new double[] {0.1, 2}),
                new Axis(Setting.SEED, List.of("3", "9"))), 1);
        RunSpec r = s.run(s.task(s.taskCount() - 1));
        assertThat(r.network().activation()).isEqualTo(Activation.TANH);
        assertThat(r.network().hidden()).containsExactly(8, 4);
        assertThat(r.learningRate()).isEqualTo(2.0);
        assertThat(r.seed()).isEqualTo(9);
        assertThat(r.optimizer().batchSeed()).isEqualTo(9);
        assertThat(r.withActivation(Activation.SIGMOID).withHidden(5).withLearningRate(0.1).withSeed(3))
                .isEqualTo(s.run(s.task(0)));
        assertThat(r.data()).isEqualTo(BASE.data());

        SweepSpec map = spec(List.of(Axis.numeric(Setting.HIDDEN_RATE, new double[] {0.5, 4}),
                Axis.numeric(Setting.OUTPUT_RATE, new double[] {0.25, 3})), 1);
        RunSpec cell = map.run(map.task(2)); // hidden 4, output 0.25
        assertThat(cell.optimizer().layerRates()).containsExactly(4, 0.25);
        assertThat(cell.optimizer().learningRate()).isEqualTo(0.25);
        assertThat(s.task(3).setting().get("seed")).isEqualTo("9");
        assertThat(Setting.SEED.rowValue("9")).isEqualTo(9L);
        assertThat(Setting.HIDDEN_RATE.rowValue("4.0")).isEqualTo(4.0);
        assertThat(Setting.ACTIVATION.rowValue("tanh")).isEqualTo("tanh");
    }

    @Test
    void aTasksRowValuesAreTypedByTheirAxisNotGuessedFromTheName() {
        // the init axis's column is weight-init: "init" is a row's init index
        SweepSpec s = spec(List.of(new Axis(Setting.ACTIVATION, List.of("sigmoid", "tanh")),
                Axis.listed(Setting.HIDDEN, "5;8,4"), Axis.numeric(Setting.HIDDEN_RATE, new double[] {0.5}),
                Axis.numeric(Setting.OUTPUT_RATE, new double[] {2}), new Axis(Setting.SEED, List.of("3", "9")),
                new Axis(Setting.INIT, List.of("normal:0.5")), new Axis(Setting.DATA, List.of("iris"))), 1);
        Map<String, Object> row = s.rowValues(s.task(s.taskCount() - 1));
        assertThat(row).containsExactly(Map.entry("activation", "tanh"), Map.entry("hidden", "8,4"),
                Map.entry("lr-hidden", 0.5), Map.entry("lr-output", 2.0), Map.entry("seed", 9L),
                Map.entry("weight-init", "normal:0.5"), Map.entry("data", "iris"));
    }

    @Test
    void taskIndexRoundTripsOverRandomGrids() {
        Random rng = new Random(20261129L);
        for (int trial = 0; trial < 200; trial++) {
            int nAxes = rng.nextInt(4);
            List<Axis> axes = new ArrayList<>();
            for (int a = 0; a < nAxes; a++) {
                double[] v = new double[1 + rng.nextInt(4)];
                for (int i = 0; i < v.length; i++) {
                    v[i] = i + 0.5;
                }
                axes.add(Axis.numeric(RATES[a], v));
            }
            int inits = 1 + rng.nextInt(3);
            SweepSpec s = spec(axes, inits);
            int expected = inits;
            for (Axis a : axes) {
                expected *= a.size();
            }
            assertThat(s.taskCount()).isEqualTo(expected);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < s.taskCount(); i++) {
                SweepTask t = s.task(i);
                assertThat(t.index()).isEqualTo(i);
                int back = 0;
                for (int a = 0; a < nAxes; a++) {
                    back = back * axes.get(a).size() + t.point()[a];
                    assertThat(t.setting().get(RATES[a].id())).isEqualTo(axes.get(a).values().get(t.point()[a]));
                }
                back = back * inits + t.init();
                assertThat(back).isEqualTo(i);
                assertThat(seen.add(java.util.Arrays.toString(t.point()) + "/" + t.init())).isTrue();
            }
        }
    }

    @Test
    void shardsDealTasksRoundRobinAndCoverEveryTaskOnce() {
        SweepSpec s = spec(List.of(Axis.numeric(Setting.LEARNING_RATE, new double[] {1, 2, 3, 4, 5})), 3);
        List<Integer> all = new ArrayList<>();
        for (int shard = 0; shard < 4; shard++) {
            for (SweepTask t : SweepRunner.pending(s, shard, 4, i -> false)) {
                assertThat(t.inShard(shard, 4)).isTrue();
                assertThat(t.index() % 4).isEqualTo(shard);
                all.add(t.index());
            }
        }
        assertThat(all).hasSize(15).doesNotHaveDuplicates();
        assertThat(SweepRunner.pending(s, 0, 1, i -> i % 2 == 0)).extracting(SweepTask::index)
                .containsExactly(1, 3, 5, 7, 9, 11, 13);
    }

    @Test
    void settingsAreCanonicalAndInAFixedOrder() {
        RunSpec tanh = RunSpec.study(1, 2000).withSeed(7).withActivation(Activation.TANH);
        List<Axis> lr = List.of(Axis.numeric(Setting.LEARNING_RATE, new double[] {0.5, 2}));
        SweepSpec s = new SweepSpec(tanh, lr, 3, 4, 1e-8, Measures.parse("series,loss,spectrum:3,nmle"), 64, 0.9);
        assertThat(new ArrayList<>(s.settings().keySet())).containsExactly("activation", "batch-size", "bias-init",
                "data", "hidden", "init", "label-column", "loss", "momentum", "output", "shuffle", "standardize",
                "train", "weight-decay", "grid lr", "inits", "replicas", "steps", "eps", "measure", "tail",
                "target-accuracy", "seed", "tail-weight");
        assertThat(s.settings()).containsEntry("activation", "tanh").containsEntry("hidden", "10")
                .containsEntry("init", "normal:1").containsEntry("bias-init", "zero").containsEntry("data", "iris")
                .containsEntry("grid lr", "0.5,2.0").containsEntry("inits", "3")
                .containsEntry("replicas", "4").containsEntry("steps", "2000").containsEntry("eps", "1.0E-8")
                .containsEntry("measure", "loss,nmle,spectrum:3,series").containsEntry("tail", "64")
                .containsEntry("target-accuracy", "0.9").containsEntry("seed", "7").containsEntry("tail-weight", "none");
        SweepSpec other = new SweepSpec(tanh.withLearningRate(3), lr, 3, 4, 1e-8,
                Measures.parse("nmle,spectrum:3,series"), 64, 0.9);
        assertThat(other.settings()).as("the base η is a placeholder under an η axis").isEqualTo(s.settings());
        assertThat(ResultStore.difference(s.settings(), other.settings())).isNull();
        SweepSpec tracked = new SweepSpec(tanh, lr, 3, 4, 1e-8, Measures.parse("nmle,spectrum:3,series"), 64, 0.9, 5);
        assertThat(ResultStore.difference(s.settings(), tracked.settings())).startsWith("tail-weight");
        SweepSpec relu = new SweepSpec(tanh.withActivation(Activation.RELU), lr, 3, 4, 1e-8, LOSS, 64, 0.9);
        assertThat(ResultStore.difference(s.settings(), relu.settings())).startsWith("activation is 'tanh' there");
        Map<String, String> older = new java.util.LinkedHashMap<>(s.settings());
        older.put("init-from", "null");
        assertThat(ResultStore.difference(older, s.settings())).as("a setting that is not set reads as null").isNull();
    }

    @Test
    void badValuesNameTheirSettingAndFailBeforeAnyTask() {
        List<Axis> axes = List.of(Axis.numeric(Setting.LEARNING_RATE, new double[] {1}));
        assertThat(parameterOf(() -> new SweepSpec(BASE, axes, 0, 1, 1e-8, LOSS, 1, 0.9))).isEqualTo("inits");
        assertThat(parameterOf(() -> new SweepSpec(BASE, axes, 1, 0, 1e-8, LOSS, 1, 0.9))).isEqualTo("replicas");
        assertThat(parameterOf(() -> new SweepSpec(BASE.withSteps(1), axes, 1, 1, 1e-8, LOSS, 1, 0.9)))
                .isEqualTo("steps");
        assertThat(parameterOf(() -> new SweepSpec(BASE, axes, 1, 1, 0, LOSS, 1, 0.9))).isEqualTo("epsilon");
        assertThat(parameterOf(() -> new SweepSpec(BASE, axes, 1, 1, 1e-8, LOSS, 0, 0.9))).isEqualTo("tail");
        assertThat(parameterOf(() -> new SweepSpec(BASE, axes, 1, 1, 1e-8, LOSS, 1, 1.5))).isEqualTo("target");
        assertThat(parameterOf(() -> new Axis(Setting.DATA, List.of()))).isEqualTo("data");
        assertThat(parameterOf(() -> Axis.listed(Setting.ACTIVATION, "tanh,,relu"))).isEqualTo("activation");
        assertThat(Axis.listed(Setting.HIDDEN, "10;5,5").values()).containsExactly("10", "5,5");
        assertThat(parameterOf(() -> spec(List.of(Axis.numeric(Setting.LEARNING_RATE, new double[] {1, -2})), 1)))
                .as("a grid value that makes no valid run fails when the sweep is built").isEqualTo("learningRate");
        assertThat(parameterOf(() -> spec(List.of(Axis.listed(Setting.HIDDEN, "10;0")), 1))).isEqualTo("hidden");
        assertThatThrownBy(() -> new SweepSpec(BASE, axes, 0, 1, 1e-8, LOSS, 1, 0.9)).hasMessage("inits must be >= 1 "
                + "(got 0)").hasMessageNotContaining("--");
    }

    private static String parameterOf(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        try {
            call.call();
        } catch (BadInputException e) {
            return e.parameter();
        } catch (Throwable t) {
            throw new AssertionError("expected BadInputException, got " + t, t);
        }
        throw new AssertionError("no exception");
    }

    @Test
    void measuresRoundTripThroughTheirText() {
        String[] texts = {"loss", "accuracy", "nmle,twin", "spectrum:all", "spectrum", "spectrum:4,sharpness",
            "series,accuracy,loss", "loss,accuracy,nmle,twin,spectrum:3,sharpness,series"};
        for (String t : texts) {
            Measures m = Measures.parse(t);
            assertThat(Measures.parse(m.text())).as(t).isEqualTo(m);
            assertThat(m.text()).startsWith("loss");
        }
        assertThat(Measures.parse("spectrum").spectrumK()).isEqualTo(1);
        assertThat(Measures.parse("spectrum:all").spectrumK()).isEqualTo(Measures.ALL);
        assertThat(Measures.parse("twin , nmle").text()).isEqualTo("loss,nmle,twin");
        for (String bad : new String[] {"", "bogus", "loss,bogus", "spectrum:0", "spectrum:x", "spectrum:-2", "spectrumx"}) {
            assertThatThrownBy(() -> Measures.parse(bad)).as(bad).isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith("measures: ");
        }
    }
}
