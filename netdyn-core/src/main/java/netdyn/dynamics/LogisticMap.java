package netdyn.dynamics;

/**
 * The logistic map x ← r x (1 − x), the one-dimensional reference system.
 *
 * <p>Jacobian r (1 − 2x), so ln |det DF(x)| = ln |r (1 − 2x)| (−∞ at x = ½). For 0 &lt; r ≤ 4 the
 * interval [0, 1] is invariant; from outside it the orbit escapes to −∞ for every r &gt; 0, which is
 * what {@link #domainViolation} reports. Classic parameter r = 4 (fully chaotic): Lyapunov exponent
 * ln 2 = 0.693147 per step (natural log). For 1 &lt; r &lt; 3 it is ln |2 − r| (stable fixed point).
 *
 * <p>Stateless and thread-safe. Cost: 3 flops per step, 2 per tangent vector.
 *
 * <p>Reference: R. M. May, "Simple mathematical models with very complicated dynamics", Nature 261,
 * 459–467 (1976), doi:10.1038/261459a0.
 */
public final class LogisticMap implements DiscreteMap {
    public static final double CLASSIC_R = 4;

    private final double r;

    /** The classic r = 4. */
    public LogisticMap() {
        this(CLASSIC_R);
    }

    /** @param r the growth rate, a finite number &gt; 0 */
    public LogisticMap(double r) {
        if (!(r > 0) || Double.isInfinite(r)) {
            throw new IllegalArgumentException("r must be a finite number > 0 (got " + r + ")");
        }
        this.r = r;
    }

    public double r() {
        return r;
    }

    @Override
    public int dimension() {
        return 1;
    }

    @Override
    public void step(long t, double[] x, double[] out) {
        out[0] = r * x[0] * (1 - x[0]);
    }

    @Override
    public void tangent(long t, double[] x, double[] v, double[] out) {
        out[0] = r * (1 - 2 * x[0]) * v[0];
    }

    @Override
    public void tangentBlock(long t, double[] x, double[] vs, int k, double[] out) {
        double slope = r * (1 - 2 * x[0]);
        for (int i = 0; i < k; i++) {
            out[i] = slope * vs[i];
        }
    }

    @Override
    public double logAbsDetJacobian(long t, double[] x) {
        return Math.log(Math.abs(r * (1 - 2 * x[0])));
    }

    @Override
    public String domainViolation(double[] x) {
        return x[0] >= 0 && x[0] <= 1 ? null
                : "x = " + x[0] + " is outside [0, 1]; the logistic map's orbit escapes to -infinity from there";
    }
}
