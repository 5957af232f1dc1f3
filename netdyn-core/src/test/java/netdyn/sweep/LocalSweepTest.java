package netdyn.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import netdyn.BadInputException;
import netdyn.run.RunSpec;
import netdyn.sweep.Axis.Setting;

/** A sweep run from Java into a directory: resumable, the same rows on any thread count, shard or stop. */
class LocalSweepTest {
    @TempDir
    Path tmp;

    static SweepSpec tiny(long steps) {
        return new SweepSpec(RunSpec.study(1, steps).withSeed(3), List.of(Axis.numeric(Setting.LEARNING_RATE,
                new double[] {0.1, 1, 8})), 2, 2, 1e-8, Measures.parse("loss,accuracy,nmle"), 8, 0.9);
    }

    static LocalSweep.Options threads(int n) {
        return LocalSweep.Options.defaults().withThreads(n);
    }

    @Test
    void oneThreadTwoThreadsAndTwoShardsGiveTheSameRows() {
        LocalSweep sweep = LocalSweep.of(tiny(40));
        SweepResult one = sweep.run(tmp.resolve("one"), threads(1));
        assertThat(one.tasks()).isEqualTo(6);
        assertThat(one.ran()).isEqualTo(6);
        assertThat(one.complete()).isTrue();
        assertThat(one.stopped()).isFalse();
        assertThat(one.lines().keySet()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(one.rows().get(2)).containsEntry("lr", 1.0).containsEntry("init", 0L).containsEntry("task", 2L);

        assertThat(sweep.run(tmp.resolve("two"), threads(2)).lines()).isEqualTo(one.lines());
        SweepResult first = sweep.run(tmp.resolve("s1"), threads(2).withShard(0, 2));
        SweepResult second = sweep.run(tmp.resolve("s2"), threads(2).withShard(1, 2));
        assertThat(first.lines().keySet()).containsExactly(0, 2, 4);
        assertThat(first.complete()).isFalse();
        Map<Integer, String> merged = new TreeMap<>(first.lines());
        merged.putAll(second.lines());
        assertThat(merged).isEqualTo(one.lines());
    }

    @Test
    void runningAgainRunsNothingAndAStoppedRunContinuesToTheSameRows() {
        SweepSpec spec = tiny(40);
        SweepResult whole = LocalSweep.run(spec, tmp.resolve("whole"));
        SweepResult again = LocalSweep.run(spec, tmp.resolve("whole"));
        assertThat(again.ran()).isZero();
        assertThat(again.lines()).isEqualTo(whole.lines());

        List<String> heard = new ArrayList<>();
        LocalSweep.Listener stopAfterTwo = new LocalSweep.Listener() {
            int done;

            @Override
            public void started(ResultStore store, List<SweepTask> pending) {
                heard.add("started " + store.size() + " " + pending.size());
            }

            @Override
            public void finished(SweepTask task, TaskResult result) {
                heard.add("finished " + task.index() + " " + result.values().get("task"));
            }

            @Override
            public void update(int d, int total) {
                done = d;
            }

            @Override
            public boolean stopRequested() {
                return done >= 2;
            }
        };
        Path dir = tmp.resolve("stopped");
        SweepResult stopped = LocalSweep.of(spec).run(dir, threads(1).withListener(stopAfterTwo));
        assertThat(stopped.stopped()).isTrue();
        // the stop is seen at a task boundary of this thread; the worker may meanwhile have finished the task it
        // was in (more than one only when this thread is starved, as on a loaded CI machine): the rows kept are
        // the first ones, complete, and the continuation below must give the whole sweep's rows
        int kept = stopped.done();
        assertThat(kept).isBetween(2, 6);
        assertThat(heard).startsWith("started 0 6", "finished 0 0", "finished 1 1").hasSize(1 + kept);

        heard.clear();
        SweepResult rest = LocalSweep.of(spec).run(dir, threads(2).withListener(new LocalSweep.Listener() {
            @Override
            public void started(ResultStore store, List<SweepTask> pending) {
                heard.add("started " + store.size() + " " + pending.size());
            }
        }));
        assertThat(heard).containsExactly("started " + kept + " " + (6 - kept));
        assertThat(rest.ran()).isEqualTo(6 - kept);
        assertThat(rest.lines()).isEqualTo(whole.lines());
    }

    @Test
    void aTasksRowIsAppendedAfterTheListenerHeardIt() {
        ResultStore[] open = new ResultStore[1];
        List<Boolean> storedWhenHeard = new ArrayList<>();
        LocalSweep.of(tiny(20)).run(tmp.resolve("order"), threads(2).withListener(new LocalSweep.Listener() {
            @Override
            public void started(ResultStore store, List<SweepTask> pending) {
                open[0] = store;
            }

            @Override
            public void finished(SweepTask task, TaskResult result) {
                storedWhenHeard.add(open[0].isDone(task.index()));
            }
        }));
        assertThat(storedWhenHeard).hasSize(6).containsOnly(false);
    }

    @Test
    void aDirectoryHoldingAnotherSweepIsRefusedNamingTheSetting() {
        LocalSweep.run(tiny(20), tmp.resolve("d"));
        assertThatThrownBy(() -> LocalSweep.run(tiny(30), tmp.resolve("d"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("steps");
    }

    @Test
    void aBadGridFailsWhenTheSweepIsPreparedBeforeAnyDirectory() {
        SweepSpec outside = new SweepSpec(RunSpec.study(1, 20), List.of(Axis.numeric(Setting.LEARNING_RATE,
                new double[] {1})), 1, 1, 1e-8, Measures.parse("loss"), 8, 0.9, 83);
        assertThatThrownBy(() -> LocalSweep.of(outside)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("P = 83");
    }

    @Test
    void optionsAreValidatedNamingTheParameter() {
        assertThatThrownBy(() -> threads(0)).isInstanceOfSatisfying(BadInputException.class,
                e -> assertThat(e.parameter()).isEqualTo("threads"));
        assertThatThrownBy(() -> threads(1).withShard(2, 2)).isInstanceOfSatisfying(BadInputException.class,
                e -> assertThat(e.parameter()).isEqualTo("shard"));
        assertThatThrownBy(() -> threads(1).withShard(0, 0)).isInstanceOf(BadInputException.class);
        assertThat(threads(3).withShard(1, 4)).isEqualTo(new LocalSweep.Options(1, 4, 3, null));
    }
}
