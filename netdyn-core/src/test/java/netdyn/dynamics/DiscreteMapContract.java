package netdyn.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import netdyn.rng.SplitMix64;

/**
 * What every {@link DiscreteMap} promises, checked at seeded points of an orbit after its transient:
 * a deterministic step that leaves its input alone; a tangent map equal to central differences of
 * the step; a block tangent equal to the column-wise one; ln |det DF| equal to that of the Jacobian
 * assembled from the tangent map; and, where known, the Lyapunov exponents that a naive QR
 * iteration of the tangent map gives. Each system's test extends this class.
 */
abstract class DiscreteMapContract {
    static final int POINTS = 24;

    /** A fresh instance of the map under test. */
    abstract DiscreteMap newMap();

    /** Where the orbit starts; the contract discards {@link #transientSteps()} steps from it. */
    abstract double[] initialState();

    int transientSteps() {
        return 100;
    }

    /** The central-difference step, relative to max(1, |x|∞). */
    double differenceStep() {
        return 1e-6;
    }

    /**
     * Allowed |difference quotient − tangent|∞, relative to max(1, |DF v|∞) for a unit v. The
     * reference systems agree to better than 1e-9; 1e-8 leaves room and still catches a wrong term.
     */
    double tangentTolerance() {
        return 1e-8;
    }

    /**
     * Whether the step is not smooth within {@code margin} of x (an |x| or a mod wrap), so that
     * central differences there say nothing about the tangent map.
     */
    boolean nearKink(double[] x, double margin) {
        return false;
    }

    /**
     * The direction the central differences are taken along, from a random unit vector: the vector itself, or
     * (a map with coordinates far smaller than the difference step, where the step is not smooth on that scale)
     * the vector scaled there. The tangent map is linear, so any direction checks it.
     */
    double[] direction(double[] x, double[] v) {
        return v;
    }

    /** The Lyapunov exponents per unit time, descending, or null when none are known. */
    double[] knownExponents() {
        return null;
    }

    double exponentTolerance() {
        return 2e-3;
    }

    int exponentSteps() {
        return 1_000_000;
    }

    /** The state after the transient and then {@code POINTS} states a seeded 1–40 steps apart. */
    final List<double[]> orbitPoints(long seed) {
        DiscreteMap map = newMap();
        SplitMix64 rng = new SplitMix64(seed);
        double[] x = afterTransient(map);
        double[] next = new double[x.length];
        List<double[]> points = new ArrayList<>();
        for (int p = 0; p < POINTS; p++) {
            int gap = 1 + rng.nextInt(40);
            for (int s = 0; s < gap; s++) {
                map.step(s, x, next);
                double[] swap = x;
                x = next;
                next = swap;
            }
            points.add(x.clone());
        }
        return points;
    }

    final double[] afterTransient(DiscreteMap map) {
        double[] x = initialState();
        double[] next = new double[x.length];
        for (int t = 0; t < transientSteps(); t++) {
            map.step(t, x, next);
            double[] swap = x;
            x = next;
            next = swap;
        }
        return x;
    }

    static double[] unitVector(int n, SplitMix64 rng) {
        double[] v = new double[n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
            norm += v[i] * v[i];
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < n; i++) {
            v[i] /= norm;
        }
        return v;
    }

    static double maxAbs(double[] v) {
        double m = 0;
        for (double a : v) {
            m = Math.max(m, Math.abs(a));
        }
        return m;
    }

    @Test
    void dimensionAndTimePerStepAreConsistent() {
        DiscreteMap map = newMap();
        assertThat(map.dimension()).isPositive().isEqualTo(initialState().length);
        assertThat(map.timePerStep()).isPositive().isFinite();
    }

    @Test
    void stepIsDeterministicAndLeavesItsInputAlone() {
        DiscreteMap a = newMap();
        DiscreteMap b = newMap();
        double[] x = initialState();
        int n = x.length;
        double[] outA = new double[n];
        double[] again = new double[n];
        double[] outB = new double[n];
        for (int t = 0; t < 500; t++) {
            double[] before = x.clone();
            a.step(t, x, outA);
            a.step(t, x, again);
            b.step(t, x, outB);
            assertThat(x).as("input at step %d", t).isEqualTo(before);
            assertThat(again).as("same instance, step %d", t).isEqualTo(outA);
            assertThat(outB).as("fresh instance, step %d", t).isEqualTo(outA);
            x = outA.clone();
        }
    }

