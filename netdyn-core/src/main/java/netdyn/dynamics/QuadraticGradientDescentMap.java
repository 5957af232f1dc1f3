package netdyn.dynamics;

import java.util.Arrays;

import netdyn.curvature.HessianSpectrum;
import netdyn.rng.Seeds;
import netdyn.rng.SplitMix64;

/**
 * Gradient descent on the quadratic loss L(θ) = ½ θᵀAθ with a symmetric n×n matrix A:
 * θ ← θ − η A θ, the exactly solvable model of training (SCIENCE.md §5).
 *
 * <p>The map is linear, so its tangent map is v ← v − η A v at every θ, and its Lyapunov exponents
 * are exactly ln |1 − η a_i| per step (natural log) for the eigenvalues a_i of A — the known answer
 * for every spectrum estimator. The eigenvalues are computed once, when the map is built, with
 * EJML's symmetric eigensolver; {@link #logAbsDetJacobian} is then the constant
 * Σ ln |1 − η a_i|. An eigenvalue a_i = 1/η makes the map singular and that exponent −∞.
 *
 * <p>A is stored as (A + Aᵀ)/2, which is the Hessian of ½ θᵀAθ even for a slightly asymmetric A;
 * the constructors reject an A that is not symmetric to rounding (relative 1e-12), since that is
 * more likely a wrong matrix than an intended one.
 *
 * <p>Stateless and thread-safe. Cost: n² multiply-adds per step and per tangent vector.
 */
public final class QuadraticGradientDescentMap implements DiscreteMap {
    private static final double SYMMETRY_TOLERANCE = 1e-12;

    private final int n;
    private final double[] matrix; // row-major n×n, exactly symmetric
    private final double learningRate;
    private final double[] eigenvalues; // descending
    private final double logAbsDet;

    /**
     * @param matrix       A, a symmetric square matrix of finite numbers (copied)
     * @param learningRate η, a finite number &gt; 0
     */
    public QuadraticGradientDescentMap(double[][] matrix, double learningRate) {
        this(matrix.length, flatten(matrix), learningRate);
    }

    /**
     * @param n            the dimension
     * @param matrix       A as n·n numbers in row-major order, symmetric and finite (copied)
     * @param learningRate η, a finite number &gt; 0
     */
    public QuadraticGradientDescentMap(int n, double[] matrix, double learningRate) {
        if (n < 1) {
            throw new IllegalArgumentException("the dimension must be >= 1 (got " + n + ")");
        }
        if (matrix.length != (long) n * n) {
            throw new IllegalArgumentException("a " + n + "×" + n + " matrix needs " + (long) n * n
                    + " numbers (got " + matrix.length + ")");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be a finite number > 0 (got " + learningRate
                    + ")");
        }
        this.n = n;
        this.learningRate = learningRate;
        this.matrix = symmetrized(n, matrix);
        this.eigenvalues = HessianSpectrum.symmetricEigenvalues(this.matrix.clone(), n);
        double sum = 0;
        for (double a : eigenvalues) {
            sum += Math.log(Math.abs(1 - learningRate * a));
        }
        this.logAbsDet = sum;
    }

