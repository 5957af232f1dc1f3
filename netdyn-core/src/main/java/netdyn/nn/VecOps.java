package netdyn.nn;

/**
 * The vector kernels under every layer: contiguous runs of {@code n} doubles at explicit offsets,
 * summed in a fixed order so results are bit-identical run to run. No allocation.
 */
final class VecOps {
    private VecOps() {
    }

    /** y[yo..yo+n) += α x[xo..xo+n). Modifies y. Cost n multiply-adds. */
    static void axpy(int n, double alpha, double[] x, int xo, double[] y, int yo) {
        for (int s = 0; s < n; s++) {
            y[yo + s] += alpha * x[xo + s];
        }
    }

    /** Σ_s x[xo+s] y[yo+s], accumulated in four interleaved partial sums (fixed order). */
    static double dot(int n, double[] x, int xo, double[] y, int yo) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int s = 0;
        for (; s + 3 < n; s += 4) {
            s0 += x[xo + s] * y[yo + s];
            s1 += x[xo + s + 1] * y[yo + s + 1];
            s2 += x[xo + s + 2] * y[yo + s + 2];
            s3 += x[xo + s + 3] * y[yo + s + 3];
        }
        for (; s < n; s++) {
            s0 += x[xo + s] * y[yo + s];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Σ_s x[xo+s], in four interleaved partial sums. */
    static double sum(int n, double[] x, int xo) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int s = 0;
        for (; s + 3 < n; s += 4) {
            s0 += x[xo + s];
            s1 += x[xo + s + 1];
            s2 += x[xo + s + 2];
            s3 += x[xo + s + 3];
        }
        for (; s < n; s++) {
            s0 += x[xo + s];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
