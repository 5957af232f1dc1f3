package netdyn.dynamics;

import netdyn.curvature.LanczosEstimator;
import netdyn.nn.Batch;
import netdyn.nn.MlpLayout;

/**
 * The preconditioner an optimizer's step applies, for the preconditioned sharpness λ_max(P⁻¹H) that adaptive
 * methods hold at their stability threshold (Cohen et al. 2022, arXiv:2207.14484): P = diag(√v + ε) for RMSProp,
 * diag(√v̂ + ε) for Adam, the identity otherwise, with per-layer rates and frozen biases folded in as η_i/η. The
 * Hessian is scaled symmetrically, S H S with S = P^(−½), which has the eigenvalues of P⁻¹H.
 */
public final class Preconditioning {
    private final OptimizerStep step;
    private final double eta;
    private final double[] scales;

    public Preconditioning(OptimizerSpec optimizer, MlpLayout layout) {
        this.step = OptimizerStep.of(optimizer, layout);
        this.eta = optimizer.learningRate();
        this.scales = new double[layout.parameterCount()];
    }

    /** Whether P = I and every rate is η: the preconditioned sharpness is the sharpness. */
    public boolean plain() {
        return step.plain();
    }

    /** The optimizer's stability threshold for λ_max(P⁻¹H) ({@link UpdateRule#threshold}). */
    public double threshold() {
        return step.rule().threshold(eta);
    }

    /** The update rule. */
    public UpdateRule rule() {
        return step.rule();
    }

    /**
     * The top eigenvalues (descending) of P⁻¹H, as S H S with S = P^(−½), for the step from {@code state} (θ and the
     * optimizer's moments) at step t, by {@code lanczos} on the batch; to be called right after a plain {@code lanczos.topEigenvalues} at the same θ, whose gradient it reuses
     * for P. Not thread-safe (one scale buffer).
     */
    public double[] topEigenvalues(LanczosEstimator lanczos, long t, double[] state, double[] theta, Batch batch,
                                   int top, long seed) {
        step.preconditionerScales(t, state, lanczos.lastGradient(), scales);
        return lanczos.topEigenvalues(theta, batch, top, seed, scales);
    }
}
