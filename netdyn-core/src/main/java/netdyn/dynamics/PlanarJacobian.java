package netdyn.dynamics;

/** The tangent block of a two-dimensional map: k vectors (row-major pairs) times a 2 × 2 Jacobian. */
final class PlanarJacobian {
    private PlanarJacobian() {
    }

    /** out_r = [[j00, j01], [j10, j11]] · vs_r for r &lt; k. No allocation. */
    static void apply(double j00, double j01, double j10, double j11, double[] vs, int k, double[] out) {
        for (int r = 0; r < k; r++) {
            double v0 = vs[2 * r];
            double v1 = vs[2 * r + 1];
            out[2 * r] = j00 * v0 + j01 * v1;
            out[2 * r + 1] = j10 * v0 + j11 * v1;
        }
    }
}
