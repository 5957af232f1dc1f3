package netdyn.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import netdyn.data.DataSources;
import netdyn.data.Dataset;
import netdyn.nn.Activation;
import netdyn.nn.Batch;
import netdyn.nn.InitSpec;
import netdyn.nn.LossKind;
import netdyn.nn.MlpLayout;
import netdyn.nn.MlpSpec;
import netdyn.nn.OutputKind;
import netdyn.nn.BatchAccess;
import netdyn.rng.SplitMix64;

/**
 * Gradient descent on a network as a {@link DiscreteMap}: the map contract (plain, with momentum, with
 * mini-batches), and what only this map promises.
 */
class GradientDescentMapTest extends GradientDescentMapContract {
    static final Batch IRIS = Batch.of(DataSources.load("iris", null, null).split(120).train());
    static final MlpSpec STUDY = MlpSpec.study(4, 3);

    static double[] init(MlpSpec spec, long seed, int replica) {
        MlpLayout layout = new MlpLayout(spec);
        double[] theta = new double[layout.parameterCount()];
        InitSpec.STUDY.initialize(layout, seed, replica, theta, 0);
        return theta;
    }

    static Stream<OptimizerSpec> optimizers() {
        return Stream.of(OptimizerSpec.gradientDescent(0.5), new OptimizerSpec(0.1, 0.9, 0, 0),
                new OptimizerSpec(0.2, 0, 16, 5));
    }

    /** Plain gradient descent, η = 0.5, on the study network and Iris: the map contract runs on this. */
    @Override
    MlpSpec network() {
        return STUDY;
    }

    @Override
    OptimizerSpec optimizer() {
        return OptimizerSpec.gradientDescent(0.5);
    }

    /** The map contract with heavy-ball momentum: the state is (θ, velocity). */
    @Nested
    class WithMomentum extends GradientDescentMapContract {
        @Override
        MlpSpec network() {
            return STUDY;
        }

        @Override
        OptimizerSpec optimizer() {
            return new OptimizerSpec(0.1, 0.9, 0, 0);
        }
    }

    /** The map contract with mini-batches of 16: step t uses the batch of step t. */
    @Nested
    class WithNesterov extends GradientDescentMapContract {
        @Override
        MlpSpec network() {
            return STUDY;
        }

        @Override
        OptimizerSpec optimizer() {
            return new OptimizerSpec(0.1, 0, 0, 0, null, false, UpdateRule.parse("nesterov:0.9"));
        }
    }

    @Nested
    class WithRmsProp extends GradientDescentMapContract {
        @Override
        MlpSpec network() {
            return STUDY;
        }

        @Override
        OptimizerSpec optimizer() {
            return new OptimizerSpec(0.01, 0, 0, 0, null, false, UpdateRule.parse("rmsprop"));
        }
    }

    @Nested
    class WithAdam extends GradientDescentMapContract {
        @Override
        MlpSpec network() {
            return STUDY;
        }

        @Override
        OptimizerSpec optimizer() {
            return new OptimizerSpec(0.01, 0, 0, 0, null, false, UpdateRule.parse("adam"));
        }
    }

    @Nested
    class WithAdamLayerRatesAndFrozenBiases extends GradientDescentMapContract {
        @Override
        MlpSpec network() {
            return STUDY;
        }

        @Override
        OptimizerSpec optimizer() {
            return new OptimizerSpec(0.02, 0, 0, 0, new double[] {0.005, 0.02}, true,
                    UpdateRule.parse("adam:beta1=0.8,beta2=0.99,eps=1e-6"));
        }
    }

    @Nested
    class WithMiniBatches extends GradientDescentMapContract {
        @Override
        MlpSpec network() {
            return STUDY;
        }

        @Override
        OptimizerSpec optimizer() {
            return new OptimizerSpec(0.2, 0, 16, 5);
        }
    }

