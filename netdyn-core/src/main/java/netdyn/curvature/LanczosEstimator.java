package netdyn.curvature;

import netdyn.nn.Batch;
import netdyn.nn.MlpEvaluator;
import netdyn.rng.Seeds;
import netdyn.rng.SplitMix64;

/**
 * The largest eigenvalues of the Hessian H(θ) by the Lanczos iteration on exact Hessian-vector
 * products, with full re-orthogonalisation (so no spurious copies of converged eigenvalues):
 * m iterations build an orthonormal Krylov basis and the tridiagonal T_m, whose top eigenvalues
 * (Ritz values) approximate H's. Cost m Hessian-vector products + O(m² P). The start vector is
 * drawn from {@code Seeds.generator(seed, "lanczos", call)}.
 *
 * <p>A reusable estimator for one network size; not thread-safe.
 */
public final class LanczosEstimator {
    private final MlpEvaluator evaluator;
    private final int p;
    private final int m;
    private final double[] basis;   // m × P
    private final double[] w;
    private final double[] scaled;
    private final double[] grad;
    private final double[] alpha;
    private final double[] beta;
    private long calls;

    /** @param iterations Krylov dimension m (capped at P) */
    public LanczosEstimator(MlpEvaluator evaluator, int iterations) {
        this.evaluator = evaluator;
        this.p = evaluator.layout().parameterCount();
        this.m = Math.max(1, Math.min(iterations, p));
        basis = new double[m * p];
        w = new double[p];
        scaled = new double[p];
        grad = new double[p];
        alpha = new double[m];
        beta = new double[m];
    }

    /**
     * ∇L(θ) on the batch of the last {@link #topEigenvalues} call (computed there to set up the Hessian-vector
     * products); the estimator's own array, overwritten by the next call.
     */
    public double[] lastGradient() {
        return grad;
    }

    /** The top {@code top} Ritz values of H(θ) on the batch, descending (top ≤ iterations). */
    public double[] topEigenvalues(double[] theta, Batch batch, int top, long seed) {
        return topEigenvalues(theta, batch, top, seed, null);
    }

    /**
     * The top {@code top} Ritz values of S H(θ) S, S = diag({@code scale}) (a preconditioned Hessian P⁻¹H with
     * S = P^(−½), which is similar to it), or of H when {@code scale} is null; descending.
     */
    public double[] topEigenvalues(double[] theta, Batch batch, int top, long seed, double[] scale) {
        evaluator.lossAndGradient(theta, 0, batch, grad, 0);
        SplitMix64 rng = Seeds.generator(seed, "lanczos", calls++);
        double norm = 0;
        for (int i = 0; i < p; i++) {
            basis[i] = rng.nextGaussian();
            norm += basis[i] * basis[i];
        }
        scale(basis, 0, 1 / Math.sqrt(norm));
        int size = m;
        for (int j = 0; j < m; j++) {
            if (scale == null) {
                evaluator.hessianVectorProduct(theta, 0, batch, basis, j * p, w, 0);
            } else {
                for (int i = 0; i < p; i++) {
                    scaled[i] = scale[i] * basis[j * p + i];
                }
                evaluator.hessianVectorProduct(theta, 0, batch, scaled, 0, w, 0);
                for (int i = 0; i < p; i++) {
                    w[i] *= scale[i];
                }
            }
            double a = 0;
            for (int i = 0; i < p; i++) {
                a += w[i] * basis[j * p + i];
            }
            alpha[j] = a;
            // full re-orthogonalisation against every basis vector, twice
            for (int pass = 0; pass < 2; pass++) {
                for (int q = 0; q <= j; q++) {
                    double r = 0;
                    for (int i = 0; i < p; i++) {
                        r += w[i] * basis[q * p + i];
                    }
                    for (int i = 0; i < p; i++) {
                        w[i] -= r * basis[q * p + i];
                    }
                }
            }
            double b = 0;
            for (int i = 0; i < p; i++) {
                b += w[i] * w[i];
            }
            b = Math.sqrt(b);
            if (j == m - 1) {
                break;
            }
            if (b <= 1e-12 * Math.max(1, Math.abs(a))) {
                size = j + 1; // invariant subspace found: T is exact
                break;
            }
            beta[j] = b;
            for (int i = 0; i < p; i++) {
                basis[(j + 1) * p + i] = w[i] / b;
            }
        }
        double[] t = new double[size * size];
        for (int j = 0; j < size; j++) {
            t[j * size + j] = alpha[j];
            if (j + 1 < size) {
                t[j * size + j + 1] = beta[j];
                t[(j + 1) * size + j] = beta[j];
            }
        }
        double[] ritz = HessianSpectrum.symmetricEigenvalues(t, size);
        double[] out = new double[Math.min(top, size)];
        System.arraycopy(ritz, 0, out, 0, out.length);
        return out;
    }

    private void scale(double[] a, int off, double s) {
        for (int i = 0; i < p; i++) {
            a[off + i] *= s;
        }
    }
}
