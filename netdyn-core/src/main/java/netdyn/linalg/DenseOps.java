package netdyn.linalg;

/**
 * Axpy kernels over contiguous runs of {@code n} doubles at explicit offsets, the inner loops of small dense
 * matrix work (products, Householder QR, LU). No allocation; outputs last; each modifies only {@code y}.
 *
 * <p>Two implementations give bit-identical results: plain Java loops, and SIMD loops on the JDK's incubating
 * Vector API ({@link DenseVectorKernels}), used when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the launcher, tests and benchmarks do this) unless the system
 * property {@code netdyn.vector=false}. They agree bit for bit because every kernel is element-wise: element s of
 * y sees the same fused multiply-adds ({@link Math#fma}, correctly rounded in both) in the same order, and no
 * kernel reduces across elements, so the result does not depend on the vector width either.
 */
public final class DenseOps {
    /** Whether the SIMD kernels are in use. */
    static final boolean VECTOR = detectVector();

    private DenseOps() {
    }

    private static boolean detectVector() {
        if ("false".equals(System.getProperty("netdyn.vector"))) {
            return false;
        }
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && DenseVectorKernels.supported();
    }

    /** y[yo+s] = fma(α, x[xo+s], y[yo+s]) for s &lt; n. Cost n fused multiply-adds. */
    public static void axpy(int n, double alpha, double[] x, int xo, double[] y, int yo) {
        if (VECTOR) {
            DenseVectorKernels.axpy(n, alpha, x, xo, y, yo);
        } else {
            for (int s = 0; s < n; s++) {
                y[yo + s] = Math.fma(alpha, x[xo + s], y[yo + s]);
            }
        }
    }

    /**
     * y[yo+s] += Σ_{r&lt;count} w[wo + r·wStride] · x[xo + r·xStride + s] for s &lt; n, fused in r order, so it equals
     * {@code count} successive {@link #axpy} calls bit for bit while reading and writing y once per four rows: a
     * row combination, the kernel of z = vᵀM (M row-major, rows x[xo + r·xStride ..]). Cost n·count FMAs.
     */
    public static void axpyRows(int n, double[] w, int wo, int wStride, int count, double[] x, int xo, int xStride,
                                double[] y, int yo) {
        int r = 0;
        for (; r + 3 < count; r += 4) {
            int o = xo + r * xStride;
            double w0 = w[wo + r * wStride];
            double w1 = w[wo + (r + 1) * wStride];
            double w2 = w[wo + (r + 2) * wStride];
            double w3 = w[wo + (r + 3) * wStride];
            if (VECTOR) {
                DenseVectorKernels.axpy4(n, w0, w1, w2, w3, x, o, o + xStride, o + 2 * xStride, o + 3 * xStride, y,
                        yo);
            } else {
                axpy4(0, n, w0, w1, w2, w3, x, o, o + xStride, o + 2 * xStride, o + 3 * xStride, y, yo);
            }
        }
        for (; r < count; r++) {
            axpy(n, w[wo + r * wStride], x, xo + r * xStride, y, yo);
        }
    }

    /** The scalar axpy4 over s in [from, n): also the vector kernels' tail. */
    static void axpy4(int from, int n, double w0, double w1, double w2, double w3, double[] x, int x0, int x1, int x2,
                      int x3, double[] y, int yo) {
        for (int s = from; s < n; s++) {
            double acc = Math.fma(w0, x[x0 + s], y[yo + s]);
            acc = Math.fma(w1, x[x1 + s], acc);
            acc = Math.fma(w2, x[x2 + s], acc);
            y[yo + s] = Math.fma(w3, x[x3 + s], acc);
        }
    }
}