    @Test
    void defaultOrbitStaysFiniteAndInTheDomain() {
        DiscreteMap map = newMap();
        double[] x = afterTransient(map);
        double[] next = new double[x.length];
        for (int t = 0; t < 5000; t++) {
            map.step(t, x, next);
            double[] swap = x;
            x = next;
            next = swap;
            for (double xi : x) {
                assertThat(xi).as("step %d", t).isFinite();
            }
            assertThat(map.domainViolation(x)).as("step %d", t).isNull();
        }
    }

    @Test
    void tangentMatchesCentralDifferencesOfTheStep() {
        DiscreteMap map = newMap();
        SplitMix64 rng = new SplitMix64(17);
        int checked = 0;
        for (double[] x : orbitPoints(3)) {
            int n = x.length;
            double h = differenceStep() * Math.max(1, maxAbs(x));
            double[] v = direction(x, unitVector(n, rng));
            if (nearKink(x, 100 * h)) {
                continue;
            }
            double[] xp = new double[n];
            double[] xm = new double[n];
            for (int i = 0; i < n; i++) {
                xp[i] = x[i] + h * v[i];
                xm[i] = x[i] - h * v[i];
            }
            double[] fp = new double[n];
            double[] fm = new double[n];
            double[] jv = new double[n];
            map.step(0, xp, fp);
            map.step(0, xm, fm);
            map.tangent(0, x, v, jv);
            double tolerance = tangentTolerance() * Math.max(1, maxAbs(jv));
            for (int i = 0; i < n; i++) {
                double quotient = (fp[i] - fm[i]) / (2 * h);
                assertThat(jv[i]).as("component %d at x = %s", i, Arrays.toString(x))
                        .isCloseTo(quotient, within(tolerance));
            }
            checked++;
        }
        assertThat(checked).as("points away from kinks").isGreaterThanOrEqualTo(POINTS / 2);
    }

    @Test
    void tangentBlockEqualsColumnWiseTangent() {
        DiscreteMap map = newMap();
        SplitMix64 rng = new SplitMix64(29);
        for (double[] x : orbitPoints(5)) {
            int n = x.length;
            int k = n + 1;
            double[] vs = new double[k * n];
            for (int r = 0; r < k; r++) {
                System.arraycopy(unitVector(n, rng), 0, vs, r * n, n);
            }
            double[] block = new double[k * n];
            map.tangentBlock(0, x, vs, k, block);
            double[] v = new double[n];
            double[] w = new double[n];
            for (int r = 0; r < k; r++) {
                System.arraycopy(vs, r * n, v, 0, n);
                map.tangent(0, x, v, w);
                for (int i = 0; i < n; i++) {
                    assertThat(block[r * n + i]).as("vector %d component %d", r, i)
                            .isCloseTo(w[i], within(1e-12 * Math.max(1, maxAbs(w))));
                }
            }
        }
    }

    @Test
    void logAbsDetJacobianIsThatOfTheTangentMap() {
        DiscreteMap map = newMap();
        for (double[] x : orbitPoints(7)) {
            double logDet = map.logAbsDetJacobian(0, x);
            assumeTrue(!Double.isNaN(logDet), "the map gives no ln |det DF|");
            DMatrixRMaj jacobian = jacobian(map, x);
            double expected = Math.log(Math.abs(CommonOps_DDRM.det(jacobian)));
            assertThat(logDet).as("at x = %s", Arrays.toString(x)).isCloseTo(expected, within(1e-9));
        }
    }

