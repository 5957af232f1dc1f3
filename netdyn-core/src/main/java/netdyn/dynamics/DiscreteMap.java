package netdyn.dynamics;

/**
 * A discrete-time dynamical system x(t+1) = F_t(x(t)) on R^dimension with its tangent map
 * v ↦ DF_t(x) v. This is the one abstraction every estimator takes: a reference system (logistic,
 * Hénon, ...) and a network trained by gradient descent are the same kind of thing here.
 *
 * <p>The step index t is explicit so that non-autonomous maps (mini-batch SGD, whose batch
 * depends on t) need no hidden clock; autonomous maps ignore it. Implementations write into the
 * caller's arrays, allocate nothing, and are not thread-safe unless they say so.
 */
public interface DiscreteMap {

    int dimension();

    /** out = F_t(x). {@code out} and {@code x} must be different arrays. */
    void step(long t, double[] x, double[] out);

    /** out = DF_t(x) v. */
    void tangent(long t, double[] x, double[] v, double[] out);

    /**
     * ln |det DF_t(x)|, for the sum rule Σλ_i = ⟨ln |det DF|⟩, or NaN where it is not cheap to
     * compute independently of the tangent map. Maps with a closed form override it.
     */
    default double logAbsDetJacobian(long t, double[] x) {
        return Double.NaN;
    }

    /**
     * {@link #tangentBlock} and {@link #logAbsDetJacobian} at one (t, x) in one call: writes DF_t(x) times the k
     * rows of {@code vs} into {@code out} and returns ln |det DF_t(x)| (or NaN as logAbsDetJacobian would). Maps
     * whose two computations share work override it (gradient descent gets both from one assembled Hessian);
     * {@code out} then equals tangentBlock's to rounding, not necessarily bit for bit.
     */
    default double tangentBlockAndLogAbsDet(long t, double[] x, double[] vs, int k, double[] out) {
        tangentBlock(t, x, vs, k, out);
        return logAbsDetJacobian(t, x);
    }

    /**
     * Why x is outside the map's domain (e.g. the logistic map's x outside [0, 1]), or null when it
     * is inside. Non-finite states are caught by the estimators themselves.
     */
    default String domainViolation(double[] x) {
        return null;
    }

    /**
     * Moves a state that a perturbation pushed just outside the domain back onto it, in place (e.g. an
     * adaptive optimizer's second moments below 0). Estimators that perturb states (twin orbits) call it; the
     * default leaves x as it is.
     */
    default void clampToDomain(double[] x) {
    }

    /**
     * Time per step, so that exponents per step divided by it are per unit time: 1 for maps, the
     * integration step Δt for flows sampled as time-Δt maps.
     */
    default double timePerStep() {
        return 1;
    }

    /**
     * k tangent vectors at once: {@code vs} and {@code out} hold k rows of length dimension().
     * The default advances them one by one and allocates two work vectors per call; every map in netdyn
     * overrides it (allocation-free, and sharing work between vectors where it can).
     */
    default void tangentBlock(long t, double[] x, double[] vs, int k, double[] out) {
        int n = dimension();
        double[] v = new double[n];
        double[] w = new double[n];
        for (int r = 0; r < k; r++) {
            System.arraycopy(vs, r * n, v, 0, n);
            tangent(t, x, v, w);
            System.arraycopy(w, 0, out, r * n, n);
        }
    }
}
