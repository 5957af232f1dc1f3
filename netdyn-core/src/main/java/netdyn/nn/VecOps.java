package netdyn.nn;

import netdyn.linalg.DenseOps;

/**
 * The vector kernels under every layer: contiguous runs of {@code n} doubles at explicit offsets,
 * no allocation.
 *
 * <p>Two implementations give bit-identical results: plain Java loops, and SIMD loops written with
 * the JDK's incubating Vector API ({@link VectorKernels}), used when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the launcher, tests and benchmarks do this) unless the
 * system property {@code netdyn.vector=false}. They agree bit for bit because both perform the
 * same IEEE operations in the same order: element-wise kernels have no cross-lane arithmetic,
 * fused multiply-adds are correctly rounded in both ({@link Math#fma} and the FMA lanes), and every reduction accumulates into eight fixed partial sums
 * (element s into partial s mod 8) combined in a fixed order, whatever the hardware's vector width.
 */
final class VecOps {
    /** Whether the SIMD kernels are in use. */
    static final boolean VECTOR = detectVector();

    private VecOps() {
    }

    private static boolean detectVector() {
        if ("false".equals(System.getProperty("netdyn.vector"))) {
            return false;
        }
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && VectorKernels.supported();
    }

    /** y[yo..yo+n) = fma(α, x[xo..xo+n), y). Modifies y. Cost n fused multiply-adds ({@link DenseOps#axpy}). */
    static void axpy(int n, double alpha, double[] x, int xo, double[] y, int yo) {
        DenseOps.axpy(n, alpha, x, xo, y, yo);
    }

    /**
     * y[yo+s] = y[yo+s] + Σ_{k<count} w[wo + k·wStride] · x[xo + k·xStride + s] for s &lt; n, fused in
     * k order ({@link DenseOps#axpyRows}: it equals {@code count} successive axpy's bit for bit). The row
     * combination under every small layer (a_j = b_j + Σ_i W_ij h_i and its transposes). Modifies y.
     * Cost n·count FMAs.
     */
    static void axpyRows(int n, double[] w, int wo, int wStride, int count, double[] x, int xo, int xStride,
                         double[] y, int yo) {
        DenseOps.axpyRows(n, w, wo, wStride, count, x, xo, xStride, y, yo);
    }

    /** Σ_s x[xo+s] y[yo+s] in the fixed eight-partial-sum order (see class comment). */
    static double dot(int n, double[] x, int xo, double[] y, int yo) {
        return VECTOR ? VectorKernels.dot(n, x, xo, y, yo) : ScalarKernels.dot(n, x, xo, y, yo);
    }

    /** Σ_s x[xo+s] in the fixed eight-partial-sum order. */
    static double sum(int n, double[] x, int xo) {
        return VECTOR ? VectorKernels.sum(n, x, xo) : ScalarKernels.sum(n, x, xo);
    }

    /** h = σ(a) = 1/(1 + e^−a) and fp = σ'(a) = h(1 − h) over [from, to), with {@link #exp}'s exponential. */
    static void sigmoid(int from, int to, double[] a, double[] h, double[] fp) {
        if (VECTOR) {
            VectorKernels.sigmoid(from, to, a, h, fp);
        } else {
            ScalarKernels.sigmoid(from, to, a, h, fp);
        }
    }

    /** h = tanh(a) and fp = 1 − h² over [from, to), with {@link ScalarKernels#tanh}'s formula. */
    static void tanh(int from, int to, double[] a, double[] h, double[] fp) {
        if (VECTOR) {
            VectorKernels.tanh(from, to, a, h, fp);
        } else {
            ScalarKernels.tanh(from, to, a, h, fp);
        }
    }

    /** u[o..o+n) = exp(z[o..o+n) − m[0..n)): the shifted exponentials of a softmax row. */
    static void expShifted(int n, double[] z, int o, double[] m, double[] u) {
        if (VECTOR) {
            VectorKernels.expShifted(n, z, o, m, u);
        } else {
            ScalarKernels.expShifted(0, n, z, o, m, u);
        }
    }

    /** e^x to within 2 ulp for x in [−708, 709] (clamped outside), the same bits on every path. */
    static double exp(double x) {
        return ScalarKernels.exp(x);
    }
}
