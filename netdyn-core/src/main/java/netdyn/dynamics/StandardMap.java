package netdyn.dynamics;

/**
 * The Chirikov standard map (kicked rotor) on the torus [0, 2π)²: with state (θ, p),
 * p' = p + K sin θ, θ' = θ + p', both taken mod 2π.
 *
 * <p>Jacobian [[1 + K cos θ, 1], [K cos θ, 1]] in the order (θ, p); it is area-preserving,
 * det DF = 1 and ln |det DF| = 0, so the two Lyapunov exponents are ±λ. Classic parameter K = 6,
 * well above the break-up of the last invariant circle (K ≈ 0.9716), where the chaotic sea fills
 * almost the whole torus and λ ≈ 1.138 per step (natural log; the large-K estimate ln(K/2) gives
 * 1.099).
 *
 * <p>The step accepts any real state and returns one reduced into [0, 2π); the reduction is the
 * identity on the torus, so the tangent map ignores it. Sines and cosines come from
 * {@link StrictMath} so that orbits are bit-identical on every JVM and platform. Stateless and
 * thread-safe. Cost: one sine per step, one cosine per tangent block, 4 flops per tangent vector.
 *
 * <p>Reference: B. V. Chirikov, "A universal instability of many-dimensional oscillator systems",
 * Phys. Rep. 52, 263–379 (1979), doi:10.1016/0370-1573(79)90023-1.
 */
public final class StandardMap implements DiscreteMap {
    public static final double CLASSIC_K = 6;
    static final double TWO_PI = 2 * Math.PI;

    private final double k;

    /** The classic K = 6. */
    public StandardMap() {
        this(CLASSIC_K);
    }

    /** @param k the kick strength K, a finite number */
    public StandardMap(double k) {
        if (!Double.isFinite(k)) {
            throw new IllegalArgumentException("k must be a finite number (got " + k + ")");
        }
        this.k = k;
    }

    public double k() {
        return k;
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public void step(long t, double[] x, double[] out) {
        double theta = x[0];
        double p = x[1] + k * StrictMath.sin(theta);
        out[0] = wrap(theta + p);
        out[1] = wrap(p);
    }

    /** a mod 2π in [0, 2π). */
    static double wrap(double a) {
        double r = a % TWO_PI; // exact (IEEE remainder truncated towards zero)
        if (r < 0) {
            r += TWO_PI;
        }
        // a tiny negative r rounds up to 2π itself, which is 0 on the torus
        return r < TWO_PI ? r : 0;
    }

    @Override
    public void tangent(long t, double[] x, double[] v, double[] out) {
        tangentBlock(t, x, v, 1, out);
    }

    @Override
    public void tangentBlock(long t, double[] x, double[] vs, int count, double[] out) {
        double kc = k * StrictMath.cos(x[0]);
        for (int r = 0; r < count; r++) {
            double dTheta = vs[2 * r];
            double dp = vs[2 * r + 1] + kc * dTheta;
            out[2 * r] = dTheta + dp;
            out[2 * r + 1] = dp;
        }
    }

    @Override
    public double logAbsDetJacobian(long t, double[] x) {
        return 0;
    }
}
