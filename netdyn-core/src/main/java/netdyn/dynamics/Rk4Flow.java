package netdyn.dynamics;

/**
 * A flow ẋ = f(x) on R³ sampled as the time-Δt map of one classical fourth-order Runge–Kutta
 * step: the machinery shared by {@link LorenzFlow} and {@link RosslerFlow}, which give only the
 * vector field f and its Jacobian-vector product Df(x) w.
 *
 * <p>The step is x' = x + Δt/6 (k₁ + 2k₂ + 2k₃ + k₄) with k₁ = f(x), k₂ = f(x + Δt/2 k₁),
 * k₃ = f(x + Δt/2 k₂), k₄ = f(x + Δt k₃). The tangent map is the exact derivative of that step
 * (not of the flow): with J = Df evaluated at each stage point, dk₁ = J(x) v,
 * dk₂ = J(x + Δt/2 k₁)(v + Δt/2 dk₁), dk₃ = J(x + Δt/2 k₂)(v + Δt/2 dk₂), dk₄ = J(x + Δt k₃)(v + Δt dk₃),
 * v' = v + Δt/6 (dk₁ + 2dk₂ + 2dk₃ + dk₄). {@link #logAbsDetJacobian} is ln |det| of the 3×3 step
 * Jacobian built from three tangent vectors.
 *
 * <p>Holds a small workspace: not thread-safe. Cost: 4 field evaluations per step and per tangent
 * block, then 4 Jacobian-vector products and ≈ 40 flops per tangent vector.
 */
abstract class Rk4Flow implements DiscreteMap {
    /** Stage offsets of RK4 stages 2–4 in units of Δt (stage 1 is at x itself). */
    private static final double[] NODES = {0.5, 0.5, 1};
    private static final double[] IDENTITY = {1, 0, 0, 0, 1, 0, 0, 0, 1};

    private final double dt;
    // stage s occupies [3s, 3s + 3) of each: its point, its slope f(point), and the slope's tangent
    private final double[] points = new double[12];
    private final double[] slopes = new double[12];
    private final double[] tangentSlopes = new double[12];
    private final double[] stageVector = new double[3];
    private final double[] jacobian = new double[9];

    /** @param dt the integration step Δt, already checked by the subclass to be finite and &gt; 0 */
    Rk4Flow(double dt) {
        this.dt = dt;
    }

    /** out[o..o+3) = f(p[po..po+3)), allocating nothing. */
    abstract void field(double[] p, int po, double[] out, int o);

    /** out[o..o+3) = Df(p[po..po+3)) w[wo..wo+3), allocating nothing. */
    abstract void fieldTangent(double[] p, int po, double[] w, int wo, double[] out, int o);

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
            fieldTangent(points, 0, vs, o, tangentSlopes, 0);
            for (int s = 1; s < 4; s++) {
                double h = NODES[s - 1] * dt;
                for (int i = 0; i < 3; i++) {
                    stageVector[i] = vs[o + i] + h * tangentSlopes[3 * (s - 1) + i];
                }
                fieldTangent(points, 3 * s, stageVector, 0, tangentSlopes, 3 * s);
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
        field(points, 0, slopes, 0);
        for (int s = 1; s < 4; s++) {
            double h = NODES[s - 1] * dt;
            for (int i = 0; i < 3; i++) {
                points[3 * s + i] = x[i] + h * slopes[3 * (s - 1) + i];
            }
            field(points, 3 * s, slopes, 3 * s);
        }
    }
}
