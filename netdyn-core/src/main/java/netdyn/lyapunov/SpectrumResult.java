package netdyn.lyapunov;

/**
 * Lyapunov exponents from a QR run, per unit time (per step for maps).
 *
 * @param exponents            the k exponents, descending
 * @param kaplanYorkeDimension D_KY = j + (λ_1 + … + λ_j) / |λ_{j+1}| (see {@link KaplanYorke})
 * @param sumOfExponents       Σ λ_i
 * @param meanLogDet           ⟨ln |det DF|⟩ per unit time over the same steps, NaN if not computed
 * @param steps                steps averaged over (fewer than asked when the orbit broke down)
 * @param failure              null, or why the run stopped early ("non-finite state at step t", or
 *                             the map's domain violation); the exponents then cover the steps before
 * @param failedAtStep         the step at which it stopped, −1 when it did not
 */
public record SpectrumResult(double[] exponents, double kaplanYorkeDimension, double sumOfExponents,
                             double meanLogDet, long steps, String failure, long failedAtStep) {

    public boolean completed() {
        return failure == null;
    }

    /** |Σλ − ⟨ln|det DF|⟩|, NaN when the determinant was not computed. */
    public double sumRuleError() {
        return Math.abs(sumOfExponents - meanLogDet);
    }
}
