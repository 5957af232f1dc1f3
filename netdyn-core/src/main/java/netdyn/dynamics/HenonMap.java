package netdyn.dynamics;

/**
 * The Hénon map (x, y) ← (1 − a x² + y, b x).
 *
 * <p>Jacobian [[−2ax, 1], [b, 0]] with constant determinant −b, so ln |det DF| = ln |b|. Classic
 * parameters a = 1.4, b = 0.3: a strange attractor with Lyapunov exponents 0.41922 and −1.62319
 * per step (natural log; their sum is ln 0.3). Orbits outside the basin escape to infinity; the
 * estimators catch the non-finite state.
 *
 * <p>Stateless and thread-safe. Cost: 5 flops per step, 3 per tangent vector.
 *
 * <p>Reference: M. Hénon, "A two-dimensional mapping with a strange attractor", Commun. Math. Phys.
 * 50, 69–77 (1976), doi:10.1007/BF01608556. Exponents: J. C. Sprott, Chaos and Time-Series
 * Analysis, Oxford University Press (2003), appendix A.
 */
public final class HenonMap extends HenonFamilyMap {
    public static final double CLASSIC_A = 1.4;
    public static final double CLASSIC_B = 0.3;

    /** The classic a = 1.4, b = 0.3. */
    public HenonMap() {
        this(CLASSIC_A, CLASSIC_B);
    }

    /**
     * @param a the nonlinearity, a finite number
     * @param b the contraction (the Jacobian's determinant is −b), a finite number
     */
    public HenonMap(double a, double b) {
        super(a, b);
    }

    @Override
    double f(double x) {
        return a * x * x;
    }

    @Override
    double fPrime(double x) {
        return 2 * a * x;
    }
}
