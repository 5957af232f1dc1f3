package netdyn.dynamics;

/**
 * The Lorenz flow ẋ = σ (y − x), ẏ = x (ρ − z) − y, ż = x y − β z, sampled as the time-Δt map of
 * one classical fourth-order Runge–Kutta step.
 *
 * <p>The step is x' = x + Δt/6 (k₁ + 2k₂ + 2k₃ + k₄) with k₁ = f(x), k₂ = f(x + Δt/2 k₁),
 * k₃ = f(x + Δt/2 k₂), k₄ = f(x + Δt k₃). The tangent map is the exact derivative of that step
 * (not of the flow): with J = Df = [[−σ, σ, 0], [ρ − z, −1, −x], [y, x, −β]] evaluated at each
 * stage point, dk₁ = J(x) v, dk₂ = J(x + Δt/2 k₁)(v + Δt/2 dk₁), dk₃ = J(x + Δt/2 k₂)(v + Δt/2 dk₂),
 * dk₄ = J(x + Δt k₃)(v + Δt dk₃), v' = v + Δt/6 (dk₁ + 2dk₂ + 2dk₃ + dk₄). So the Lyapunov spectrum of
 * this map is that of the RK4 scheme, which converges to the flow's as Δt → 0.
 * {@link #logAbsDetJacobian} is ln |det| of the 3×3 step Jacobian built from three tangent
 * vectors; it approximates the flow's −(σ + 1 + β) Δt to O(Δt⁵).
 *
 * <p>Classic parameters σ = 10, ρ = 28, β = 8/3 with Δt = 0.01: Lyapunov exponents 0.9056, 0 and
 * −14.5723 per unit time (natural log; divide exponents per step by {@link #timePerStep()}).
 *
 * <p>Holds a small workspace: not thread-safe. Cost: 4 field evaluations (≈ 40 flops) per step
 * and per tangent block, then ≈ 80 flops per tangent vector.
 *
 * <p>Reference: E. N. Lorenz, "Deterministic nonperiodic flow", J. Atmos. Sci. 20, 130–141 (1963),
 * doi:10.1175/1520-0469(1963)020&lt;0130:DNF&gt;2.0.CO;2. Exponents: J. C. Sprott, Chaos and
 * Time-Series Analysis, Oxford University Press (2003), appendix A.
 */
public final class LorenzFlow implements DiscreteMap {
    public static final double CLASSIC_SIGMA = 10;
    public static final double CLASSIC_RHO = 28;
    public static final double CLASSIC_BETA = 8.0 / 3;
    public static final double DEFAULT_DT = 0.01;

    /** Stage offsets of RK4 stages 2–4 in units of Δt (stage 1 is at x itself). */
    private static final double[] NODES = {0.5, 0.5, 1};
    private static final double[] IDENTITY = {1, 0, 0, 0, 1, 0, 0, 0, 1};

    private final double sigma;
    private final double rho;
    private final double beta;
    private final double dt;
    // stage s occupies [3s, 3s + 3) of each: its point, its slope f(point), and the slope's tangent
    private final double[] points = new double[12];
    private final double[] slopes = new double[12];
    private final double[] tangentSlopes = new double[12];
    private final double[] stageVector = new double[3];
    private final double[] jacobian = new double[9];

    /** The classic σ = 10, ρ = 28, β = 8/3 with Δt = 0.01. */
    public LorenzFlow() {
        this(CLASSIC_SIGMA, CLASSIC_RHO, CLASSIC_BETA, DEFAULT_DT);
    }

    /**
     * @param sigma the Prandtl number σ, a finite number
     * @param rho   the Rayleigh number ρ, a finite number
     * @param beta  the geometric factor β, a finite number
     * @param dt    the integration step Δt, a finite number &gt; 0
     */
    public LorenzFlow(double sigma, double rho, double beta, double dt) {
        if (!Double.isFinite(sigma) || !Double.isFinite(rho) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("sigma, rho and beta must be finite numbers (got sigma = " + sigma
                    + ", rho = " + rho + ", beta = " + beta + ")");
        }
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("dt must be a finite number > 0 (got " + dt + ")");
        }
        this.sigma = sigma;
        this.rho = rho;
        this.beta = beta;
        this.dt = dt;
    }

    public double sigma() {
        return sigma;
    }

    public double rho() {
        return rho;
    }

    public double beta() {
        return beta;
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
        slopes[o] = sigma * (y - x);
        slopes[o + 1] = x * (rho - z) - y;
        slopes[o + 2] = x * y - beta * z;
    }

    /** tangentSlopes[o..o+3) = Df(points[o..o+3)) w[wo..wo+3). */
    private void fieldTangent(int o, double[] w, int wo) {
        double x = points[o];
        double y = points[o + 1];
        double z = points[o + 2];
        double w0 = w[wo];
        double w1 = w[wo + 1];
        double w2 = w[wo + 2];
        tangentSlopes[o] = sigma * (w1 - w0);
        tangentSlopes[o + 1] = (rho - z) * w0 - w1 - x * w2;
        tangentSlopes[o + 2] = y * w0 + x * w1 - beta * w2;
    }
}
