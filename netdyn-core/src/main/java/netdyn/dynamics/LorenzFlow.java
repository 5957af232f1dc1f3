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
public final class LorenzFlow extends Rk4Flow {
    public static final double CLASSIC_SIGMA = 10;
    public static final double CLASSIC_RHO = 28;
    public static final double CLASSIC_BETA = 8.0 / 3;
    public static final double DEFAULT_DT = 0.01;

    private final double sigma;
    private final double rho;
    private final double beta;

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
        super(dt);
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
    void field(double[] p, int po, double[] out, int o) {
        double x = p[po];
        double y = p[po + 1];
        double z = p[po + 2];
        out[o] = sigma * (y - x);
        out[o + 1] = x * (rho - z) - y;
        out[o + 2] = x * y - beta * z;
    }

    @Override
    void fieldTangent(double[] p, int po, double[] w, int wo, double[] out, int o) {
        double x = p[po];
        double y = p[po + 1];
        double z = p[po + 2];
        double w0 = w[wo];
        double w1 = w[wo + 1];
        double w2 = w[wo + 2];
        out[o] = sigma * (w1 - w0);
        out[o + 1] = (rho - z) * w0 - w1 - x * w2;
        out[o + 2] = y * w0 + x * w1 - beta * w2;
    }
}
