package netdyn.dynamics;

/**
 * The Ikeda map of a light pulse in a ring cavity, in its real two-dimensional form:
 * φ = 0.4 − 6 / (1 + x² + y²), (x, y) ← (1 + u (x cos φ − y sin φ), u (x sin φ + y cos φ)).
 *
 * <p>Writing A = x cos φ − y sin φ, B = x sin φ + y cos φ and φ_x = 12x / (1 + x² + y²)²,
 * φ_y = 12y / (1 + x² + y²)², the Jacobian is u [[cos φ − B φ_x, −sin φ − B φ_y],
 * [sin φ + A φ_x, cos φ + A φ_y]], whose determinant simplifies to u² (1 + x φ_y − y φ_x) = u²:
 * ln |det DF| = 2 ln |u| everywhere. Classic parameter u = 0.9: a strange attractor with Lyapunov
 * exponents 0.5076 and −0.7183 per step (natural log; sum 2 ln 0.9).
 *
 * <p>Sine and cosine come from {@link StrictMath} so that orbits are bit-identical on every JVM
 * and platform. Stateless and thread-safe. Cost: one sine and one cosine per step and per tangent
 * block, then 6 flops per tangent vector.
 *
 * <p>Reference: K. Ikeda, "Multiple-valued stationary state and its instability of the transmitted
 * light by a ring cavity system", Opt. Commun. 30, 257–261 (1979),
 * doi:10.1016/0030-4018(79)90090-7. Exponents: J. C. Sprott, Chaos and Time-Series Analysis,
 * Oxford University Press (2003), appendix A.
 */
public final class IkedaMap implements DiscreteMap {
    public static final double CLASSIC_U = 0.9;

    private final double u;

    /** The classic u = 0.9. */
    public IkedaMap() {
        this(CLASSIC_U);
    }

    /** @param u the cavity's round-trip gain, a finite number */
    public IkedaMap(double u) {
        if (!Double.isFinite(u)) {
            throw new IllegalArgumentException("u must be a finite number (got " + u + ")");
        }
        this.u = u;
    }

    public double u() {
        return u;
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public void step(long t, double[] x, double[] out) {
        double x0 = x[0];
        double y0 = x[1];
        double phase = 0.4 - 6 / (1 + x0 * x0 + y0 * y0);
        double c = StrictMath.cos(phase);
        double s = StrictMath.sin(phase);
        out[0] = 1 + u * (x0 * c - y0 * s);
        out[1] = u * (x0 * s + y0 * c);
    }

    @Override
    public void tangent(long t, double[] x, double[] v, double[] out) {
        tangentBlock(t, x, v, 1, out);
    }

    @Override
    public void tangentBlock(long t, double[] x, double[] vs, int k, double[] out) {
        double x0 = x[0];
        double y0 = x[1];
        double q = 1 + x0 * x0 + y0 * y0;
        double phase = 0.4 - 6 / q;
        double c = StrictMath.cos(phase);
        double s = StrictMath.sin(phase);
        double phaseX = 12 * x0 / (q * q);
        double phaseY = 12 * y0 / (q * q);
        double rotA = x0 * c - y0 * s;
        double rotB = x0 * s + y0 * c;
        double j00 = u * (c - rotB * phaseX);
        double j01 = u * (-s - rotB * phaseY);
        double j10 = u * (s + rotA * phaseX);
        double j11 = u * (c + rotA * phaseY);
        PlanarJacobian.apply(j00, j01, j10, j11, vs, k, out);
    }

    @Override
    public double logAbsDetJacobian(long t, double[] x) {
        return 2 * Math.log(Math.abs(u));
    }
}
