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

import netdyn.dynamics.Ensemble;
import netdyn.dynamics.GradientDescentMap;
import netdyn.dynamics.OptimizerSpec;
import netdyn.nn.Batch;

/**
 * The divergence protocol's unit of work at the follow-up study's size: one full-batch step of
 * R = 6 orbits (a reference and 5 perturbed replicas) of the 784–64–10 tanh network on N = 10 000
 * MNIST-shaped samples, float64. Score: ms per ensemble step (bench/run divides by R for ms per
 * model-step). PyTorch's form: bench/pytorch, {@code mnist-ensemble}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// about 12 s of warm-up: in bench/runs of 2026-12-01 the first iterations after a shorter warm-up ran up to 1.7×
// slower than the rest (the step at 120 ms for 8 s, then 69 ms) — compilation (a step settles by its third, in one
// process) and the VM's drift; steady state is what a run of thousands of steps sees
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx6g"})
public class MnistEnsembleBenchmark {

    @Param({"1", "2"})
    public int threads;

    @Param({"6"})
    public int replicas;

    @Param({"10000"})
    public int samples;

    private Ensemble ensemble;
    private double[] states;
    private double[] next;
    private double[] losses;
    private long t;

    @Setup(Level.Trial)
    public void setUp() {
        Batch train = MnistProblem.batch(samples);
        OptimizerSpec opt = OptimizerSpec.gradientDescent(0.01);
        ensemble = new Ensemble(() -> new GradientDescentMap(MnistProblem.SPEC, train, opt), threads);
        states = MnistProblem.init(replicas);
        next = new double[states.length];
        losses = new double[replicas];
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
