package netdyn.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import netdyn.atlas.BoundaryPreset;
import netdyn.atlas.DeepZoom;
import netdyn.sweep.LocalSweep;
import netdyn.sweep.ResultStore;
import netdyn.sweep.SweepEngine;
import netdyn.sweep.SweepSpec;

/** The "spark" engine as the command line finds it (ServiceLoader), on local[2]: the local runner's rows. */
class SparkEngineTest {
    @TempDir
    Path tmp;

    @Test
    void theServiceLoaderFindsSparkAndItGivesTheLocalRows() {
        try (SweepEngine engine = SweepEngine.open("spark", "local[2]")) {
            assertThat(engine.description()).startsWith("Spark 4.").contains("master local[2]");
            int[] updates = {0};
            engine.run(SparkSweepTest.SWEEP, tmp.resolve("engine"), new LocalSweep.Listener() {
                @Override
                public void update(int done, int total) {
                    updates[0] = done;
                }
            });
            assertThat(updates[0]).isEqualTo(SparkSweepTest.SWEEP.taskCount());
        }
        LocalSweep.run(SparkSweepTest.SWEEP, tmp.resolve("local"));
        assertThat(ResultStore.read(tmp.resolve("engine").resolve(ResultStore.FILE)).lines())
                .isEqualTo(ResultStore.read(tmp.resolve("local").resolve(ResultStore.FILE)).lines());
    }

    @Test
    void aDeepZoomOnSparkChoosesTheLocalWindowsFromTheLocalRows() {
        SweepSpec first = BoundaryPreset.IDENTITY.map(17, 30, 0);
        DeepZoom.Result spark;
        try (SweepEngine engine = SweepEngine.open("spark", "local[2]")) {
            spark = DeepZoom.run(first, 3, 4, (k, sweep) -> engine.run(sweep,
                    tmp.resolve("spark").resolve(DeepZoom.directory(k)), new LocalSweep.Listener() {
                    }));
        }
        DeepZoom.Result local = DeepZoom.run(first, 3, 4, (k, sweep) -> LocalSweep.run(sweep,
                tmp.resolve("local").resolve(DeepZoom.directory(k))));
        assertThat(spark.levels()).hasSameSizeAs(local.levels());
        for (int k = 0; k < local.levels().size(); k++) {
            assertThat(spark.levels().get(k).window()).isEqualTo(local.levels().get(k).window());
            assertThat(spark.levels().get(k).dimension().dimension())
                    .isEqualTo(local.levels().get(k).dimension().dimension());
            assertThat(ResultStore.read(tmp.resolve("spark").resolve(DeepZoom.directory(k)).resolve(ResultStore.FILE))
                    .lines()).isEqualTo(ResultStore.read(tmp.resolve("local").resolve(DeepZoom.directory(k))
                    .resolve(ResultStore.FILE)).lines());
        }
    }
}