    /**
     * The combined call gives what the two calls give apart: the block to rounding (a map may compute it from an
     * assembled Jacobian instead) and the same ln |det DF| (or NaN), at every point and for k = 1 and k = n.
     */
    @Test
    void tangentBlockAndLogAbsDetIsBothCallsInOne() {
        SplitMix64 rng = new SplitMix64(31);
        for (double[] x : orbitPoints(11)) {
            int n = x.length;
            for (int k : new int[] {1, n}) {
                double[] vs = new double[k * n];
                for (int r = 0; r < k; r++) {
                    System.arraycopy(unitVector(n, rng), 0, vs, r * n, n);
                }
                DiscreteMap apart = newMap();
                double[] expected = new double[k * n];
                apart.tangentBlock(0, x, vs, k, expected);
                double expectedLogDet = apart.logAbsDetJacobian(0, x);
                double[] block = new double[k * n];
                double logDet = newMap().tangentBlockAndLogAbsDet(0, x, vs, k, block);
                double scale = Math.max(1, maxAbs(expected));
                int worst = 0;
                for (int i = 1; i < k * n; i++) {
                    if (Math.abs(block[i] - expected[i]) > Math.abs(block[worst] - expected[worst])) {
                        worst = i;
                    }
                }
                // one assertion on the worst element: describing every element would cost more than computing it
                assertThat(block[worst]).as("k = %d, element %d at x = %s", k, worst, Arrays.toString(x))
                        .isCloseTo(expected[worst], within(1e-12 * scale));
                if (Double.isNaN(expectedLogDet)) {
                    assertThat(logDet).isNaN();
                } else {
                    assertThat(logDet).isCloseTo(expectedLogDet, within(1e-12 * Math.max(1, Math.abs(expectedLogDet))));
                }
            }
        }
    }

    @Test
    void tangentMapGivesTheKnownLyapunovExponents() {
        double[] known = knownExponents();
        assumeTrue(known != null, "no known exponents");
        DiscreteMap map = newMap();
        double[] measured = naiveSpectrum(map, afterTransient(map), exponentSteps());
        assertThat(measured).hasSize(known.length);
        for (int i = 0; i < known.length; i++) {
            assertThat(measured[i]).as("exponent %d of %s", i, Arrays.toString(measured))
                    .isCloseTo(known[i], within(exponentTolerance()));
        }
    }

    /** J with J[i][j] = (DF e_j)_i, from the tangent map on the unit vectors. */
    static DMatrixRMaj jacobian(DiscreteMap map, double[] x) {
        int n = map.dimension();
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        double[] e = new double[n];
        double[] column = new double[n];
        for (int c = 0; c < n; c++) {
            e[c] = 1;
            map.tangent(0, x, e, column);
            e[c] = 0;
            for (int r = 0; r < n; r++) {
                j.set(r, c, column[r]);
            }
        }
        return j;
    }

    /**
     * The reference the spectrum estimators are checked against: the full spectrum per unit time by
     * modified Gram–Schmidt re-orthonormalisation of n tangent vectors after every step.
     */
    static double[] naiveSpectrum(DiscreteMap map, double[] x0, int steps) {
        int n = map.dimension();
        double[] x = x0.clone();
        double[] next = new double[n];
        double[] q = new double[n * n];
        double[] w = new double[n * n];
        double[] sums = new double[n];
        for (int i = 0; i < n; i++) {
            q[i * n + i] = 1;
        }
        for (int t = 0; t < steps; t++) {
            map.tangentBlock(t, x, q, n, w);
            map.step(t, x, next);
            double[] swap = x;
            x = next;
            next = swap;
            for (int c = 0; c < n; c++) {
                for (int p = 0; p < c; p++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += w[p * n + i] * w[c * n + i];
                    }
                    for (int i = 0; i < n; i++) {
                        w[c * n + i] -= dot * w[p * n + i];
                    }
                }
                double norm = 0;
                for (int i = 0; i < n; i++) {
                    norm += w[c * n + i] * w[c * n + i];
                }
                norm = Math.sqrt(norm);
                sums[c] += Math.log(norm);
                for (int i = 0; i < n; i++) {
                    w[c * n + i] /= norm;
                }
            }
            swap = q;
            q = w;
            w = swap;
        }
        for (int c = 0; c < n; c++) {
            sums[c] /= steps * map.timePerStep();
        }
        return sums;
    }
}
