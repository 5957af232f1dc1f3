package netdyn.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import netdyn.rng.Seeds;
import netdyn.rng.SplitMix64;

class QuadraticGradientDescentMapTest extends DiscreteMapContract {
    static final int N = 6;
    static final double SPREAD = 3;
    static final double ETA = 0.6; // η · spread < 2: the orbit contracts, so it stays finite

    @Override
    DiscreteMap newMap() {
        return QuadraticGradientDescentMap.random(N, 11, SPREAD, ETA);
    }

    @Override
    double[] initialState() {
        return new double[] {1, -2, 0.5, 3, -1, 0.25};
    }

    @Override
    double[] knownExponents() {
        return QuadraticGradientDescentMap.random(N, 11, SPREAD, ETA).exponents();
    }

    @Override
    int exponentSteps() {
        return 100_000;
    }

    @Override
    double exponentTolerance() {
        return 1e-3;
    }

    /** The spectrum random(n, seed, spread, η) documents: spread, then spread · (1 − u_i). */
    static double[] documentedSpectrum(int n, long seed, double spread) {
        SplitMix64 rng = Seeds.generator(seed, "quadratic-spectrum");
        double[] a = new double[n];
        a[0] = spread;
        for (int i = 1; i < n; i++) {
            a[i] = spread * (1 - rng.nextDouble());
        }
        Arrays.sort(a);
        return a;
    }

    @Test
    void randomHasExactlyTheEigenvaluesItWasBuiltWith() {
        for (int n : new int[] {1, 2, 5, 12}) {
            for (long seed = 0; seed < 3; seed++) {
                double spread = 0.5 + seed;
                QuadraticGradientDescentMap map = QuadraticGradientDescentMap.random(n, seed, spread, 0.1);
                double[] built = documentedSpectrum(n, seed, spread); // ascending
                double trace = 0;
                double squares = 0;
                for (double a : built) {
                    trace += a;
                    squares += a * a;
                }
                double[] eig = map.eigenvalues(); // descending
                assertThat(eig[0]).isCloseTo(spread, within(1e-12 * spread));
                for (int i = 0; i < n; i++) {
                    assertThat(eig[i]).as("n %d seed %d eigenvalue %d", n, seed, i)
                            .isCloseTo(built[n - 1 - i], within(1e-12 * spread));
                }
                // basis-independent invariants, checked without the eigensolver
                double[][] a = map.matrix();
                double tr = 0;
                double frobenius = 0;
                for (int i = 0; i < n; i++) {
                    tr += a[i][i];
                    for (int j = 0; j < n; j++) {
                        frobenius += a[i][j] * a[i][j];
                        assertThat(a[i][j]).isEqualTo(a[j][i]);
                    }
                }
                assertThat(tr).isCloseTo(trace, within(1e-12 * trace));
                assertThat(frobenius).isCloseTo(squares, within(1e-12 * squares));
            }
        }
    }

    @Test
    void exponentsAndLogDetFollowFromTheEigenvalues() {
        // multipliers 1 − 0.6 a: −0.8, −0.5, −0.2, 0.1, 0.4, 0.7
        QuadraticGradientDescentMap map = QuadraticGradientDescentMap.withEigenvalues(
                new double[] {3, 2.5, 2, 1.5, 1, 0.5}, 4, 0.6);
        double[] expected = {Math.log(0.8), Math.log(0.7), Math.log(0.5), Math.log(0.4), Math.log(0.2), Math.log(0.1)};
        double[] exponents = map.exponents();
        double sum = 0;
        for (int i = 0; i < expected.length; i++) {
            assertThat(exponents[i]).isCloseTo(expected[i], within(1e-12));
            sum += expected[i];
        }
        assertThat(map.logAbsDetJacobian(0, new double[expected.length])).isCloseTo(sum, within(1e-12));
        assertThat(map.learningRate()).isEqualTo(0.6);
        double[] measured = naiveSpectrum(map, new double[expected.length], 20_000);
        for (int i = 0; i < expected.length; i++) {
            assertThat(measured[i]).isCloseTo(expected[i], within(1e-3));
        }
    }

