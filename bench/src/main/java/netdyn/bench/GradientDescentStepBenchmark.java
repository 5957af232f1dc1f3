package netdyn.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import netdyn.data.DataSources;
import netdyn.dynamics.Ensemble;
import netdyn.dynamics.GradientDescentMap;
import netdyn.dynamics.OptimizerSpec;
import netdyn.nn.Batch;
import netdyn.nn.InitSpec;
import netdyn.nn.MlpLayout;
import netdyn.nn.MlpSpec;

/**
 * One full-batch gradient-descent step of R replicas of the study's 4–10–3 sigmoid / softmax
 * cross-entropy network on the 120 Iris training samples (float64). The score is µs per ensemble
 * step; divide by R for µs per trajectory-step (bench/run does).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class GradientDescentStepBenchmark {

    @Param({"1", "3000"})
    public int replicas;

    @Param({"1", "2"})
    public int threads;

    @Param({"0.01"})
    public double learningRate;

    private Ensemble ensemble;
    private double[] states;
    private double[] next;
    private double[] losses;
    private long t;

    @Setup(Level.Trial)
    public void setUp() {
        Batch train = Batch.of(DataSources.load("iris", null, null).split(120).train());
        MlpSpec spec = MlpSpec.study(4, 3);
        OptimizerSpec opt = OptimizerSpec.gradientDescent(learningRate);
        ensemble = new Ensemble(() -> new GradientDescentMap(spec, train, opt), Math.min(threads, replicas));
        MlpLayout layout = new MlpLayout(spec);
        int p = layout.parameterCount();
        states = new double[replicas * p];
        next = new double[replicas * p];
        losses = new double[replicas];
        for (int r = 0; r < replicas; r++) {
            InitSpec.STUDY.initialize(layout, 1, r, states, r * p);
        }
    }

    @Benchmark
    public double step() {
        ensemble.step(t++, states, next, replicas, losses, null);
        double[] s = states;
        states = next;
        next = s;
        return losses[0];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        ensemble.close();
    }
}
