package netdyn.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import netdyn.data.Dataset;
import netdyn.nn.Activation;
import netdyn.nn.Batch;
import netdyn.nn.InitSpec;
import netdyn.nn.LossKind;
import netdyn.nn.MlpLayout;
import netdyn.nn.MlpSpec;
import netdyn.nn.OutputKind;
import netdyn.rng.SplitMix64;

/**
 * The follow-up study's 784–64–10 tanh network, on a small batch of MNIST-shaped samples: orbits,
 * tangent vectors and ensembles give the same bits on one and on two threads (the layer products are
 * split over threads there), and the tangent block equals the tangent vector by vector.
 */
class WideNetworkThreadsTest {
    private static final MlpSpec SPEC = new MlpSpec(784, new int[] {64}, 10, Activation.TANH, OutputKind.SOFTMAX,
            LossKind.CE, 0);

    static Batch digits(int n, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[][] x = new double[n][784];
        int[] labels = new int[n];
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < 784; i++) {
                // like pixels: most exactly 0, the rest k/255
                x[s][i] = rng.nextDouble() < 0.8 ? 0 : rng.nextInt(256) / 255.0;
            }
            labels[s] = rng.nextInt(10);
        }
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            classes.add("d" + c);
        }
        List<String> features = new ArrayList<>();
        for (int i = 0; i < 784; i++) {
            features.add("px" + i);
        }
        return Batch.of(new Dataset("digits-shaped", x, labels, classes, features));
    }

    @ParameterizedTest
    @ValueSource(ints = {101, 250, 1000}) // 1000: one thread's backward layer steps in chunks of 480 samples
    void orbitAndTangentsAreTheSameBitsOnOneAndTwoThreads(int n) {
        Batch batch = digits(n, n);
        MlpLayout layout = new MlpLayout(SPEC);
        int p = layout.parameterCount();
        double[] theta0 = new double[p];
        InitSpec.STUDY.initialize(layout, 7, 0, theta0, 0);
        SplitMix64 rng = new SplitMix64(3);
        int k = 10; // two stacks of 5 directions (each split over workers by column strips)
        double[] vs = new double[k * p];
        for (int i = 0; i < vs.length; i++) {
            vs[i] = rng.nextGaussian();
        }
        double[][] orbit = new double[2][];
        double[][] tangents = new double[2][];
        double[][] losses = new double[2][6];
        for (int threads = 1; threads <= 2; threads++) {
            GradientDescentMap map = new GradientDescentMap(SPEC, batch, OptimizerSpec.gradientDescent(5), threads);
            double[] x = theta0.clone();
            double[] next = new double[p];
            for (int t = 0; t < 6; t++) {
                map.step(t, x, next);
                losses[threads - 1][t] = map.lastLoss();
                double[] swap = x;
                x = next;
                next = swap;
            }
            double[] out = new double[k * p];
            map.tangentBlock(6, x, vs, k, out);
            orbit[threads - 1] = x;
            tangents[threads - 1] = out;
            // the block equals the tangent one vector at a time, in either stack
            for (int d : new int[] {1, 9}) {
                double[] one = new double[p];
                double[] v = java.util.Arrays.copyOfRange(vs, d * p, (d + 1) * p);
                map.tangent(6, x, v, one);
                assertThat(java.util.Arrays.copyOfRange(out, d * p, (d + 1) * p)).as("direction %d", d).isEqualTo(one);
            }
        }
        assertThat(losses[0][5]).isLessThan(losses[0][0]).isFinite();
        assertThat(losses[1]).isEqualTo(losses[0]);
        assertThat(orbit[1]).isEqualTo(orbit[0]);
        assertThat(tangents[1]).isEqualTo(tangents[0]);
    }

    /** Every output head (the normalised ones read the forward pass's per-sample sums) on 1–3 threads. */
    static Stream<Arguments> headsAndThreads() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (OutputKind head : OutputKind.values()) {
            for (LossKind loss : LossKind.values()) {
                if (head == OutputKind.LINEAR && loss == LossKind.CE) {
                    continue; // not a network (MlpSpec refuses it)
                }
                for (int threads = 1; threads <= 3; threads++) {
                    cases.add(Arguments.of(head, loss, threads));
                }
            }
        }
        return cases.build();
    }

    @ParameterizedTest
    @MethodSource("headsAndThreads")
    void aTangentBlockSplitOverThreadsEqualsItsVectorsOneByOne(OutputKind head, LossKind loss, int threads) {
        MlpSpec spec = new MlpSpec(784, new int[] {64}, 10, Activation.TANH, head, loss, 0.001);
        Batch batch = digits(90, 5);
        MlpLayout layout = new MlpLayout(spec);
        int p = layout.parameterCount();
        double[] x = new double[p];
        InitSpec.STUDY.initialize(layout, 3, 0, x, 0);
        int k = 7; // parts of 2, 2, 3 directions on 3 threads; 3 and 4 on 2; one stack of 7 on 1
        SplitMix64 rng = new SplitMix64(head.ordinal() * 10L + loss.ordinal());
        double[] vs = new double[k * p];
        for (int i = 0; i < vs.length; i++) {
            vs[i] = rng.nextGaussian();
        }
        GradientDescentMap map = new GradientDescentMap(spec, batch, OptimizerSpec.gradientDescent(0.5), threads);
        double[] next = new double[p];
        map.step(0, x, next);
        double[] block = new double[k * p];
        map.tangentBlock(0, x, vs, k, block);
        GradientDescentMap single = new GradientDescentMap(spec, batch, OptimizerSpec.gradientDescent(0.5));
        single.step(0, x, next);
        for (int d = 0; d < k; d++) {
            double[] one = new double[p];
            single.tangent(0, x, Arrays.copyOfRange(vs, d * p, (d + 1) * p), one);
            assertThat(Arrays.copyOfRange(block, d * p, (d + 1) * p)).as("direction %d", d).isEqualTo(one);
        }
        assertThat(block).doesNotContain(Double.NaN);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void anEnsembleOfThreeGivesEachOrbitsBitsOnAnyThreadCount(int threads) {
        Batch batch = digits(96, 11);
        MlpLayout layout = new MlpLayout(SPEC);
        int p = layout.parameterCount();
        double[] states = new double[3 * p];
        for (int r = 0; r < 3; r++) {
            InitSpec.STUDY.initialize(layout, 5, r, states, r * p);
        }
        double[] expected = new double[3 * p];
        GradientDescentMap alone = new GradientDescentMap(SPEC, batch, OptimizerSpec.gradientDescent(1));
        for (int r = 0; r < 3; r++) {
            alone.step(0, states, r * p, expected, r * p);
        }
        double[] next = new double[3 * p];
        double[] losses = new double[3];
        try (Ensemble ensemble = new Ensemble(
                () -> new GradientDescentMap(SPEC, batch, OptimizerSpec.gradientDescent(1)), threads)) {
            ensemble.step(0, states, next, 3, losses, null);
        }
        assertThat(next).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void stackedMiniBatchStepsGiveEachOrbitsLossCountAndStep() {
        Batch batch = digits(120, 12);
        MlpLayout layout = new MlpLayout(SPEC);
        int p = layout.parameterCount();
        OptimizerSpec sgd = new OptimizerSpec(0.5, 0.3, 48, 9); // momentum 0.3, batches of 48
        int dim = 2 * p; // (θ, velocity)
        double[] states = new double[4 * dim];
        for (int r = 0; r < 4; r++) {
            InitSpec.STUDY.initialize(layout, 2, r, states, r * dim);
        }
        GradientDescentMap alone = new GradientDescentMap(SPEC, batch, sgd);
        GradientDescentMap stacked = new GradientDescentMap(SPEC, batch, sgd);
        for (long t = 0; t < 4; t++) { // crosses an epoch: batches of 48, 48, 24
            double[] expected = new double[4 * dim];
            double[] expectedLoss = new double[4];
            int[] expectedCorrect = new int[4];
            for (int r = 0; r < 4; r++) {
                alone.step(t, states, r * dim, expected, r * dim);
                expectedLoss[r] = alone.lastLoss();
                expectedCorrect[r] = alone.lastCorrect();
            }
            double[] next = new double[4 * dim];
            double[] losses = new double[4];
            int[] correct = new int[4];
            stacked.stepRows(t, states, 0, 4, next, losses, correct);
            assertThat(next).isEqualTo(expected);
            assertThat(losses).isEqualTo(expectedLoss);
            assertThat(correct).isEqualTo(expectedCorrect);
            states = next;
        }
    }
}