    @Test
    void theBasisIsFixedByTheSeed() {
        double[][] a = QuadraticGradientDescentMap.random(4, 5, 2, 0.1).matrix();
        assertThat(QuadraticGradientDescentMap.random(4, 5, 2, 0.1).matrix()).isDeepEqualTo(a);
        assertThat(QuadraticGradientDescentMap.random(4, 6, 2, 0.1).matrix()).isNotEqualTo(a);
    }

    @Test
    void withEigenvaluesAcceptsAnyOrderAndSign() {
        QuadraticGradientDescentMap map = QuadraticGradientDescentMap.withEigenvalues(new double[] {-1, 4, 0, 2}, 3,
                0.1);
        assertThat(map.eigenvalues()).containsExactly(new double[] {4, 2, 0, -1}, within(1e-12));
        assertThat(map.exponents()).containsExactly(new double[] {Math.log(1.1), 0, Math.log(0.8), Math.log(0.6)},
                within(1e-12));
    }

    @Test
    void stepIsThetaMinusEtaATheta() {
        double[][] a = {{2, 1, 0}, {1, 3, -1}, {0, -1, 1}};
        QuadraticGradientDescentMap map = new QuadraticGradientDescentMap(a, 0.25);
        double[] theta = {1, -1, 2};
        double[] out = new double[3];
        map.step(0, theta, out);
        // Aθ = (1, -4, 3)
        assertThat(out).containsExactly(1 - 0.25, -1 + 1, 2 - 0.75);
        QuadraticGradientDescentMap flat = new QuadraticGradientDescentMap(3, new double[] {2, 1, 0, 1, 3, -1, 0, -1, 1},
                0.25);
        assertThat(flat.matrix()).isDeepEqualTo(a);
        assertThat(flat.eigenvalues()).isEqualTo(map.eigenvalues());
    }

    @Test
    void rejectsMatricesThatAreNotSymmetricSquareAndFinite() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new QuadraticGradientDescentMap(new double[][] {{1, 2}, {3, 4}}, 0.1))
                .withMessage("the matrix must be symmetric (a[0][1] = 2.0 but a[1][0] = 3.0)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new QuadraticGradientDescentMap(new double[][] {{1, 2}, {2}}, 0.1))
                .withMessage("the matrix must be square: it has 2 rows but row 1 has 1 entries");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new QuadraticGradientDescentMap(2, new double[] {1, 2, 2}, 0.1))
                .withMessage("a 2×2 matrix needs 4 numbers (got 3)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new QuadraticGradientDescentMap(new double[][] {{Double.NaN}}, 0.1))
                .withMessage("the matrix must be finite (a[0][0] = NaN)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new QuadraticGradientDescentMap(new double[][] {{1}}, -0.1))
                .withMessage("the learning rate must be a finite number > 0 (got -0.1)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> QuadraticGradientDescentMap.random(0, 1, 1, 0.1))
                .withMessage("the dimension must be >= 1 (got 0)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> QuadraticGradientDescentMap.random(3, 1, 0, 0.1))
                .withMessage("spread must be a finite number > 0 (got 0.0)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> QuadraticGradientDescentMap.withEigenvalues(new double[] {1, Double.NaN}, 1, 0.1))
                .withMessage("eigenvalues must be finite (got NaN)");
    }

    @Test
    void roundingLevelAsymmetryIsAcceptedAndSymmetrised() {
        double[][] a = {{1, 0.1 + 1e-17}, {0.1, 2}};
        double[][] stored = new QuadraticGradientDescentMap(a, 0.1).matrix();
        assertThat(stored[0][1]).isEqualTo(stored[1][0]);
    }
}
