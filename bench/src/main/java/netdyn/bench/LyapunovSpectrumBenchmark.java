package netdyn.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import netdyn.data.DataSources;
import netdyn.dynamics.GradientDescentMap;
import netdyn.dynamics.OptimizerSpec;
import netdyn.lyapunov.QrSpectrumEstimator;
import netdyn.lyapunov.SpectrumObserver;
import netdyn.lyapunov.SpectrumSpec;
import netdyn.nn.Batch;
import netdyn.nn.InitSpec;
import netdyn.nn.MlpLayout;
import netdyn.nn.MlpSpec;

/**
 * One step of the full (83-exponent) Lyapunov spectrum of gradient descent on the study's Iris
 * network at η = 1: the GD step, 83 tangent vectors through I − ηH, and the QR
 * re-orthonormalisation. Without the sum rule the tangent vectors go through exact Hessian-vector
 * products; with it ({@code netdyn lyapunov --k all}'s default) H is assembled from 83 products,
 * the tangent block is one dense product and ln|det(I − ηH)| one LU. Compare with PyTorch's
 * hessian-qr form (bench/pytorch/baseline.py), which also assembles H. µs per spectrum step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class LyapunovSpectrumBenchmark {
    private static final int STEPS = 20;
    private QrSpectrumEstimator estimator;
    private SpectrumSpec spec;
    private SpectrumSpec withSumRule;
    private double[] theta;

    @Setup
    public void setUp() {
        Batch train = Batch.of(DataSources.load("iris", null, null).split(120).train());
        MlpSpec net = MlpSpec.study(4, 3);
        GradientDescentMap map = new GradientDescentMap(net, train, OptimizerSpec.gradientDescent(1));
        theta = new double[map.parameterCount()];
        InitSpec.STUDY.initialize(new MlpLayout(net), 1, 0, theta, 0);
        estimator = new QrSpectrumEstimator(map, map.parameterCount());
        spec = new SpectrumSpec(STEPS, 0, map.parameterCount(), 1, false, 0);
        withSumRule = new SpectrumSpec(STEPS, 0, map.parameterCount(), 1, true, 0);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double fullSpectrumStep() {
        return estimator.run(theta, spec, SpectrumObserver.NONE).exponents()[0];
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double fullSpectrumStepWithSumRule() {
        return estimator.run(theta, withSumRule, SpectrumObserver.NONE).meanLogDet();
    }
}
