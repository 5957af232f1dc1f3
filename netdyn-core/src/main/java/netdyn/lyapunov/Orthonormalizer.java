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
 * work runs on A transposed (n × k row-major), where every O(nk²) loop is an axpy over contiguous memory
 * ({@link DenseOps}, SIMD where available) and none is a reduction across lanes (the one reduction, ‖x_j‖², is
 * O(n) per column and sequential), so every sum's order is fixed and the bits do not depend on the vector width.
 * An instance owns its workspace for one (k, n); not thread-safe.
 */
final class Orthonormalizer {
    private final int k;
    private final int n;
    private final double[] a;    // n × k: A row-major, then R above the diagonal and the reflectors on and below it
    private final double[] q;    // n × k: Q row-major while it is accumulated
    private final double[] beta; // reflector j is I − β_j v_j v_jᵀ, v_j stored in column j of a, rows j..n−1
    private final double[] sign; // R_jj = sign_j · ‖x_j‖ before the columns are flipped to R_jj > 0
    private final double[] w;    // v_jᵀ times the columns right of j

    Orthonormalizer(int k, int n) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k = " + k + " vectors of length n = " + n + ": need 1 ≤ k ≤ n");
        }
        this.k = k;
        this.n = n;
        a = new double[n * k];
        q = new double[n * k];
        beta = new double[k];
        sign = new double[k];
        w = new double[k];
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
        for (int i = 0; i < k; i++) {
            int o = i * n;
            for (int s = 0; s < n; s++) {
                a[s * k + i] = rows[o + s];
            }
        }
        for (int j = 0; j < k; j++) {
            double x0 = a[j * k + j];
            double sumSquares = x0 * x0;
            for (int s = j + 1; s < n; s++) {
                double x = a[s * k + j];
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
            a[j * k + j] = x0 + s0 * norm;
            beta[j] = 1 / (norm * (norm + Math.abs(x0)));
            reflect(a, j, j + 1);
        }
        Arrays.fill(q, 0);
        for (int i = 0; i < k; i++) {
            q[i * k + i] = 1;
        }
        for (int j = k - 1; j >= 0; j--) {
            reflect(q, j, j);
        }
        for (int i = 0; i < k; i++) {
            int o = i * n;
            double d = sign[i];
            for (int s = 0; s < n; s++) {
                rows[o + s] = d * q[s * k + i];
            }
        }
        return -1;
    }

    /**
     * Applies reflector j to rows j..n−1, columns from..k−1 of the n × k matrix m:
     * w = v_jᵀ m, then m ← m − (β_j v_j) wᵀ. Both passes run along m's rows ({@link DenseOps}).
     */
    private void reflect(double[] m, int j, int from) {
        if (from >= k) {
            return;
        }
        int width = k - from;
        Arrays.fill(w, from, k, 0);
        DenseOps.axpyRows(width, a, j * k + j, k, n - j, m, j * k + from, k, w, from);
        double b = beta[j];
        for (int s = j; s < n; s++) {
            DenseOps.axpy(width, -b * a[s * k + j], w, from, m, s * k + from);
        }
    }
}
