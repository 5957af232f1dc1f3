package netdyn.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import netdyn.run.RunSpec;
import netdyn.sweep.Axis;
import netdyn.sweep.LocalSweep;
import netdyn.sweep.Measures;
import netdyn.sweep.ResultStore;
import netdyn.sweep.SweepResult;
import netdyn.sweep.SweepSpec;
import netdyn.sweep.SweepTask;
import netdyn.sweep.TaskResult;
import netdyn.sweep.ValueRange;

/**
 * A sweep on Spark ({@code local[2]}, loopback, UI off) against the same sweep on one machine: the same store,
 * byte for byte; resumed after a partial local run; a differing row for a finished task refused.
 */
class SparkSweepTest {
    @TempDir
    static Path tmp;
    static JavaSparkContext spark;

    static final SweepSpec SWEEP = new SweepSpec(RunSpec.study(1, 120).withSeed(3), List.of(Axis.numeric(
            Axis.Setting.LEARNING_RATE, ValueRange.parse("learningRates", "0.5,2,5"))), 2, 2, 1e-8,
            Measures.parse("loss,accuracy,nmle,twin,spectrum:2"), 16, 0.9, 0);

    @BeforeAll
    static void startSpark() {
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("netdyn-test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        spark = new JavaSparkContext(conf);
        spark.setLogLevel("WARN");
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void sparkGivesTheLocalRowsByteForByte() throws Exception {
        LocalSweep.run(SWEEP, tmp.resolve("local"));
        Map<Integer, double[]> series = new ConcurrentHashMap<>();
        SweepResult r = SparkSweep.run(spark, SWEEP, tmp.resolve("spark"), 4, new SparkSweep.Listener() {
            @Override
            public void finished(SweepTask task, TaskResult result) {
                series.put(task.index(), result.series().get("loss"));
            }
        });
        assertThat(r.rows()).hasSize(SWEEP.taskCount());
        // every task's line the same bytes (a local store holds them in the order tasks finished)
        ResultStore.Snapshot local = ResultStore.read(tmp.resolve("local").resolve(ResultStore.FILE));
        ResultStore.Snapshot onSpark = ResultStore.read(tmp.resolve("spark").resolve(ResultStore.FILE));
        assertThat(onSpark.settings()).isEqualTo(local.settings());
        assertThat(onSpark.lines()).hasSize(SWEEP.taskCount()).isEqualTo(local.lines());
        assertThat(series).hasSize(SWEEP.taskCount());
        assertThat(series.get(0)).hasSize(121); // a task's series comes back with its row
    }

    @Test
    void aSecondRunSendsOnlyTheMissingTasks() throws Exception {
        Path dir = tmp.resolve("resumed");
        LocalSweep.of(SWEEP).run(dir, LocalSweep.Options.defaults().withShard(0, 2)); // half the tasks
        int[] sent = {0};
        SparkSweep.run(spark, SWEEP, dir, 2, new SparkSweep.Listener() {
            @Override
            public void started(ResultStore store, List<SweepTask> pending) {
                sent[0] = pending.size();
            }
        });
        assertThat(sent[0]).isEqualTo(SWEEP.taskCount() / 2);
        Path full = tmp.resolve("full");
        LocalSweep.run(SWEEP, full);
        assertThat(ResultStore.read(dir.resolve(ResultStore.FILE)).lines())
                .isEqualTo(ResultStore.read(full.resolve(ResultStore.FILE)).lines());
    }

    @Test
    void aStopRequestSendsNoFurtherChunkAndTheNextRunFinishes() {
        Path dir = tmp.resolve("stopped");
        boolean[] stop = {false};
        SweepResult first = SparkSweep.run(spark, SWEEP, dir, 2, new SparkSweep.Listener() {
            @Override
            public void update(int done, int total) {
                stop[0] = true; // after the first finished task
            }

            @Override
            public boolean stopRequested() {
                return stop[0];
            }
        });
        assertThat(first.stopped()).isTrue();
        // the two chunks out when the stop came are finished and kept; the third never went out
        assertThat(first.rows()).hasSize(2 * SparkSweep.IN_FLIGHT);
        SweepResult second = SparkSweep.run(spark, SWEEP, dir, 2, new SparkSweep.Listener() {
        });
        assertThat(second.stopped()).isFalse();
        assertThat(second.rows()).hasSize(SWEEP.taskCount());
        LocalSweep.run(SWEEP, tmp.resolve("stopped-local"));
        assertThat(ResultStore.read(dir.resolve(ResultStore.FILE)).lines())
                .isEqualTo(ResultStore.read(tmp.resolve("stopped-local").resolve(ResultStore.FILE)).lines());
    }

    @Test
    void aRowForAFinishedTaskIsComparedAndRefusedWhenDifferent() {
        Path dir = tmp.resolve("duplicates");
        LocalSweep.run(SWEEP, dir);
        String held = ResultStore.read(dir.resolve(ResultStore.FILE)).lines().get(0);
        java.util.LinkedHashMap<String, Object> same = new java.util.LinkedHashMap<>(ResultStore.parseRow(held));
        java.util.LinkedHashMap<String, Object> other = new java.util.LinkedHashMap<>(same);
        other.put("finalLoss", 0.5);
        try (ResultStore store = ResultStore.open(dir.resolve(ResultStore.FILE), SWEEP.settings())) {
            SparkSweep.Listener silent = new SparkSweep.Listener() {
            };
            // a retried task's identical row: accepted, nothing appended
            SparkSweep.append(store, SWEEP.task(0), new SparkSweep.Row(0, same, new java.util.LinkedHashMap<>(),
                    "retry"), silent);
            assertThat(store.lines().get(0)).isEqualTo(held);
            assertThatThrownBy(() -> SparkSweep.append(store, SWEEP.task(0), new SparkSweep.Row(0, other,
                    new java.util.LinkedHashMap<>(), "other"), silent)).hasMessageContaining("task 0")
                    .hasMessageContaining("refused");
        }
        assertThat(ResultStore.read(dir.resolve(ResultStore.FILE)).lines().get(0)).isEqualTo(held);
    }

    @Test
    void anotherSweepInTheSameDirectoryIsRefused() {
        Path dir = tmp.resolve("other");
        LocalSweep.run(SWEEP, dir);
        SweepSpec other = new SweepSpec(SWEEP.base().withSeed(4), SWEEP.axes(), 2, 2, 1e-8, SWEEP.measures(), 16,
                0.9, 0);
        assertThatThrownBy(() -> SparkSweep.run(spark, other, dir, 4, new SparkSweep.Listener() {
        })).hasMessageContaining("seed");
    }
}