    /** The batched tangent is the one-by-one tangent bit for bit (one fixed summation order), off the orbit too. */
    @ParameterizedTest
    @MethodSource("optimizers")
    void tangentBlockEqualsTheOneByOneTangentBitForBit(OptimizerSpec opt) {
        GradientDescentMap map = new GradientDescentMap(STUDY, IRIS, opt);
        int n = map.dimension();
        SplitMix64 rng = new SplitMix64(4);
        double[] x = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i < map.parameterCount() ? rng.nextGaussian() : 0.1 * rng.nextGaussian();
            v[i] = rng.nextGaussian();
        }
        long t = 7;
        double[] jv = new double[n];
        map.tangent(t, x, v, jv);
        double[] vs = new double[2 * n];
        System.arraycopy(v, 0, vs, 0, n);
        System.arraycopy(jv, 0, vs, n, n);
        double[] block = new double[2 * n];
        map.tangentBlock(t, x, vs, 2, block);
        double[] second = new double[n];
        map.tangent(t, x, jv, second);
        for (int i = 0; i < n; i++) {
            assertThat(block[i]).as("first vector, component %d", i).isEqualTo(jv[i]);
            assertThat(block[n + i]).as("second vector, component %d", i).isEqualTo(second[i]);
        }
    }

    @Test
    void trainingLossIsTheWholeSetLossWithFullAndMiniBatches() {
        MlpLayout layout = new MlpLayout(STUDY);
        double[] theta = new double[layout.parameterCount()];
        InitSpec.STUDY.initialize(layout, 2, 0, theta, 0);
        netdyn.nn.MlpEvaluator whole = new netdyn.nn.MlpEvaluator(STUDY, IRIS.size());
        for (OptimizerSpec o : new OptimizerSpec[] {OptimizerSpec.gradientDescent(0.5),
            new OptimizerSpec(0.5, 0, 16, 7)}) {
            GradientDescentMap map = new GradientDescentMap(STUDY, IRIS, o);
            double[] x = theta.clone();
            double[] next = new double[x.length];
            for (int t = 0; t < 20; t++) {
                map.step(t, x, next);
                double expected = whole.loss(x, 0, IRIS);
                assertThat(map.trainingLoss(x)).as("%s step %d", o, t).isEqualTo(expected);
                assertThat(map.trainingCorrect()).isEqualTo(whole.correctCount());
                if (o.fullBatch()) {
                    assertThat(map.lastLoss()).isEqualTo(expected);
                } else if (t > 0) {
                    assertThat(map.lastLoss()).as("a batch of 16 is not the whole set").isNotEqualTo(expected);
                }
                double[] swap = x;
                x = next;
                next = swap;
            }
            assertThat(map.lossOnTrainingSet(x)).isEqualTo(whole.loss(x, 0, IRIS));
        }
    }

    @Test
    void linearLeastSquaresIsALinearMapWhoseTangentIsTheStepDifference() {
        MlpSpec ls = new MlpSpec(4, new int[0], 3, Activation.SIGMOID, OutputKind.LINEAR, LossKind.MSE, 0);
        GradientDescentMap map = new GradientDescentMap(ls, IRIS, OptimizerSpec.gradientDescent(0.01));
        int n = map.dimension();
        SplitMix64 rng = new SplitMix64(8);
        double[] x = new double[n];
        double[] v = new double[n];
        double[] xv = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextGaussian();
            v[i] = rng.nextGaussian();
            xv[i] = x[i] + v[i];
        }
        double[] fx = new double[n];
        double[] fxv = new double[n];
        double[] jv = new double[n];
        map.step(0, x, fx);
        map.step(0, xv, fxv);
        map.tangent(0, x, v, jv);
        for (int i = 0; i < n; i++) {
            assertThat(Math.abs(fxv[i] - fx[i] - jv[i])).isLessThan(1e-12);
        }
    }

    @Test
    void ensembleEqualsIndependentRunsBitForBitOnAnyThreadCount() {
        int replicas = 7;
        int steps = 40;
        OptimizerSpec opt = OptimizerSpec.gradientDescent(1.0);
        double[][] expected = new double[replicas][];
        double[][] expectedLoss = new double[replicas][steps];
        for (int r = 0; r < replicas; r++) {
            GradientDescentMap map = new GradientDescentMap(STUDY, IRIS, opt);
            double[] x = init(STUDY, 3, r);
            double[] next = new double[x.length];
            for (int t = 0; t < steps; t++) {
                map.step(t, x, next);
                expectedLoss[r][t] = map.lastLoss();
                double[] s = x;
                x = next;
                next = s;
            }
            expected[r] = x;
        }
        for (int threads : new int[] {1, 2, 3}) {
            try (Ensemble e = new Ensemble(() -> new GradientDescentMap(STUDY, IRIS, opt), threads)) {
                int p = e.dimension();
                double[] states = new double[replicas * p];
                double[] next = new double[replicas * p];
                double[] losses = new double[replicas];
                for (int r = 0; r < replicas; r++) {
                    System.arraycopy(init(STUDY, 3, r), 0, states, r * p, p);
                }
                for (int t = 0; t < steps; t++) {
                    e.step(t, states, next, replicas, losses, null);
                    for (int r = 0; r < replicas; r++) {
                        assertThat(losses[r]).isEqualTo(expectedLoss[r][t]);
                    }
                    double[] s = states;
                    states = next;
                    next = s;
                }
                for (int r = 0; r < replicas; r++) {
                    for (int i = 0; i < p; i++) {
                        assertThat(states[r * p + i]).as("threads %d replica %d θ_%d", threads, r, i)
                                .isEqualTo(expected[r][i]);
                    }
                }
            }
        }
    }

    @Test
    void miniBatchesCoverEachEpochOnceAndFollowTheSeed() {
        Dataset d = DataSources.load("iris", null, null).split(120).train();
        Batch full = Batch.of(d);
        GradientDescentMap a = new GradientDescentMap(STUDY, full, new OptimizerSpec(0.1, 0, 50, 11));
        GradientDescentMap b = new GradientDescentMap(STUDY, full, new OptimizerSpec(0.1, 0, 50, 12));
        int[] seen = new int[3];
        int samples = 0;
        for (long t = 0; t < 3; t++) { // 120 samples in batches of 50, 50, 20
            Batch batch = a.batchAt(t);
            samples += batch.size();
            for (int s = 0; s < batch.size(); s++) {
                seen[labelOf(batch, s)]++;
            }
        }
        assertThat(samples).isEqualTo(120);
        assertThat(seen).containsExactly(d.classCounts()[0], d.classCounts()[1], d.classCounts()[2]);
        double[] theta = init(STUDY, 1, 0);
        double[] outA = new double[theta.length];
        double[] outA2 = new double[theta.length];
        double[] outB = new double[theta.length];
        a.step(4, theta, outA);
        new GradientDescentMap(STUDY, full, new OptimizerSpec(0.1, 0, 50, 11)).step(4, theta, outA2);
        b.step(4, theta, outB);
        assertThat(outA).isEqualTo(outA2);
        assertThat(outA).isNotEqualTo(outB);
    }

    private static int labelOf(Batch b, int s) {
        return BatchAccess.label(b, s);
    }
}
