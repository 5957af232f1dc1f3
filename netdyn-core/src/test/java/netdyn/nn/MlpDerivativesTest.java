package netdyn.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import netdyn.data.Dataset;
import netdyn.rng.SplitMix64;

/**
 * Gradients and Hessian-vector products of every architecture option against central finite
 * differences, and the symmetry u·Hv = v·Hu, on seeded random networks and data.
 */
class MlpDerivativesTest {

    record Case(MlpSpec spec, long seed) {
        @Override
        public String toString() {
            return spec + " seed " + seed;
        }
    }

    static Stream<Case> architectures() {
        List<Case> cases = new ArrayList<>();
        int[][] depths = {{}, {5}, {4, 3}};
        long seed = 1;
        for (Activation act : Activation.values()) {
            for (OutputKind out : OutputKind.values()) {
                for (LossKind loss : LossKind.values()) {
                    if (out == OutputKind.LINEAR && loss == LossKind.CE) {
                        continue;
                    }
                    for (int[] hidden : depths) {
                        double wd = seed % 3 == 0 ? 0.01 : 0;
                        cases.add(new Case(new MlpSpec(3, hidden, 4, act, out, loss, wd), seed++));
                    }
                }
            }
        }
        return cases.stream();
    }

    static Batch randomBatch(int n, int features, int classes, SplitMix64 rng) {
        double[][] x = new double[n][features];
        int[] labels = new int[n];
        List<String> names = new ArrayList<>();
        List<String> classNames = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            names.add("x" + j);
        }
        for (int c = 0; c < classes; c++) {
            classNames.add("c" + c);
        }
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < features; j++) {
                x[s][j] = rng.nextGaussian();
            }
            labels[s] = rng.nextInt(classes);
        }
        return Batch.of(new Dataset("random", x, labels, classNames, names));
    }

    static double[] randomVector(int p, double scale, SplitMix64 rng) {
        double[] v = new double[p];
        for (int i = 0; i < p; i++) {
            v[i] = scale * rng.nextGaussian();
        }
        return v;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectures")
    void gradientMatchesCentralDifferences(Case c) {
        SplitMix64 rng = new SplitMix64(c.seed());
        Batch batch = randomBatch(9, 3, 4, rng);
        MlpEvaluator ev = new MlpEvaluator(c.spec(), batch.size());
        int p = ev.layout().parameterCount();
        double[] theta = randomVector(p, 0.7, rng);
        double[] grad = new double[p];
        ev.lossAndGradient(theta, 0, batch, grad, 0);
        double h = 1e-6;
        double scale = 0;
        double maxErr = 0;
        for (int i = 0; i < p; i++) {
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[i] += h;
            tm[i] -= h;
            double fd = (ev.loss(tp, 0, batch) - ev.loss(tm, 0, batch)) / (2 * h);
            maxErr = Math.max(maxErr, Math.abs(fd - grad[i]));
            scale = Math.max(scale, Math.abs(grad[i]));
        }
        assertThat(maxErr).as("max |FD − backprop|, gradient scale %s", scale).isLessThan(1e-7 * Math.max(1, scale));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectures")
    void hessianVectorProductMatchesCentralDifferencesOfTheGradient(Case c) {
        SplitMix64 rng = new SplitMix64(1000 + c.seed());
        Batch batch = randomBatch(9, 3, 4, rng);
        MlpEvaluator ev = new MlpEvaluator(c.spec(), batch.size());
        int p = ev.layout().parameterCount();
        double[] theta = randomVector(p, 0.7, rng);
        double[] v = randomVector(p, 1, rng);
        double[] grad = new double[p];
        double[] hv = new double[p];
        ev.lossAndGradient(theta, 0, batch, grad, 0);
        ev.hessianVectorProduct(theta, 0, v, 0, hv, 0);

        double h = 1e-5;
        double[] tp = theta.clone();
        double[] tm = theta.clone();
        for (int i = 0; i < p; i++) {
            tp[i] += h * v[i];
            tm[i] -= h * v[i];
        }
        double[] gp = new double[p];
        double[] gm = new double[p];
        ev.lossAndGradient(tp, 0, batch, gp, 0);
        ev.lossAndGradient(tm, 0, batch, gm, 0);
        double maxErr = 0;
        double scale = 0;
        for (int i = 0; i < p; i++) {
            double fd = (gp[i] - gm[i]) / (2 * h);
            maxErr = Math.max(maxErr, Math.abs(fd - hv[i]));
            scale = Math.max(scale, Math.abs(hv[i]));
        }
        assertThat(maxErr).as("max |FD − R-op|, Hv scale %s", scale).isLessThan(1e-6 * Math.max(1, scale));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectures")
    void hessianIsSymmetric(Case c) {
        SplitMix64 rng = new SplitMix64(2000 + c.seed());
        Batch batch = randomBatch(11, 3, 4, rng);
        MlpEvaluator ev = new MlpEvaluator(c.spec(), batch.size());
        int p = ev.layout().parameterCount();
        double[] theta = randomVector(p, 0.7, rng);
        double[] u = randomVector(p, 1, rng);
        double[] v = randomVector(p, 1, rng);
        double[] hu = new double[p];
        double[] hv = new double[p];
        ev.lossAndGradient(theta, 0, batch, new double[p], 0);
        ev.hessianVectorProduct(theta, 0, u, 0, hu, 0);
        ev.hessianVectorProduct(theta, 0, v, 0, hv, 0);
        double uHv = 0;
        double vHu = 0;
        double scale = 0;
        for (int i = 0; i < p; i++) {
            uHv += u[i] * hv[i];
            vHu += v[i] * hu[i];
            scale += Math.abs(u[i] * hv[i]) + Math.abs(v[i] * hu[i]);
        }
        assertThat(Math.abs(uHv - vHu)).isLessThan(1e-13 * Math.max(scale, 1e-300) + 1e-300);
    }
}
