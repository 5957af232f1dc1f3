package netdyn.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import netdyn.data.DataSources;
import netdyn.data.Dataset;
import netdyn.dynamics.GradientDescentMap;
import netdyn.dynamics.OptimizerSpec;
import netdyn.rng.SplitMix64;

/**
 * The workspace rule of {@link MlpEvaluator}: a Hessian-vector product uses the forward and backward
 * state of a gradient pass, and throws unless the workspace holds one at the same θ values and batch.
 */
class MlpEvaluatorStateTest {
    static final Dataset.Split IRIS_SPLIT = DataSources.load("iris", null, null).split(120);
    static final Batch TRAIN = Batch.of(IRIS_SPLIT.train());
    static final Batch TEST = Batch.of(IRIS_SPLIT.test());
    static final MlpSpec STUDY = MlpSpec.study(4, 3);
    static final int P = new MlpLayout(STUDY).parameterCount();

    static double[] theta(long seed) {
        double[] t = new double[P];
        InitSpec.STUDY.initialize(new MlpLayout(STUDY), seed, 0, t, 0);
        return t;
    }

    static double[] vector(long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[] v = new double[P];
        for (int i = 0; i < P; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }

    static MlpEvaluator evaluator() {
        return new MlpEvaluator(STUDY, TRAIN.size());
    }

    static double[] freshProduct(double[] theta, Batch b, double[] v) {
        MlpEvaluator ev = new MlpEvaluator(STUDY, b.size());
        double[] hv = new double[P];
        ev.lossAndGradient(theta, 0, b, new double[P], 0);
        ev.hessianVectorProduct(theta, 0, b, v, 0, hv, 0);
        return hv;
    }

    @Test
    void productAfterAGradientAtThetaEqualsTheProductOfAFreshEvaluator() {
        MlpEvaluator ev = evaluator();
        double[] theta = theta(1);
        double[] v = vector(2);
        // leave other state behind first: another θ, another batch, a forward pass
        ev.lossAndGradient(theta(9), 0, TEST, new double[P], 0);
        ev.loss(theta, 0, TRAIN);
        ev.lossAndGradient(theta, 0, TRAIN, new double[P], 0);
        double[] hv = new double[P];
        ev.hessianVectorProduct(theta, 0, TRAIN, v, 0, hv, 0);
        assertThat(hv).isEqualTo(freshProduct(theta, TRAIN, v));
        // the product leaves the gradient state: more products at the same θ, by either form, agree
        double[] again = new double[P];
        ev.hessianVectorProduct(theta, 0, v, 0, again, 0);
        assertThat(again).isEqualTo(hv);
        // θ is compared by value: an equal copy, or the same values at an offset, is the same point
        double[] padded = new double[P + 5];
        System.arraycopy(theta, 0, padded, 5, P);
        ev.hessianVectorProduct(theta.clone(), 0, TRAIN, v, 0, again, 0);
        assertThat(again).isEqualTo(hv);
        ev.hessianVectorProduct(padded, 5, TRAIN, v, 0, again, 0);
        assertThat(again).isEqualTo(hv);
        assertThat(ev.holdsGradientPass(theta, 0, TRAIN)).isTrue();
    }

    @Test
    void productBeforeAnyPassThrows() {
        MlpEvaluator ev = evaluator();
        double[] theta = theta(1);
        assertThatThrownBy(() -> ev.hessianVectorProduct(theta, 0, vector(2), 0, new double[P], 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a gradient pass").hasMessageContaining("holds no pass");
        assertThatThrownBy(ev::correctCount).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void productAfterAGradientAtAnotherThetaThrows() {
        MlpEvaluator ev = evaluator();
        double[] theta = theta(1);
        ev.lossAndGradient(theta(3), 0, TRAIN, new double[P], 0);
        assertThat(ev.holdsGradientPass(theta, 0, TRAIN)).isFalse();
        assertThatThrownBy(() -> ev.hessianVectorProduct(theta, 0, vector(2), 0, new double[P], 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a gradient pass (lossAndGradient) at this θ and batch")
                .hasMessageContaining("holds a gradient pass at another θ").hasMessageContaining("on this batch");
    }

    @Test
    void productAfterAForwardOnlyPassThrows() {
        double[] theta = theta(1);
        double[] v = vector(2);
        MlpEvaluator ev = evaluator();
        ev.loss(theta, 0, TRAIN);
        assertThatThrownBy(() -> ev.hessianVectorProduct(theta, 0, v, 0, new double[P], 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds a forward pass (loss, no gradient) at this θ on this batch");
        // a forward pass replaces an earlier gradient pass, at another θ as well
        MlpEvaluator other = evaluator();
        other.lossAndGradient(theta, 0, TRAIN, new double[P], 0);
        other.loss(theta(4), 0, TRAIN);
        assertThatThrownBy(() -> other.hessianVectorProduct(theta, 0, v, 0, new double[P], 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds a forward pass (loss, no gradient) at another θ");
    }

    @Test
    void productAfterAPassOnAnotherBatchThrows() {
        MlpEvaluator ev = evaluator();
        double[] theta = theta(1);
        double[] v = vector(2);
        ev.lossAndGradient(theta, 0, TEST, new double[P], 0);
        assertThat(ev.holdsGradientPass(theta, 0, TRAIN)).isFalse();
        assertThatThrownBy(() -> ev.hessianVectorProduct(theta, 0, TRAIN, v, 0, new double[P], 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds a gradient pass at this θ on another batch");
    }

    @Test
    void productAfterTheBatchBufferWasRefilledThrows() {
        Batch buffer = Batch.withCapacity(TRAIN.features(), TRAIN.classes(), 16);
        int[] rows = new int[TRAIN.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        MlpEvaluator ev = new MlpEvaluator(STUDY, 16);
        double[] theta = theta(1);
        buffer.gather(TRAIN, rows, 0, 16);
        ev.lossAndGradient(theta, 0, buffer, new double[P], 0);
        MlpEvaluator first16 = new MlpEvaluator(STUDY, 16);
        first16.loss(theta, 0, Batch.of(IRIS_SPLIT.train().split(16).train()));
        assertThat(ev.correctCount()).as("rows 0–15, as gathered").isEqualTo(first16.correctCount());
        buffer.gather(TRAIN, rows, 16, 16);
        assertThat(ev.holdsGradientPass(theta, 0, buffer)).isFalse();
        assertThatThrownBy(() -> ev.hessianVectorProduct(theta, 0, vector(2), 0, new double[P], 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("on this batch buffer before it was refilled (Batch.gather)");
        assertThatThrownBy(ev::correctCount).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refilled");
    }

    @Test
    void productAfterThetaWasModifiedInPlaceThrows() {
        MlpEvaluator ev = evaluator();
        double[] theta = theta(1);
        ev.lossAndGradient(theta, 0, TRAIN, new double[P], 0);
        theta[17] += 1e-12;
        assertThatThrownBy(() -> ev.hessianVectorProduct(theta, 0, vector(2), 0, new double[P], 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at this θ array before it was modified in place (first change at index 17)");
    }

    @Test
    void productAfterAFailedPassThrows() {
        MlpEvaluator ev = new MlpEvaluator(STUDY, TEST.size());
        double[] theta = theta(1);
        ev.lossAndGradient(theta, 0, TEST, new double[P], 0);
        double[] tooShort = new double[P - 1];
        assertThatThrownBy(() -> ev.lossAndGradient(tooShort, 0, TEST, new double[P], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ev.hessianVectorProduct(theta, 0, TEST, vector(2), 0, new double[P], 0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("holds no pass");
    }

    @Test
    void miniBatchTangentAfterTheBufferWasRefilledEvaluatesAgain() {
        OptimizerSpec sgd = new OptimizerSpec(0.3, 0, 16, 5);
        double[] theta = theta(1);
        double[] v = vector(2);
        GradientDescentMap map = new GradientDescentMap(STUDY, TRAIN, sgd);
        map.step(3, theta, new double[P]);
        map.batchAt(4); // refills the map's buffer behind the state of step 3
        double[] jv = new double[P];
        map.tangent(3, theta, v, jv);
        double[] expected = new double[P];
        new GradientDescentMap(STUDY, TRAIN, sgd).tangent(3, theta, v, expected);
        assertThat(jv).isEqualTo(expected);
    }

    @Test
    void fullBatchTangentAfterALossOnTheTrainingSetEvaluatesAgain() {
        OptimizerSpec gd = OptimizerSpec.gradientDescent(0.5);
        double[] theta = theta(1);
        double[] v = vector(2);
        GradientDescentMap map = new GradientDescentMap(STUDY, TRAIN, gd);
        map.step(0, theta, new double[P]);
        map.lossOnTrainingSet(theta(6)); // a forward pass elsewhere, in the map's own evaluator
        double[] jv = new double[P];
        map.tangent(0, theta, v, jv);
        double[] expected = new double[P];
        new GradientDescentMap(STUDY, TRAIN, gd).tangent(0, theta, v, expected);
        assertThat(jv).isEqualTo(expected);
    }
}
