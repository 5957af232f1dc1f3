package netdyn.dynamics;

/**
 * Maps (x, y) ← (1 − f(x) + y, b x) of the Hénon family, f(x) = a x² (Hénon) or a |x| (Lozi): the same
 * parameters, Jacobian [[−f'(x), 1], [b, 0]] and constant ln |det DF| = ln |b|; a subclass gives f and f'.
 * Stateless and thread-safe.
 */
abstract class HenonFamilyMap implements DiscreteMap {
    protected final double a;
    protected final double b;

    HenonFamilyMap(double a, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("a and b must be finite numbers (got a = " + a + ", b = " + b + ")");
        }
        this.a = a;
        this.b = b;
    }

    /** f(x), the nonlinear term. */
    abstract double f(double x);

    /** f'(x). */
    abstract double fPrime(double x);

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
        out[0] = 1 - f(x0) + y0;
        out[1] = b * x0;
    }

    @Override
    public void tangent(long t, double[] x, double[] v, double[] out) {
        tangentBlock(t, x, v, 1, out);
    }

    @Override
    public void tangentBlock(long t, double[] x, double[] vs, int k, double[] out) {
        PlanarJacobian.apply(-fPrime(x[0]), 1, b, 0, vs, k, out);
    }

    @Override
    public double logAbsDetJacobian(long t, double[] x) {
        return Math.log(Math.abs(b));
    }
}
