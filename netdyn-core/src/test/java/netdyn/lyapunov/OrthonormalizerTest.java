package netdyn.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import netdyn.rng.SplitMix64;

class OrthonormalizerTest {

    /**
     * The naive reference: classical Gram–Schmidt, twice, in exact order (row i against rows 0..i−1, then
     * normalised), giving Q and ln R_ii for well-conditioned inputs.
     */
    static double[] gramSchmidt(double[] rows, int k, int n, double[] logDiag) {
        double[] q = rows.clone();
        for (int i = 0; i < k; i++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < i; j++) {
                    double r = 0;
                    for (int s = 0; s < n; s++) {
                        r += q[j * n + s] * q[i * n + s];
                    }
                    for (int s = 0; s < n; s++) {
                        q[i * n + s] -= r * q[j * n + s];
                    }
                }
            }
            double norm = 0;
            for (int s = 0; s < n; s++) {
                norm += q[i * n + s] * q[i * n + s];
            }
            norm = Math.sqrt(norm);
            logDiag[i] = Math.log(norm);
            for (int s = 0; s < n; s++) {
                q[i * n + s] /= norm;
            }
        }
        return q;
    }

    static double[] gaussianRows(SplitMix64 rng, int k, int n) {
        double[] rows = new double[k * n];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = rng.nextGaussian();
        }
        return rows;
    }

    /** max |Q Qᵀ − I| over the k rows. */
    static double orthogonalityError(double[] rows, int k, int n) {
        double worst = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double d = 0;
                for (int s = 0; s < n; s++) {
                    d += rows[i * n + s] * rows[j * n + s];
                }
                worst = Math.max(worst, Math.abs(d - (i == j ? 1 : 0)));
            }
        }
        return worst;
    }

    @Test
    void matchesGramSchmidtOnRandomFramesOfEveryShape() {
        SplitMix64 rng = new SplitMix64(3);
        int[][] shapes = {{1, 1}, {1, 5}, {2, 2}, {3, 7}, {7, 7}, {10, 83}, {83, 83}};
        for (int[] shape : shapes) {
            int k = shape[0];
            int n = shape[1];
            double[] rows = gaussianRows(rng, k, n);
            double[] expectedLog = new double[k];
            double[] expected = gramSchmidt(rows, k, n, expectedLog);
            double[] logDiag = new double[k];
            assertThat(new Orthonormalizer(k, n).orthonormalize(rows, logDiag)).isEqualTo(-1);
            assertThat(logDiag).as("ln R_ii, k = %d, n = %d", k, n).containsExactly(expectedLog, within(1e-12));
            assertThat(rows).as("Q, k = %d, n = %d", k, n).containsExactly(expected, within(1e-12));
        }
    }

    @Test
    void aKnownTriangularFactor() {
        // columns (3, 4, 0) and (1, 1, 1): R_11 = 5, and the second's component orthogonal to the first,
        // (1, 1, 1) − (7/25)(3, 4, 0), has squared length 3 − 49/25 = 26/25
        double[] rows = {3, 4, 0, 1, 1, 1};
        double[] logDiag = new double[2];
        assertThat(new Orthonormalizer(2, 3).orthonormalize(rows, logDiag)).isEqualTo(-1);
        assertThat(logDiag[0]).isCloseTo(Math.log(5), within(1e-15));
        assertThat(logDiag[1]).isCloseTo(0.5 * Math.log(26.0 / 25), within(1e-15));
        assertThat(new double[] {rows[0], rows[1], rows[2]}).containsExactly(new double[] {0.6, 0.8, 0},
                within(1e-15));
    }

    /**
     * Rows spanning nearly the same space (condition number ≈ 1e12): Gram–Schmidt once would lose
     * orthogonality to about 1e-4; the Householder Q stays orthonormal to rounding, and the reused frame (the
     * estimator's case) stays so.
     */
    @Test
    void illConditionedFramesStayOrthonormal() {
        SplitMix64 rng = new SplitMix64(4);
        int k = 40;
        int n = 60;
        double[] base = gaussianRows(rng, 1, n);
        double[] rows = new double[k * n];
        for (int i = 0; i < k; i++) {
            for (int s = 0; s < n; s++) {
                rows[i * n + s] = base[s] + 1e-12 * Math.pow(1.3, i) * rng.nextGaussian();
            }
        }
        double[] logDiag = new double[k];
        Orthonormalizer qr = new Orthonormalizer(k, n);
        assertThat(qr.orthonormalize(rows, logDiag)).isEqualTo(-1);
        assertThat(orthogonalityError(rows, k, n)).isLessThan(1e-13);
        assertThat(logDiag[1]).isLessThan(Math.log(1e-10));
        assertThat(qr.orthonormalize(rows, logDiag)).isEqualTo(-1);
        for (double d : logDiag) {
            assertThat(d).isCloseTo(0, within(1e-14));
        }
    }

    @Test
    void aCollapsedOrNonFiniteVectorIsNamed() {
        double[] logDiag = new double[3];
        // the third row is 2 e_1 − 3 e_2: its component orthogonal to the first two is exactly zero
        double[] dependent = {1, 0, 0, 0, 1, 0, 2, -3, 0};
        assertThat(new Orthonormalizer(3, 3).orthonormalize(dependent, logDiag)).isEqualTo(2);
        double[] zero = {0, 0, 0, 1, 2, 3, 4, 5, 6};
        assertThat(new Orthonormalizer(3, 3).orthonormalize(zero, logDiag)).isEqualTo(0);
        double[] nan = {1, 0, 0, 0, 1, 0, Double.NaN, 0, 1};
        assertThat(new Orthonormalizer(3, 3).orthonormalize(nan, logDiag)).isEqualTo(2);
        double[] inf = {1, 0, 0, Double.POSITIVE_INFINITY, 1, 0, 0, 0, 1};
        assertThat(new Orthonormalizer(3, 3).orthonormalize(inf, logDiag)).isEqualTo(1);
    }

    @Test
    void moreVectorsThanDimensionsIsMisuse() {
        assertThatThrownBy(() -> new Orthonormalizer(4, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k = 4").hasMessageContaining("n = 3");
    }
}
