package netdyn.curvature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import netdyn.rng.SplitMix64;

class DeterminantOpsTest {

    /** det A by Laplace expansion along the first row: the naive reference, exact in its own rounding, for n ≤ 7. */
    static double laplaceDet(double[] a, int n) {
        if (n == 1) {
            return a[0];
        }
        double det = 0;
        double[] minor = new double[(n - 1) * (n - 1)];
        for (int c = 0; c < n; c++) {
            int m = 0;
            for (int i = 1; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (j != c) {
                        minor[m++] = a[i * n + j];
                    }
                }
            }
            det += (c % 2 == 0 ? 1 : -1) * a[c] * laplaceDet(minor, n - 1);
        }
        return det;
    }

    static double[] gaussian(SplitMix64 rng, int n) {
        double[] a = new double[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextGaussian();
        }
        return a;
    }

    @Test
    void knownDeterminants() {
        // diagonal with a negative entry: det = 2 · (−3) · 0.5 = −3
        assertThat(DeterminantOps.logAbsDet(new double[] {2, 0, 0, 0, -3, 0, 0, 0, 0.5}, 3))
                .isCloseTo(Math.log(3), within(1e-15));
        // a row swap: det [[0, 1], [1, 0]] = −1, and the first pivot is zero unless the rows are exchanged
        assertThat(DeterminantOps.logAbsDet(new double[] {0, 1, 1, 0}, 2)).isCloseTo(0, within(1e-15));
        // det [[1, 2], [3, 4]] = −2
        assertThat(DeterminantOps.logAbsDet(new double[] {1, 2, 3, 4}, 2)).isCloseTo(Math.log(2), within(1e-15));
        // upper triangular: the product of the diagonal whatever lies above it
        assertThat(DeterminantOps.logAbsDet(new double[] {4, 7, -9, 0, -0.25, 100, 0, 0, 3}, 3))
                .isCloseTo(Math.log(3), within(1e-15));
        // 1 × 1 and the empty matrix (det = 1)
        assertThat(DeterminantOps.logAbsDet(new double[] {-7}, 1)).isCloseTo(Math.log(7), within(1e-15));
        assertThat(DeterminantOps.logAbsDet(new double[0], 0)).isZero();
    }

    @Test
    void agreesWithLaplaceExpansionOnRandomSmallMatrices() {
        SplitMix64 rng = new SplitMix64(11);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + trial % 7;
            double[] a = gaussian(rng, n);
            double expected = Math.log(Math.abs(laplaceDet(a, n)));
            assertThat(DeterminantOps.logAbsDet(a.clone(), n)).as("trial %d, n = %d", trial, n)
                    .isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
        }
    }

    @Test
    void agreesWithTheEigenvaluesOfRandomSymmetricMatrices() {
        SplitMix64 rng = new SplitMix64(12);
        for (int trial = 0; trial < 20; trial++) {
            int n = 5 + 13 * trial % 90;
            double[] g = gaussian(rng, n);
            double[] a = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i * n + j] = (i == j ? 1 : 0) - 0.2 * (g[i * n + j] + g[j * n + i]); // like I − ηH
                }
            }
            double expected = 0;
            for (double h : HessianSpectrum.symmetricEigenvalues(a.clone(), n)) {
                expected += Math.log(Math.abs(h));
            }
            assertThat(DeterminantOps.logAbsDet(a, n)).as("trial %d, n = %d", trial, n)
                    .isCloseTo(expected, within(1e-11 * Math.max(1, Math.abs(expected))));
        }
    }

    @Test
    void agreesWithEjmlOnNonSymmetricMatrices() {
        SplitMix64 rng = new SplitMix64(13);
        for (int n : new int[] {2, 17, 83}) {
            double[] a = gaussian(rng, n);
            double expected = Math.log(Math.abs(CommonOps_DDRM.det(DMatrixRMaj.wrap(n, n, a.clone()))));
            assertThat(DeterminantOps.logAbsDet(a, n)).isCloseTo(expected, within(1e-12 * Math.abs(expected)));
        }
    }

    @Test
    void sumsLogarithmsSoTinyAndHugeDeterminantsStayFinite() {
        int n = 100;
        double[] small = new double[n * n];
        double[] large = new double[n * n];
        for (int i = 0; i < n; i++) {
            small[i * n + i] = 1e-5; // det = 1e-500, below the smallest double
            large[i * n + i] = 1e5;  // det = 1e500, above the largest
        }
        small[1] = 3; // something above the diagonal, which must not matter
        assertThat(DeterminantOps.logAbsDet(small, n)).isCloseTo(n * Math.log(1e-5), within(1e-10));
        assertThat(DeterminantOps.logAbsDet(large, n)).isCloseTo(n * Math.log(1e5), within(1e-10));
    }

    @Test
    void anExactlySingularMatrixGivesMinusInfinity() {
        // two equal rows: the second pivot column is exactly zero after one elimination
        assertThat(DeterminantOps.logAbsDet(new double[] {1, 2, 1, 2}, 2)).isEqualTo(Double.NEGATIVE_INFINITY);
        // a zero column
        assertThat(DeterminantOps.logAbsDet(new double[] {1, 0, 5, 2, 0, 7, 3, 0, 1}, 3))
                .isEqualTo(Double.NEGATIVE_INFINITY);
        // I − ηH with an eigenvalue h = 1/η exactly: diag(1 − 1·1, 1 − 1·0.5), as the eigenvalue formula gives −∞
        assertThat(DeterminantOps.logAbsDet(new double[] {0, 0, 0, 0.5}, 2)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void aNearlySingularMatrixGivesALargeNegativeFiniteValue() {
        // [[1, 2, 3], [4, 5, 6], [7, 8, 9 + δ]] has det = −3δ
        double delta = 1e-9;
        double ld = DeterminantOps.logAbsDet(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9 + delta}, 3);
        assertThat(ld).isCloseTo(Math.log(3 * delta), within(1e-6));
        // the singular one in exact arithmetic: rounding leaves a pivot near ε instead of 0
        double rounded = DeterminantOps.logAbsDet(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 3);
        assertThat(rounded).isLessThan(Math.log(1e-12));
    }

    @Test
    void nonFiniteEntriesGiveNaN() {
        assertThat(DeterminantOps.logAbsDet(new double[] {1, Double.NaN, 0, 1}, 2)).isNaN();
        assertThat(DeterminantOps.logAbsDet(new double[] {1, 0, 0, Double.POSITIVE_INFINITY}, 2)).isNaN();
    }

    @Test
    void aShortArrayIsMisuseNamingBothSizes() {
        assertThatThrownBy(() -> DeterminantOps.logAbsDet(new double[8], 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 × 3")
                .hasMessageContaining("8 values");
    }
}
