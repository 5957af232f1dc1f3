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

class SweepSpecTest {
    static final Measures LOSS = Measures.parse("loss");

    static SweepSpec spec(List<Axis> axes, int inits) {
        return new SweepSpec(Map.of("data", "iris", "hidden", "10"), axes, inits, 2, 100, 1e-8, LOSS, 8, 0.9, 5);
    }

    @Test
    void tasksRunRowMajorWithTheInitInnermost() {
        SweepSpec s = spec(List.of(new Axis("activation", List.of("sigmoid", "tanh")),
                Axis.numeric("lr", new double[] {0.1, 1, 10})), 2);
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
                axes.add(Axis.numeric("ax" + a, v));
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
                    assertThat(t.setting().get("ax" + a)).isEqualTo(axes.get(a).values().get(t.point()[a]));
                }
                back = back * inits + t.init();
                assertThat(back).isEqualTo(i);
                assertThat(seen.add(java.util.Arrays.toString(t.point()) + "/" + t.init())).isTrue();
            }
        }
    }

    @Test
    void shardsDealTasksRoundRobinAndCoverEveryTaskOnce() {
        SweepSpec s = spec(List.of(Axis.numeric("lr", new double[] {1, 2, 3, 4, 5})), 3);
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
        SweepSpec s = new SweepSpec(Map.of("hidden", "10", "data", "iris", "activation", "tanh"),
                List.of(Axis.numeric("lr", new double[] {0.5, 2})), 3, 4, 2000, 1e-8,
                Measures.parse("series,loss,spectrum:3,nmle"), 64, 0.9, 7);
        assertThat(new ArrayList<>(s.settings().keySet())).containsExactly("activation", "data", "hidden", "grid lr",
                "inits", "replicas", "steps", "eps", "measure", "tail", "target-accuracy", "seed", "tail-weight");
        assertThat(s.settings()).containsEntry("grid lr", "0.5,2.0").containsEntry("inits", "3")
                .containsEntry("replicas", "4").containsEntry("steps", "2000").containsEntry("eps", "1.0E-8")
                .containsEntry("measure", "loss,nmle,spectrum:3,series").containsEntry("tail", "64")
                .containsEntry("target-accuracy", "0.9").containsEntry("seed", "7").containsEntry("tail-weight", "none");
        SweepSpec other = new SweepSpec(Map.of("hidden", "10", "data", "iris", "activation", "tanh"),
                List.of(Axis.numeric("lr", new double[] {0.5, 2})), 3, 4, 2000, 1e-8,
                Measures.parse("nmle,spectrum:3,series"), 64, 0.9, 7);
        assertThat(other.settings()).isEqualTo(s.settings());
        assertThat(ResultStore.difference(s.settings(), other.settings())).isNull();
        SweepSpec tracked = new SweepSpec(Map.of("hidden", "10", "data", "iris", "activation", "tanh"),
                List.of(Axis.numeric("lr", new double[] {0.5, 2})), 3, 4, 2000, 1e-8,
                Measures.parse("nmle,spectrum:3,series"), 64, 0.9, 7, 5);
        assertThat(ResultStore.difference(s.settings(), tracked.settings())).startsWith("tail-weight");
    }

    @Test
    void badProtocolValuesNameTheirOption() {
        List<Axis> axes = List.of(Axis.numeric("lr", new double[] {1}));
        assertThatThrownBy(() -> new SweepSpec(Map.of(), axes, 0, 1, 10, 1e-8, LOSS, 1, 0.9, 0))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("--inits");
        assertThatThrownBy(() -> new SweepSpec(Map.of(), axes, 1, 0, 10, 1e-8, LOSS, 1, 0.9, 0))
                .hasMessageStartingWith("--replicas");
        assertThatThrownBy(() -> new SweepSpec(Map.of(), axes, 1, 1, 1, 1e-8, LOSS, 1, 0.9, 0))
                .hasMessageStartingWith("--steps");
        assertThatThrownBy(() -> new SweepSpec(Map.of(), axes, 1, 1, 10, 0, LOSS, 1, 0.9, 0))
                .hasMessageStartingWith("--eps");
        assertThatThrownBy(() -> new SweepSpec(Map.of(), axes, 1, 1, 10, 1e-8, LOSS, 0, 0.9, 0))
                .hasMessageStartingWith("--tail");
        assertThatThrownBy(() -> new SweepSpec(Map.of(), axes, 1, 1, 10, 1e-8, LOSS, 1, 1.5, 0))
                .hasMessageStartingWith("--target-accuracy");
        assertThatThrownBy(() -> new Axis("vary-data", List.of())).hasMessageStartingWith("--vary-data");
        assertThatThrownBy(() -> Axis.listed("activation", "tanh,,relu")).hasMessageStartingWith("--activation");
        assertThat(Axis.listed("hidden", "10;5,5").values()).containsExactly("10", "5,5");
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
                    .hasMessageStartingWith("--measure");
        }
    }
}
