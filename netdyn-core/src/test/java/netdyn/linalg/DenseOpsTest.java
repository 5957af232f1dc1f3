package netdyn.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import netdyn.rng.SplitMix64;

class DenseOpsTest {

    static double[] gaussian(SplitMix64 rng, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextGaussian();
        }
        return a;
    }

    /** The naive reference: count axpys, one after the other, each element by Math.fma. */
    static void naiveRows(int n, double[] w, int wo, int wStride, int count, double[] x, int xo, int xStride,
                          double[] y, int yo) {
        for (int r = 0; r < count; r++) {
            for (int s = 0; s < n; s++) {
                y[yo + s] = Math.fma(w[wo + r * wStride], x[xo + r * xStride + s], y[yo + s]);
            }
        }
    }

    @Test
    void axpyIsTheElementWiseFusedMultiplyAdd() {
        SplitMix64 rng = new SplitMix64(1);
        for (int n = 0; n <= 40; n++) {
            double[] x = gaussian(rng, n + 5);
            double[] y = gaussian(rng, n + 3);
            double[] expected = y.clone();
            for (int s = 0; s < n; s++) {
                expected[3 + s] = Math.fma(-0.7, x[5 + s], expected[3 + s]);
            }
            DenseOps.axpy(n, -0.7, x, 5, y, 3);
            assertThat(y).as("n = %d", n).containsExactly(expected);
        }
    }

    @Test
    void axpyRowsEqualsSuccessiveAxpysBitForBit() {
        SplitMix64 rng = new SplitMix64(2);
        for (int n : new int[] {0, 1, 3, 4, 7, 8, 9, 16, 17, 83}) {
            for (int count : new int[] {0, 1, 3, 4, 5, 8, 83}) {
                int xStride = n + 2;
                double[] x = gaussian(rng, 1 + count * xStride + n);
                double[] w = gaussian(rng, 2 + 3 * count);
                double[] y = gaussian(rng, n + 4);
                double[] expected = y.clone();
                naiveRows(n, w, 2, 3, count, x, 1, xStride, expected, 2);
                DenseOps.axpyRows(n, w, 2, 3, count, x, 1, xStride, y, 2);
                assertThat(y).as("n = %d, count = %d", n, count).containsExactly(expected);
            }
        }
    }

    /** With the Vector API present (as in the build's tests), its kernels against the scalar loops, bit for bit. */
    @Test
    void vectorKernelsGiveTheScalarBits() {
        if (!DenseOps.VECTOR) {
            return; // nothing to compare: the scalar loops are all there is
        }
        SplitMix64 rng = new SplitMix64(3);
        for (int n = 0; n <= 70; n++) {
            double[] x = gaussian(rng, 4 * n + 8);
            double[] y = gaussian(rng, n + 1);
            double[] scalar = y.clone();
            DenseOps.axpy4(0, n, 0.3, -1.1, 2.5, 1e-3, x, 1, n + 2, 2 * n + 3, 3 * n + 5, scalar, 1);
            double[] vector = y.clone();
            DenseVectorKernels.axpy4(n, 0.3, -1.1, 2.5, 1e-3, x, 1, n + 2, 2 * n + 3, 3 * n + 5, vector, 1);
            assertThat(vector).as("axpy4, n = %d", n).containsExactly(scalar);
            double[] single = y.clone();
            for (int s = 0; s < n; s++) {
                single[1 + s] = Math.fma(1.7, x[2 + s], single[1 + s]);
            }
            double[] simd = y.clone();
            DenseVectorKernels.axpy(n, 1.7, x, 2, simd, 1);
            assertThat(simd).as("axpy, n = %d", n).containsExactly(single);
        }
    }
}
