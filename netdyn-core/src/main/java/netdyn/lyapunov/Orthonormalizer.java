package netdyn.lyapunov;

import java.util.Arrays;

import netdyn.linalg.DenseOps;

/**
 * QR of k row vectors of length n (k ≤ n) held row-major in one array, by Householder reflections (Golub &amp;
 * Van Loan, Matrix Computations, 4th ed., §5.2.1, Algorithm 5.2.1, and §5.1.6 for the backward accumulation of
 * Q): with A the n × k matrix whose columns are the rows, A = Q R with Qᵀ Q = I and R upper triangular with
 * R_ii &gt; 0. Writes Q's columns over the rows and ln R_ii to {@code logDiag}. R_ii is the length of vector i's
 * component orthogonal to the vectors before it, as Gram–Schmidt would give it.
 *
 * <p>Householder's Q is orthonormal to rounding whatever the conditioning of A (Higham, Accuracy and Stability of
 * Numerical Algorithms, 2nd ed., §19.3), where modified Gram–Schmidt needs a second pass. Cost
 * 2nk² − ⅔k³ flops for R and as many for Q (8/3 n³ for k = n, against 4 n³ for Gram–Schmidt twice). The
 * work runs on the rows as they are (A's columns, contiguous): every inner product vᵀa_c is one fused
 * multiply-add per element in element order (eight columns per pass, each its own chain), every update an axpy
 * ({@link DenseOps}, SIMD where available), and no sum is split across lanes, so the bits do not depend on the
 * vector width. An instance owns its workspace for one (k, n); not thread-safe.
 */
final class Orthonormalizer {
    private final int k;
    private final int n;
    private final double[] a;    // k × n: A's columns, then R's rows above the diagonal and reflector j in row j from j
    private final double[] q;    // k × n: Q's columns while Q is accumulated
    private final double[] beta; // reflector j is I − β_j v_j v_jᵀ
    private final double[] sign; // R_jj = sign_j · ‖x_j‖ before the columns are flipped to R_jj > 0
    private final double[] w;    // v_jᵀ a_c for the columns c right of j
    private final double[] f;    // −β_j v_j
    private final double[] eight = new double[8]; // one pass's sums

    Orthonormalizer(int k, int n) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k = " + k + " vectors of length n = " + n + ": need 1 ≤ k ≤ n");
        }
        this.k = k;
        this.n = n;
        a = new double[k * n];
        q = new double[k * n];
        beta = new double[k];
        sign = new double[k];
        w = new double[k];
        f = new double[n];
    }

    /**
     * Replaces the k rows of {@code rows} (k × n, row-major; modified) by the orthonormal Q and writes
     * ln R_ii to {@code logDiag[0..k)}.
     *
     * @return the index of the first vector whose orthogonal component has zero or non-finite length (the
     *         frame has collapsed or blown up; the rows are then left unspecified), or −1 when all k were
     *         normalised
     */
    int orthonormalize(double[] rows, double[] logDiag) {
        System.arraycopy(rows, 0, a, 0, k * n);
        for (int j = 0; j < k; j++) {
            int o = j * n;
            double x0 = a[o + j];
            double sumSquares = x0 * x0;
            for (int s = j + 1; s < n; s++) {
                double x = a[o + s];
                sumSquares += x * x;
            }
            double norm = Math.sqrt(sumSquares);
            if (!(norm > 0) || Double.isInfinite(norm)) {
                return j;
            }
            logDiag[j] = Math.log(norm);
            // v = x − α e_1 with α = −sign(x0) ‖x‖, which adds instead of cancelling; vᵀv = 2‖x‖(‖x‖ + |x0|)
            double s0 = x0 >= 0 ? 1 : -1;
            sign[j] = -s0;
            a[o + j] = x0 + s0 * norm;
            beta[j] = 1 / (norm * (norm + Math.abs(x0)));
            reflect(a, j, j + 1);
        }
        Arrays.fill(q, 0);
        for (int i = 0; i < k; i++) {
            q[i * n + i] = 1;
        }
        for (int j = k - 1; j >= 0; j--) {
            reflect(q, j, j);
        }
        for (int i = 0; i < k; i++) {
            int o = i * n;
            double d = sign[i];
            for (int s = 0; s < n; s++) {
                rows[o + s] = d * q[o + s];
            }
        }
        return -1;
    }

    /**
     * Applies reflector j to elements j..n−1 of the columns from..k−1 of m (k × n, a column per row):
     * w_c = v_jᵀ m_c, then m_c ← m_c − (β_j v_j) w_c.
     */
    private void reflect(double[] m, int j, int from) {
        if (from >= k) {
            return;
        }
        int v = j * n;
        // eight columns per pass over v (each sum a chain of fused multiply-adds, latency-bound alone); the
        // last pass repeats the last column where fewer are left, which recomputes the same sum
        for (int c = from; c < k; c += 8) {
            innerProducts8(m, v, j, c);
        }
        double b = beta[j];
        for (int s = j; s < n; s++) {
            f[s] = -b * a[v + s];
        }
        for (int c = from; c < k; c++) {
            DenseOps.axpy(n - j, w[c], f, j, m, c * n + j);
        }
    }

    /** w_c for columns c..c+7 of m (the last column repeated past k − 1) against reflector j at a[v..]. */
    private void innerProducts8(double[] m, int v, int j, int c) {
        int last = k - 1;
        int m0 = c * n;
        int m1 = Math.min(c + 1, last) * n;
        int m2 = Math.min(c + 2, last) * n;
        int m3 = Math.min(c + 3, last) * n;
        int m4 = Math.min(c + 4, last) * n;
        int m5 = Math.min(c + 5, last) * n;
        int m6 = Math.min(c + 6, last) * n;
        int m7 = Math.min(c + 7, last) * n;
        double w0 = 0;
        double w1 = 0;
        double w2 = 0;
        double w3 = 0;
        double w4 = 0;
        double w5 = 0;
        double w6 = 0;
        double w7 = 0;
        for (int s = j; s < n; s++) {
            double vs = a[v + s];
            w0 = Math.fma(vs, m[m0 + s], w0);
            w1 = Math.fma(vs, m[m1 + s], w1);
            w2 = Math.fma(vs, m[m2 + s], w2);
            w3 = Math.fma(vs, m[m3 + s], w3);
            w4 = Math.fma(vs, m[m4 + s], w4);
            w5 = Math.fma(vs, m[m5 + s], w5);
            w6 = Math.fma(vs, m[m6 + s], w6);
            w7 = Math.fma(vs, m[m7 + s], w7);
        }
        double[] sums = eight;
        sums[0] = w0;
        sums[1] = w1;
        sums[2] = w2;
        sums[3] = w3;
        sums[4] = w4;
        sums[5] = w5;
        sums[6] = w6;
        sums[7] = w7;
        System.arraycopy(sums, 0, w, c, Math.min(8, k - c)); // the repeated columns' sums are dropped
    }
}
