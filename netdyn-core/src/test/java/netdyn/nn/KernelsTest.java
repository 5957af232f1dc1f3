package netdyn.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import netdyn.rng.SplitMix64;

/**
 * The SIMD kernels reproduce their scalar twins bit for bit (so results do not depend on whether the
 * Vector API is present), the fixed-order reductions equal a naive loop to rounding, and the
 * exponential is accurate to 2 ulp.
 */
class KernelsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4, 7, 8, 9, 15, 16, 17, 120, 121, 1000})
    void simdKernelsEqualScalarKernelsBitForBit(int n) {
        assertThat(VecOps.VECTOR).as("tests run with --add-modules jdk.incubator.vector").isTrue();
        SplitMix64 rng = new SplitMix64(n);
        double[] x = new double[n + 3];
        double[] y = new double[n + 5];
        double[] m = new double[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = 40 * rng.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = rng.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            m[i] = 10 * rng.nextGaussian();
        }
        x[0] = 800; // beyond the clamp of exp
        assertThat(VectorKernels.dot(n, x, 3, y, 5)).isEqualTo(ScalarKernels.dot(n, x, 3, y, 5));
        assertThat(VectorKernels.sum(n, x, 2)).isEqualTo(ScalarKernels.sum(n, x, 2));

        double[] h1 = new double[n];
        double[] f1 = new double[n];
        double[] h2 = new double[n];
        double[] f2 = new double[n];
        VectorKernels.sigmoid(0, n, x, h1, f1);
        ScalarKernels.sigmoid(0, n, x, h2, f2);
        assertThat(h1).isEqualTo(h2);
        assertThat(f1).isEqualTo(f2);
        double[] small = new double[n];
        for (int i = 0; i < n; i++) {
            small[i] = x[i] / (1 << (i % 40)); // every branch of tanh: saturated, |x| ≥ 1, |x| < 1, tiny
        }
        VectorKernels.tanh(0, n, small, h1, f1);
        ScalarKernels.tanh(0, n, small, h2, f2);
        assertThat(h1).isEqualTo(h2);
        assertThat(f1).isEqualTo(f2);

        double[] u1 = new double[n + 3];
        double[] u2 = new double[n + 3];
        VectorKernels.expShifted(n, x, 3, m, u1);
        ScalarKernels.expShifted(0, n, x, 3, m, u2);
        assertThat(u1).isEqualTo(u2);

        // axpy and axpyRows are netdyn.linalg.DenseOps' (DenseOpsTest checks their SIMD and scalar bits)
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 9, 120})
    void reductionsEqualANaiveLoopToRounding(int n) {
        SplitMix64 rng = new SplitMix64(77 + n);
        double[] x = new double[n];
        double[] y = new double[n];
        double naive = 0;
        double naiveSum = 0;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextGaussian();
            y[i] = rng.nextGaussian();
            naive += x[i] * y[i];
            naiveSum += x[i];
            scale += Math.abs(x[i] * y[i]) + Math.abs(x[i]);
        }
        assertThat(Math.abs(VecOps.dot(n, x, 0, y, 0) - naive)).isLessThanOrEqualTo(1e-15 * scale);
        assertThat(Math.abs(VecOps.sum(n, x, 0) - naiveSum)).isLessThanOrEqualTo(1e-15 * scale);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void expIsWithinTwoUlpOfTheCorrectlyRoundedValue(long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        for (int i = 0; i < 100_000; i++) {
            double x = rng.nextUniform(-700, 700);
            double exact = StrictMath.exp(x); // fdlibm, < 1 ulp
            assertThat(Math.abs(VecOps.exp(x) - exact)).as("exp(%s)", x).isLessThanOrEqualTo(2 * Math.ulp(exact));
        }
        assertThat(VecOps.exp(0)).isEqualTo(1.0);
        assertThat(VecOps.exp(1000)).isEqualTo(VecOps.exp(709)).isFinite();
        assertThat(VecOps.exp(-1000)).isEqualTo(VecOps.exp(-708)).isGreaterThan(0);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void tanhIsWithinOneUlpOfTheExactValue(long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        for (int i = 0; i < 3_000; i++) {
            // log-uniform magnitudes from 1e-12 to 30, both signs: every branch and the joins at 1 and 22
            double x = Math.copySign(Math.pow(10, rng.nextUniform(-12, 1.5)), rng.nextDouble() - 0.5);
            double exact = exactTanh(x);
            assertThat(Math.abs(ScalarKernels.tanh(x) - exact)).as("tanh(%s)", x).isLessThanOrEqualTo(Math.ulp(exact));
        }
        for (double x : new double[] {1, -1, Math.nextDown(1.0), 22, Math.nextUp(22.0), 0.5, 1e-300, Double.MIN_VALUE}) {
            double exact = exactTanh(x);
            assertThat(Math.abs(ScalarKernels.tanh(x) - exact)).as("tanh(%s)", x).isLessThanOrEqualTo(Math.ulp(exact));
        }
        assertThat(ScalarKernels.tanh(800)).isEqualTo(1.0);
        assertThat(ScalarKernels.tanh(-800)).isEqualTo(-1.0);
        assertThat(Double.doubleToRawLongBits(ScalarKernels.tanh(-0.0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(ScalarKernels.tanh(Double.NaN)).isNaN();
    }

    /** tanh(x) = t/(t + 2), t = e^{2|x|} − 1 summed as its series, in 60-digit arithmetic, rounded once. */
    private static double exactTanh(double x) {
        java.math.MathContext mc = new java.math.MathContext(60);
        java.math.BigDecimal y = new java.math.BigDecimal(2 * Math.abs(x)); // exact
        java.math.BigDecimal t = java.math.BigDecimal.ZERO;
        java.math.BigDecimal term = java.math.BigDecimal.ONE;
        for (int k = 1; k < 400; k++) {
            term = term.multiply(y, mc).divide(java.math.BigDecimal.valueOf(k), mc);
            t = t.add(term, mc);
            if (term.compareTo(t.ulp()) < 0) {
                break;
            }
        }
        double tanh = t.divide(t.add(java.math.BigDecimal.valueOf(2), mc), mc).doubleValue();
        return Math.copySign(tanh, x);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 15, 16, 17, 120, 5000})
    void sumOfLogsEqualsTheSumOfLogarithms(int n) {
        SplitMix64 rng = new SplitMix64(n);
        double[] x = new double[n];
        double naive = 0;
        for (int i = 0; i < n; i++) {
            x[i] = 1 + 9 * rng.nextDouble();
            naive += Math.log(x[i]);
        }
        assertThat(MlpEvaluator.sumOfLogs(n, x)).isCloseTo(naive, org.assertj.core.data.Offset.offset(1e-14 * n));
    }
}