    /**
     * A = Q diag(eigenvalues) Qᵀ with Q a random orthogonal matrix, Haar-distributed: the Gram–Schmidt
     * orthonormalisation (done twice, for orthogonality to rounding) of an n×n matrix of standard
     * normals drawn row by row from {@code Seeds.generator(seed, "quadratic-basis")}.
     *
     * @param eigenvalues  the spectrum a_1..a_n of A, finite
     * @param seed         fixes Q
     * @param learningRate η, a finite number &gt; 0
     */
    public static QuadraticGradientDescentMap withEigenvalues(double[] eigenvalues, long seed, double learningRate) {
        int n = eigenvalues.length;
        if (n < 1) {
            throw new IllegalArgumentException("at least one eigenvalue is needed");
        }
        for (double a : eigenvalues) {
            if (!Double.isFinite(a)) {
                throw new IllegalArgumentException("eigenvalues must be finite (got " + a + ")");
            }
        }
        double[] q = randomOrthogonal(n, Seeds.generator(seed, "quadratic-basis"));
        double[] a = new double[n * n];
        // only the upper triangle is summed, then mirrored, so A is exactly symmetric
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += q[i * n + k] * eigenvalues[k] * q[j * n + k];
                }
                a[i * n + j] = s;
                a[j * n + i] = s;
            }
        }
        return new QuadraticGradientDescentMap(n, a, learningRate);
    }

    /**
     * A random positive definite quadratic whose largest eigenvalue (the sharpness) is exactly
     * {@code spread}: a_1 = spread and a_i = spread · (1 − u_i) for i = 2..n, with u_2, u_3, ... the
     * successive {@link SplitMix64#nextDouble()} draws of {@code Seeds.generator(seed,
     * "quadratic-spectrum")}, so every eigenvalue lies in (0, spread]; then A is built in a random
     * basis as by {@link #withEigenvalues}. The map is stable exactly when η · spread &lt; 2, and
     * random eigenvalues avoid the coincidences of a regular grid (an a_i = 1/η, or pairs with
     * |1 − η a_i| = |1 − η a_j|). The exponents are ln |1 − η a_i|, from {@link #exponents()}.
     *
     * @param n            the dimension, &gt;= 1
     * @param seed         fixes the spectrum and the basis
     * @param spread       the largest eigenvalue, a finite number &gt; 0
     * @param learningRate η, a finite number &gt; 0
     */
    public static QuadraticGradientDescentMap random(int n, long seed, double spread, double learningRate) {
        if (n < 1) {
            throw new IllegalArgumentException("the dimension must be >= 1 (got " + n + ")");
        }
        if (!(spread > 0) || Double.isInfinite(spread)) {
            throw new IllegalArgumentException("spread must be a finite number > 0 (got " + spread + ")");
        }
        SplitMix64 rng = Seeds.generator(seed, "quadratic-spectrum");
        double[] eigenvalues = new double[n];
        eigenvalues[0] = spread;
        for (int i = 1; i < n; i++) {
            eigenvalues[i] = spread * (1 - rng.nextDouble());
        }
        return withEigenvalues(eigenvalues, seed, learningRate);
    }

    public double learningRate() {
        return learningRate;
    }

    /** The eigenvalues of A, descending, as computed when the map was built. */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** The exact Lyapunov exponents ln |1 − η a_i| per step, descending. */
    public double[] exponents() {
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = Math.log(Math.abs(1 - learningRate * eigenvalues[i]));
        }
        return HessianSpectrum.sortDescending(e);
    }

    /** A copy of A (the symmetrised matrix the map uses). */
    public double[][] matrix() {
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = Arrays.copyOfRange(matrix, i * n, (i + 1) * n);
        }
        return m;
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public void step(long t, double[] x, double[] out) {
        gradientStep(x, 0, out, 0);
    }

    @Override
    public void tangent(long t, double[] x, double[] v, double[] out) {
        gradientStep(v, 0, out, 0);
    }

    @Override
    public void tangentBlock(long t, double[] x, double[] vs, int k, double[] out) {
        for (int r = 0; r < k; r++) {
            gradientStep(vs, r * n, out, r * n);
        }
    }

    /** out[oo..oo+n) = x − η A x for x = x[xo..xo+n); the map and its tangent are the same linear map. */
    private void gradientStep(double[] x, int xo, double[] out, int oo) {
        for (int i = 0; i < n; i++) {
            double ax = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                ax += matrix[row + j] * x[xo + j];
            }
            out[oo + i] = x[xo + i] - learningRate * ax;
        }
    }

    @Override
    public double logAbsDetJacobian(long t, double[] x) {
        return logAbsDet;
    }

    private static double[] flatten(double[][] m) {
        int n = m.length;
        double[] flat = new double[n * n];
        for (int i = 0; i < n; i++) {
            if (m[i].length != n) {
                throw new IllegalArgumentException("the matrix must be square: it has " + n + " rows but row " + i
                        + " has " + m[i].length + " entries");
            }
            System.arraycopy(m[i], 0, flat, i * n, n);
        }
        return flat;
    }

    private static double[] symmetrized(int n, double[] a) {
        double scale = 0;
        for (int i = 0; i < n * n; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException("the matrix must be finite (a[" + i / n + "][" + i % n + "] = "
                        + a[i] + ")");
            }
            scale = Math.max(scale, Math.abs(a[i]));
        }
        double[] s = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double aij = a[i * n + j];
                double aji = a[j * n + i];
                if (Math.abs(aij - aji) > SYMMETRY_TOLERANCE * scale) {
                    throw new IllegalArgumentException("the matrix must be symmetric (a[" + i + "][" + j + "] = " + aij
                            + " but a[" + j + "][" + i + "] = " + aji + ")");
                }
                double mean = (aij + aji) / 2;
                s[i * n + j] = mean;
                s[j * n + i] = mean;
            }
        }
        return s;
    }

    /** Row-major n×n orthogonal Q: columns from two passes of modified Gram–Schmidt on normals. */
    private static double[] randomOrthogonal(int n, SplitMix64 rng) {
        double[] q = new double[n * n];
        for (int i = 0; i < n * n; i++) {
            q[i] = rng.nextGaussian();
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int c = 0; c < n; c++) {
                for (int p = 0; p < c; p++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += q[i * n + p] * q[i * n + c];
                    }
                    for (int i = 0; i < n; i++) {
                        q[i * n + c] -= dot * q[i * n + p];
                    }
                }
                double norm = 0;
                for (int i = 0; i < n; i++) {
                    norm += q[i * n + c] * q[i * n + c];
                }
                norm = Math.sqrt(norm);
                for (int i = 0; i < n; i++) {
                    q[i * n + c] /= norm;
                }
            }
        }
        return q;
    }
}
