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
import org.openjdk.jmh.annotations.Warmup;

import netdyn.dynamics.GradientDescentMap;
import netdyn.dynamics.OptimizerSpec;
import netdyn.nn.Batch;

/**
 * One full-batch gradient-descent step of the 784–64–10 tanh / softmax cross-entropy network on
 * N = 10 000 MNIST-shaped samples (float64), one trajectory, its layer products split over
 * {@code threads}. Score: ms per step. PyTorch's form: bench/pytorch, {@code mnist-step}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// about 12 s of warm-up: in bench/runs of 2026-12-01 the first iterations after a shorter warm-up ran up to 1.7×
// slower than the rest (the step at 120 ms for 8 s, then 69 ms) — compilation (a step settles by its third, in one
// process) and the VM's drift; steady state is what a run of thousands of steps sees
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx4g"})
public class MnistStepBenchmark {

    @Param({"1", "2"})
    public int threads;

    @Param({"10000"})
    public int samples;

    private GradientDescentMap map;
    private double[] theta;
    private double[] next;
    private long t;

    @Setup(Level.Trial)
    public void setUp() {
        Batch train = MnistProblem.batch(samples);
        map = new GradientDescentMap(MnistProblem.SPEC, train, OptimizerSpec.gradientDescent(0.01), threads);
        theta = MnistProblem.init(1);
        next = new double[theta.length];
    }

    @Benchmark
    public double step() {
        map.step(t++, theta, 0, next, 0);
        double[] s = theta;
        theta = next;
        next = s;
        return map.lastLoss();
    }
}
