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
import netdyn.lyapunov.QrSpectrumEstimator;
import netdyn.lyapunov.SpectrumObserver;
import netdyn.lyapunov.SpectrumSpec;

/**
 * One step of the top-k Lyapunov exponents at the follow-up study's size: the GD step of the
 * 784–64–10 tanh network on N = 10 000 MNIST-shaped samples, k tangent vectors through I − ηH by
 * exact Hessian-vector products, and the QR re-orthonormalisation of the k × 50 890 frame. Score: ms
 * per spectrum step of a long run, the frame set up once (drawing it and its QR are not a step's work).
 * PyTorch's form: bench/pytorch, {@code mnist-lyap10}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// about 12 s of warm-up: in bench/runs of 2026-12-01 the first iterations after a shorter warm-up ran up to 1.7×
// slower than the rest (the step at 120 ms for 8 s, then 69 ms) — compilation (a step settles by its third, in one
// process) and the VM's drift; steady state is what a run of thousands of steps sees
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx6g"})
public class MnistLyapunovBenchmark {
    @Param({"1", "2"})
    public int threads;

    @Param({"10"})
    public int k;

    @Param({"10000"})
    public int samples;

    private GradientDescentMap map;
    private QrSpectrumEstimator.Along along;
    private double[] x;
    private double[] next;
    private long t;

    /** The frame is drawn and orthonormalised here, once, as PyTorch's form does outside its timing. */
    @Setup(Level.Trial)
    public void setUp() {
        map = new GradientDescentMap(MnistProblem.SPEC, MnistProblem.batch(samples),
                OptimizerSpec.gradientDescent(0.01), threads);
        x = MnistProblem.init(1);
        next = new double[x.length];
        along = new QrSpectrumEstimator(map, k).along(new SpectrumSpec(Long.MAX_VALUE / 2, 0, k, 1, false, 0),
                SpectrumObserver.NONE);
        t = 0;
    }

    /** One step of a long run: the GD step from x_t, the frame through I − ηH(x_t), its QR. */
    @Benchmark
    public double spectrumStep() {
        map.step(t, x, next);
        along.advance(t, x);
        double[] swap = x;
        x = next;
        next = swap;
        t++;
        return x[0];
    }
}
