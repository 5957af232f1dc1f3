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
public final class RosslerFlow implements DiscreteMap {
    public static final double CLASSIC_A = 0.2;
    public static final double CLASSIC_B = 0.2;
    public static final double CLASSIC_C = 5.7;
    public static final double DEFAULT_DT = 0.01;

    /** Stage offsets of RK4 stages 2–4 in units of Δt (stage 1 is at x itself). */
    private static final double[] NODES = {0.5, 0.5, 1};
    private static final double[] IDENTITY = {1, 0, 0, 0, 1, 0, 0, 0, 1};

    private final double a;
    private final double b;
    private final double c;
    private final double dt;
    // stage s occupies [3s, 3s + 3) of each: its point, its slope f(point), and the slope's tangent
    private final double[] points = new double[12];
    private final double[] slopes = new double[12];
    private final double[] tangentSlopes = new double[12];
    private final double[] stageVector = new double[3];
    private final double[] jacobian = new double[9];

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
        this.dt = dt;
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
    public int dimension() {
        return 3;
    }

    @Override
    public double timePerStep() {
        return dt;
    }

    @Override
    public void step(long t, double[] x, double[] out) {
        stages(x);
        for (int i = 0; i < 3; i++) {
            out[i] = x[i] + dt / 6 * (slopes[i] + 2 * slopes[3 + i] + 2 * slopes[6 + i] + slopes[9 + i]);
        }
    }

    @Override
    public void tangent(long t, double[] x, double[] v, double[] out) {
        tangentBlock(t, x, v, 1, out);
    }

    /** The stage points are computed once and shared by the k vectors. */
    @Override
    public void tangentBlock(long t, double[] x, double[] vs, int k, double[] out) {
        stages(x);
        for (int r = 0; r < k; r++) {
            int o = 3 * r;
            fieldTangent(0, vs, o);
            for (int s = 1; s < 4; s++) {
                double h = NODES[s - 1] * dt;
                for (int i = 0; i < 3; i++) {
                    stageVector[i] = vs[o + i] + h * tangentSlopes[3 * (s - 1) + i];
                }
                fieldTangent(3 * s, stageVector, 0);
            }
            for (int i = 0; i < 3; i++) {
                out[o + i] = vs[o + i] + dt / 6 * (tangentSlopes[i] + 2 * tangentSlopes[3 + i]
                        + 2 * tangentSlopes[6 + i] + tangentSlopes[9 + i]);
            }
        }
    }

    @Override
    public double logAbsDetJacobian(long t, double[] x) {
        // rows of the result are the Jacobian's columns; the transpose has the same determinant
        tangentBlock(t, x, IDENTITY, 3, jacobian);
        double[] j = jacobian;
        double det = j[0] * (j[4] * j[8] - j[5] * j[7]) - j[1] * (j[3] * j[8] - j[5] * j[6])
                + j[2] * (j[3] * j[7] - j[4] * j[6]);
        return Math.log(Math.abs(det));
    }

    /** Fills the four stage points and their slopes for a step from x. */
    private void stages(double[] x) {
        System.arraycopy(x, 0, points, 0, 3);
        field(0);
        for (int s = 1; s < 4; s++) {
            double h = NODES[s - 1] * dt;
            for (int i = 0; i < 3; i++) {
                points[3 * s + i] = x[i] + h * slopes[3 * (s - 1) + i];
            }
            field(3 * s);
        }
    }

    /** slopes[o..o+3) = f(points[o..o+3)). */
    private void field(int o) {
        double x = points[o];
        double y = points[o + 1];
        double z = points[o + 2];
        slopes[o] = -y - z;
        slopes[o + 1] = x + a * y;
        slopes[o + 2] = b + z * (x - c);
    }

    /** tangentSlopes[o..o+3) = Df(points[o..o+3)) w[wo..wo+3). */
    private void fieldTangent(int o, double[] w, int wo) {
        double x = points[o];
        double z = points[o + 2];
        double w0 = w[wo];
        double w1 = w[wo + 1];
        double w2 = w[wo + 2];
        tangentSlopes[o] = -w1 - w2;
        tangentSlopes[o + 1] = w0 + a * w1;
        tangentSlopes[o + 2] = z * w0 + (x - c) * w2;
    }
}
