package netdyn.spark;

import java.nio.file.Path;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import netdyn.sweep.LocalSweep;
import netdyn.sweep.SweepEngine;
import netdyn.sweep.SweepResult;
import netdyn.sweep.SweepSpec;

/**
 * The "spark" sweep engine: {@link SparkSweep} on a Spark context for a master URL (null: the one
 * {@code spark-submit} gives through the system property {@code spark.master}, else {@code local[*]}). A
 * {@code local…} master
 * binds to 127.0.0.1 only. The web UI is off unless the system property {@code spark.ui.enabled} says
 * otherwise; executors get the JVM options of the system property {@code netdyn.spark.jvmOptions} (Spark's
 * {@code --add-opens} list on Java 17, set by {@code ./netdyn}) and the jars of {@code netdyn.spark.jars}
 * (netdyn's own, for executors in other processes). Any other {@code spark.*} system property reaches the
 * context as Spark reads it.
 */
public final class SparkEngine implements SweepEngine {
    private final JavaSparkContext spark;
    private final int chunk;

    SparkEngine(JavaSparkContext spark, int chunk) {
        this.spark = spark;
        this.chunk = chunk;
    }

    /** Registers the engine under the name "spark". */
    public static final class Provider implements SweepEngine.Provider {
        @Override
        public String name() {
            return "spark";
        }

        @Override
        public SweepEngine open(String master) {
            SparkConf conf = new SparkConf(); // with the spark.* system properties spark-submit sets
            if (master != null) {
                conf.setMaster(master);
            }
            conf.setIfMissing("spark.master", "local[*]");
            conf.setIfMissing("spark.app.name", "netdyn sweep");
            conf.setIfMissing("spark.ui.enabled", "false");
            if (conf.get("spark.master").startsWith("local")) {
                conf.setIfMissing("spark.driver.host", "127.0.0.1");
                conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            }
            String options = System.getProperty("netdyn.spark.jvmOptions");
            if (options != null && !options.isBlank()) {
                conf.setIfMissing("spark.executor.extraJavaOptions", options);
            }
            String jars = System.getProperty("netdyn.spark.jars");
            if (jars != null && !jars.isBlank()) {
                conf.setIfMissing("spark.jars", jars);
            }
            String home = System.getenv("SPARK_HOME");
            if (home != null) {
                conf.setSparkHome(home);
            }
            JavaSparkContext context = new JavaSparkContext(conf);
            context.setLogLevel(System.getProperty("netdyn.spark.logLevel", "WARN"));
            return new SparkEngine(context, Integer.getInteger("netdyn.spark.chunk", SparkSweep.DEFAULT_CHUNK));
        }
    }

    @Override
    public SweepResult run(SweepSpec spec, Path dir, LocalSweep.Listener listener) {
        return SparkSweep.run(spark, spec, dir, chunk, listener);
    }

    @Override
    public String description() {
        return "Spark " + spark.version() + ", master " + spark.master() + " (default parallelism "
                + spark.defaultParallelism() + ")";
    }

    @Override
    public void close() {
        spark.stop();
    }
}
