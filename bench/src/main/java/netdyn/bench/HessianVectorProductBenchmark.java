package netdyn.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import netdyn.data.DataSources;
import netdyn.nn.Batch;
import netdyn.nn.InitSpec;
import netdyn.nn.MlpEvaluator;
import netdyn.nn.MlpSpec;

/**
 * Loss + gradient, and one exact Hessian-vector product at a fixed θ, for the study's Iris network
 * (4–10–3, 120 samples, float64). µs per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class HessianVectorProductBenchmark {
    private MlpEvaluator evaluator;
    private Batch train;
    private double[] theta;
    private double[] grad;
    private double[] v;
    private double[] hv;

    @Setup
    public void setUp() {
        train = Batch.of(DataSources.load("iris", null, null).split(120).train());
        MlpSpec spec = MlpSpec.study(4, 3);
        evaluator = new MlpEvaluator(spec, train.size());
        int p = evaluator.layout().parameterCount();
        theta = new double[p];
        grad = new double[p];
        v = new double[p];
        hv = new double[p];
        InitSpec.STUDY.initialize(evaluator.layout(), 1, 0, theta, 0);
        for (int i = 0; i < p; i++) {
            v[i] = Math.sin(i + 1);
        }
        evaluator.lossAndGradient(theta, 0, train, grad, 0);
    }

    @Benchmark
    public double lossAndGradient() {
        return evaluator.lossAndGradient(theta, 0, train, grad, 0);
    }

    @Benchmark
    public double hessianVectorProduct() {
        evaluator.hessianVectorProduct(theta, 0, v, 0, hv, 0);
        return hv[0];
    }
}
