package netdyn.lyapunov;

/**
 * QR by modified Gram–Schmidt with one re-orthogonalisation pass ("twice is enough", Giraud et al.,
 * Numer. Math. 101, 2005, doi:10.1007/s00211-005-0615-4) of k row vectors of length n held
 * row-major in one array. Writes Q over the rows and ln R_ii to {@code logDiag}. Cost 4 n k².
 */
final class Orthonormalizer {
    private Orthonormalizer() {
    }

    /**
     * @return the index of the first row whose norm is zero or non-finite (the frame has
     *         collapsed or blown up), or −1 when all k rows were normalised
     */
    static int orthonormalize(double[] rows, int k, int n, double[] logDiag) {
        for (int i = 0; i < k; i++) {
            int oi = i * n;
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < i; j++) {
                    int oj = j * n;
                    double r = dot(rows, oj, oi, n);
                    for (int s = 0; s < n; s++) {
                        rows[oi + s] -= r * rows[oj + s];
                    }
                }
            }
            double norm = Math.sqrt(dot(rows, oi, oi, n));
            if (!(norm > 0) || Double.isInfinite(norm)) {
                return i;
            }
            double inv = 1 / norm;
            for (int s = 0; s < n; s++) {
                rows[oi + s] *= inv;
            }
            logDiag[i] = Math.log(norm);
        }
        return -1;
    }

    /** Σ a[i+s] a[j+s] in four interleaved partial sums (fixed order, several times the speed of one chain). */
    private static double dot(double[] a, int i, int j, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int s = 0;
        for (; s + 3 < n; s += 4) {
            s0 += a[i + s] * a[j + s];
            s1 += a[i + s + 1] * a[j + s + 1];
            s2 += a[i + s + 2] * a[j + s + 2];
            s3 += a[i + s + 3] * a[j + s + 3];
        }
        for (; s < n; s++) {
            s0 += a[i + s] * a[j + s];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
