package netdyn.dynamics;

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

    public Preconditioning(OptimizerSpec optimizer, MlpLayout layout) {
        double[] rates = optimizer.hasLayerRates() || optimizer.frozenBiases()
                ? OptimizerStep.parameterRates(layout, optimizer) : null;
        this.step = new OptimizerStep(optimizer.update(), optimizer.learningRate(), rates, layout.parameterCount());
        this.eta = optimizer.learningRate();
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

    /** S = P^(−½) of the step from {@code state} (θ and the optimizer's moments) at step t, gradient g at θ. */
    public void scales(long t, double[] state, double[] g, double[] s) {
        step.preconditionerScales(t, state, g, s);
    }
}
