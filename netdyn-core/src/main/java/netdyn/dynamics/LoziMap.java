package netdyn.dynamics;

/**
 * The Lozi map (x, y) ← (1 − a |x| + y, b x), the piecewise-linear Hénon map.
 *
 * <p>Jacobian [[−a sgn x, 1], [b, 0]] (sgn 0 taken as +1; the kink x = 0 is met with probability
 * zero) with constant determinant −b, so ln |det DF| = ln |b|. Classic parameters a = 1.7,
 * b = 0.5: Lyapunov exponents 0.4703 and −1.1634 per step (natural log; sum ln 0.5).
 *
 * <p>Stateless and thread-safe. Cost: 4 flops per step, 3 per tangent vector.
 *
 * <p>Reference: R. Lozi, "Un attracteur étrange (?) du type attracteur de Hénon", J. Phys. Colloques
 * 39, C5-9–C5-10 (1978), doi:10.1051/jphyscol:1978505. Exponents: J. C. Sprott, Chaos and
 * Time-Series Analysis, Oxford University Press (2003), appendix A.
 */
public final class LoziMap implements DiscreteMap {
    public static final double CLASSIC_A = 1.7;
    public static final double CLASSIC_B = 0.5;

    private final double a;
    private final double b;

    /** The classic a = 1.7, b = 0.5. */
    public LoziMap() {
        this(CLASSIC_A, CLASSIC_B);
    }

    /**
     * @param a the slope of the tent, a finite number
     * @param b the contraction (the Jacobian's determinant is −b), a finite number
     */
    public LoziMap(double a, double b) {
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
        out[0] = 1 - a * Math.abs(x0) + y0;
        out[1] = b * x0;
    }

    @Override
    public void tangent(long t, double[] x, double[] v, double[] out) {
        tangentBlock(t, x, v, 1, out);
    }

    @Override
    public void tangentBlock(long t, double[] x, double[] vs, int k, double[] out) {
        PlanarJacobian.apply(x[0] < 0 ? a : -a, 1, b, 0, vs, k, out);
    }

    @Override
    public double logAbsDetJacobian(long t, double[] x) {
        return Math.log(Math.abs(b));
    }
}
