package netdyn.nn;

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

    /** Which kernels run: "vector (N-bit)" or "scalar". */
    static String describe() {
        return VECTOR ? VectorKernels.describe() : "scalar";
    }

    /** y[yo..yo+n) = fma(α, x[xo..xo+n), y). Modifies y. Cost n fused multiply-adds. */
    static void axpy(int n, double alpha, double[] x, int xo, double[] y, int yo) {
        if (VECTOR) {
            VectorKernels.axpy(n, alpha, x, xo, y, yo);
        } else {
            for (int s = 0; s < n; s++) {
                y[yo + s] = Math.fma(alpha, x[xo + s], y[yo + s]);
            }
        }
    }

    /** Σ_s x[xo+s] y[yo+s] in the fixed eight-partial-sum order (see class comment). */
    static double dot(int n, double[] x, int xo, double[] y, int yo) {
        return VECTOR ? VectorKernels.dot(n, x, xo, y, yo) : ScalarKernels.dot(n, x, xo, y, yo);
    }

    /** Σ_s x[xo+s] in the fixed eight-partial-sum order. */
    static double sum(int n, double[] x, int xo) {
        return VECTOR ? VectorKernels.sum(n, x, xo) : ScalarKernels.sum(n, x, xo);
    }

    /** h = σ(a) = 1/(1 + e^−a) and fp = σ'(a) = h(1 − h) over [0, n), with {@link #exp}'s exponential. */
    static void sigmoid(int n, double[] a, double[] h, double[] fp) {
        if (VECTOR) {
            VectorKernels.sigmoid(n, a, h, fp);
        } else {
            ScalarKernels.sigmoid(0, n, a, h, fp);
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
