package netdyn.analysis;

import java.util.List;

import netdyn.lyapunov.FiniteTimeFit;
import netdyn.lyapunov.ShortPhaseFit;

/** What the orbital-stability protocol measured; see {@link DivergenceExperiment}. */
public record DivergenceResult(List<PerEpsilon> perEpsilon, Reference reference, int normalisingCount) {

    /**
     * One perturbation size.
     *
     * @param meanDistance  [inits][followSteps + 1]: replica-mean distance d̄(t) after the perturbation
     * @param fits          per init, the best-R² window of ln d̄
     * @param nmleMean      mean of the passing slopes (NaN if none passed)
     * @param nmleStd       their sample standard deviation (NaN with fewer than two)
     * @param passed        inits whose fit passed R² &gt; minR2 and slope &gt; minSlope
     * @param normalizedInitial mean over inits of d̄(0) / (N ε), N the number of perturbed parameters
     * @param normalizedFinal   the same at the last step
     * @param normalizedMax     mean over inits of max_t d̄(t) / (N ε)
     * @param shortPhase    per init, the short-phase fit of the same ln d̄ ({@link ShortPhaseFit#STANDARD})
     * @param shortMean     mean of its passing slopes (NaN if none passed)
     * @param shortStd      their sample standard deviation (NaN with fewer than two)
     * @param shortPassed   inits whose short-phase fit passed
     */
    public record PerEpsilon(double epsilon, double[][] meanDistance, FiniteTimeFit.Window[] fits, double nmleMean,
                             double nmleStd, int passed, double normalizedInitial, double normalizedFinal,
                             double normalizedMax, ShortPhaseFit.Result[] shortPhase, double shortMean,
                             double shortStd, int shortPassed) {
        public int total() {
            return fits.length;
        }
    }

    /**
     * The reference (unperturbed) runs.
     *
     * @param loss             [inits][steps + 1] training loss
     * @param weightNorm       [inits][steps + 1] ‖θ(t)‖₁ over all parameters
     * @param displacement     [inits] relative displacement Δ = ‖θ(T) − θ(0)‖₁ / ‖θ(0)‖₁
     * @param perWeightChange  [P] |θ_i(T) − θ_i(0)| / |θ_i(0)| of init 0
     * @param pathLength       [P] Σ_t |θ_i(t+1) − θ_i(t)| of init 0
     * @param importance       [P] L(θ(T) with θ_i = 0) / L(θ(T)) of init 0 (weights; NaN for biases)
     * @param divergedAtStep   [inits] the step at which each reference diverged (its loss became non-finite), or
     *                         −1; its values after that step are NaN (and every value of init 0's path length)
     */
    public record Reference(double[][] loss, double[][] weightNorm, double[] displacement, double[] perWeightChange,
                            double[] pathLength, double[] importance, long[] divergedAtStep) {
    }
}
