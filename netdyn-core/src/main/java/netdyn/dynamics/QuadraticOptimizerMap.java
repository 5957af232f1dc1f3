package netdyn.dynamics;

/**
 * An optimizer ({@link UpdateRule}) on the quadratic loss L(θ) = ½ θᵀAθ, A symmetric: g = Aθ and H = A, with the
 * update rules and tangent maps the network map uses ({@code OptimizerStep}). The solvable case of every rule:
 * heavy ball on ½aθ² is the linear map (θ, u) ↦ (θ − η(βu + aθ), βu + aθ), whose eigenvalues λ solve
 * λ² − (1 − ηa + β) λ + β = 0 and which is stable exactly when ηa &lt; 2(1 + β); Nesterov's solve
 * λ² − (1 + β)(1 − ηa) λ + β(1 − ηa) = 0, stable when ηa &lt; 2(1 + β)/(1 + 2β).
 *
 * <p>State: θ, then the rule's momentum or moments (n each). Not thread-safe (one gradient buffer).
 */
public final class QuadraticOptimizerMap implements DiscreteMap {
    private final int n;
    private final double[] a;
    private final OptimizerStep rule;
    private final double[] g;
    private final double[] hv;

    /**
     * @param matrix A, symmetric (not checked: the map uses A as given for g and H), n×n
     * @param eta    the learning rate η, a finite number &gt; 0
     */
    public QuadraticOptimizerMap(double[][] matrix, double eta, UpdateRule rule) {
        n = matrix.length;
        a = new double[n * n];
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != n) {
                throw new IllegalArgumentException("A must be square (row " + i + " has " + matrix[i].length
                        + " of " + n + ")");
            }
            System.arraycopy(matrix[i], 0, a, i * n, n);
        }
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("the learning rate must be a finite number > 0 (got " + eta + ")");
        }
        this.rule = new OptimizerStep(rule, eta, null, n);
        this.g = new double[n];
        this.hv = new double[n];
    }

    @Override
    public int dimension() {
        return rule.dimension();
    }

    @Override
    public void step(long t, double[] x, double[] out) {
        product(x, 0, g);
        rule.update(t, x, 0, g, out, 0);
    }

    @Override
    public void tangent(long t, double[] x, double[] v, double[] out) {
        product(x, 0, g);
        product(v, 0, hv);
        rule.tangent(t, x, g, v, 0, hv, out, 0);
    }

    @Override
    public void clampToDomain(double[] x) {
        rule.clampToDomain(x);
    }

    @Override
    public String domainViolation(double[] x) {
        return rule.domainViolation(x);
    }

    /** out = A · x[off..off+n). */
    private void product(double[] x, int off, double[] out) {
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i * n + j] * x[off + j];
            }
            out[i] = s;
        }
    }
}
