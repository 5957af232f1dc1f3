package netdyn.dynamics;

/**
 * The Rössler flow ẋ = −y − z, ẏ = x + a y, ż = b + z (x − c), sampled as the time-Δt map of one
 * classical fourth-order Runge–Kutta step.
 *
 * <p>The step is x' = x + Δt/6 (k₁ + 2k₂ + 2k₃ + k₄) with k₁ = f(x), k₂ = f(x + Δt/2 k₁),
 * k₃ = f(x + Δt/2 k₂), k₄ = f(x + Δt k₃). The tangent map is the exact derivative of that step
 * (not of the flow): with J = Df = [[0, −1, −1], [1, a, 0], [z, 0, x − c]] evaluated at each stage
 * point, dk₁ = J(x) v, dk₂ = J(x + Δt/2 k₁)(v + Δt/2 dk₁), dk₃ = J(x + Δt/2 k₂)(v + Δt/2 dk₂),
 * dk₄ = J(x + Δt k₃)(v + Δt dk₃), v' = v + Δt/6 (dk₁ + 2dk₂ + 2dk₃ + dk₄). So the Lyapunov spectrum of
 * this map is that of the RK4 scheme, which converges to the flow's as Δt → 0.
 * {@link #logAbsDetJacobian} is ln |det| of the 3×3 step Jacobian built from three tangent
 * vectors; it approximates the flow's ∫ (a + x − c) dt over the step.
 *
 * <p>Classic parameters a = 0.2, b = 0.2, c = 5.7 with Δt = 0.01: Lyapunov exponents 0.0714, 0
 * and −5.3943 per unit time (natural log; divide exponents per step by {@link #timePerStep()}).
 * The attractor turns once in about 6 time units (600 steps).
 *
 * <p>Holds a small workspace: not thread-safe. Cost: 4 field evaluations (≈ 25 flops) per step
 * and per tangent block, then ≈ 70 flops per tangent vector.
 *
 * <p>Reference: O. E. Rössler, "An equation for continuous chaos", Phys. Lett. A 57, 397–398
 * (1976), doi:10.1016/0375-9601(76)90101-8. Exponents: J. C. Sprott, Chaos and Time-Series
 * Analysis, Oxford University Press (2003), appendix A.
 */
public final class RosslerFlow extends Rk4Flow {
    public static final double CLASSIC_A = 0.2;
    public static final double CLASSIC_B = 0.2;
    public static final double CLASSIC_C = 5.7;
    public static final double DEFAULT_DT = 0.01;

    private final double a;
    private final double b;
    private final double c;

    /** The classic a = 0.2, b = 0.2, c = 5.7 with Δt = 0.01. */
    public RosslerFlow() {
        this(CLASSIC_A, CLASSIC_B, CLASSIC_C, DEFAULT_DT);
    }

    /**
     * @param a  the feedback of y on itself, a finite number
     * @param b  the constant drive of z, a finite number
     * @param c  the threshold of z's growth, a finite number
     * @param dt the integration step Δt, a finite number &gt; 0
     */
    public RosslerFlow(double a, double b, double c, double dt) {
        super(dt);
        if (!Double.isFinite(a) || !Double.isFinite(b) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("a, b and c must be finite numbers (got a = " + a + ", b = " + b
                    + ", c = " + c + ")");
        }
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("dt must be a finite number > 0 (got " + dt + ")");
        }
        this.a = a;
        this.b = b;
        this.c = c;
    }

    public double a() {
        return a;
    }

    public double b() {
        return b;
    }

    public double c() {
        return c;
    }

    @Override
    void field(double[] p, int po, double[] out, int o) {
        double x = p[po];
        double y = p[po + 1];
        double z = p[po + 2];
        out[o] = -y - z;
        out[o + 1] = x + a * y;
        out[o + 2] = b + z * (x - c);
    }

    @Override
    void fieldTangent(double[] p, int po, double[] w, int wo, double[] out, int o) {
        double x = p[po];
        double z = p[po + 2];
        double w0 = w[wo];
        double w1 = w[wo + 1];
        double w2 = w[wo + 2];
        out[o] = -w1 - w2;
        out[o + 1] = w0 + a * w1;
        out[o + 2] = z * w0 + (x - c) * w2;
    }
}
