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
public final class HenonMap implements DiscreteMap {
    public static final double CLASSIC_A = 1.4;
    public static final double CLASSIC_B = 0.3;

    private final double a;
    private final double b;

    /** The classic a = 1.4, b = 0.3. */
    public HenonMap() {
        this(CLASSIC_A, CLASSIC_B);
    }

    /**
     * @param a the nonlinearity, a finite number
     * @param b the contraction (the Jacobian's determinant is −b), a finite number
     */
    public HenonMap(double a, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("a and b must be finite numbers (got a = " + a + ", b = " + b + ")");
        }
        this.a = a;
        this.b = b;
    }

    public double a() {
        return a;
    }

    public double b() {
        return b;
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public void step(long t, double[] x, double[] out) {
        double x0 = x[0];
        double y0 = x[1];
        out[0] = 1 - a * x0 * x0 + y0;
        out[1] = b * x0;
    }

    @Override
    public void tangent(long t, double[] x, double[] v, double[] out) {
        tangentBlock(t, x, v, 1, out);
    }

    @Override
    public void tangentBlock(long t, double[] x, double[] vs, int k, double[] out) {
        PlanarJacobian.apply(-2 * a * x[0], 1, b, 0, vs, k, out);
    }

    @Override
    public double logAbsDetJacobian(long t, double[] x) {
        return Math.log(Math.abs(b));
    }
}
