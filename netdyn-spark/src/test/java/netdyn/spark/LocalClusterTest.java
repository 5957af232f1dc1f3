package netdyn.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import netdyn.sweep.LocalSweep;
import netdyn.sweep.ResultStore;

/**
 * The sweep on a real multi-process Spark cluster on this machine ({@code local-cluster[2,1,1024]}: a master,
 * two workers and their executor JVMs, separate from the driver; loopback only, UI off): its rows were computed
 * in other processes and are byte for byte the local runner's.
 */
class LocalClusterTest {
    @TempDir
    Path tmp;

    @Test
    // an executor that cannot start (a jar missing from SPARK_HOME) leaves Spark waiting for resources: fail
    @Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void rowsComputedInExecutorProcessesAreTheLocalRows() throws Exception {
        String sparkHome = System.getenv("SPARK_HOME");
        assertThat(sparkHome).as("SPARK_HOME (set by the build: target/spark-home)").isNotNull();
        assertThat(Path.of(sparkHome, "jars")).isDirectory();
        // the executors load netdyn's classes from here (this module's and netdyn-core's)
        String classpath = System.getProperty("java.class.path");
        StringBuilder ours = new StringBuilder();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.contains("netdyn-core") || entry.contains("netdyn-spark") || entry.contains("ejml")) {
                ours.append(ours.length() == 0 ? "" : File.pathSeparator).append(entry);
            }
        }
        SparkConf conf = new SparkConf().setMaster("local-cluster[2,1,1024]").setAppName("netdyn-cluster-test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.executor.extraClassPath", ours.toString())
                .set("spark.executor.extraJavaOptions", System.getProperty("netdyn.spark.jvmOptions", ""))
                .setSparkHome(sparkHome);
        Map<Integer, String> workers = new ConcurrentHashMap<>();
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            spark.setLogLevel("WARN");
            SparkSweep.run(spark, SparkSweepTest.SWEEP, tmp.resolve("cluster"), 3, new SparkSweep.Listener() {
                @Override
                public void computedBy(int task, String worker) {
                    workers.put(task, worker);
                }
            });
        }
        String driver = ManagementFactory.getRuntimeMXBean().getName();
        assertThat(workers).hasSize(SparkSweepTest.SWEEP.taskCount());
        assertThat(workers.values()).as("computed outside the driver " + driver).doesNotContain(driver);
        assertThat(Set.copyOf(workers.values())).as("executor JVMs").hasSizeBetween(1, 2);
        LocalSweep.run(SparkSweepTest.SWEEP, tmp.resolve("local"));
        assertThat(ResultStore.read(tmp.resolve("cluster").resolve(ResultStore.FILE)).lines())
                .isEqualTo(ResultStore.read(tmp.resolve("local").resolve(ResultStore.FILE)).lines());
        assertThat(Files.size(tmp.resolve("cluster").resolve(ResultStore.FILE))).isPositive();
    }
}
