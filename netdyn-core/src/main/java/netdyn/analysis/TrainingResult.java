package netdyn.analysis;

/**
 * How a training run ended.
 *
 * @param diverged       whether the loss became non-finite
 * @param steps          gradient steps taken (T, or the step at which the loss became non-finite)
 * @param finalLoss      L(θ_T); for a diverged run the last finite loss (NaN if there was none)
 * @param trainAccuracy  at θ_T (NaN for a diverged run)
 * @param testAccuracy   at θ_T (NaN without a test set or for a diverged run)
 * @param finalTheta     θ_T (the diverging state for a diverged run)
 */
public record TrainingResult(boolean diverged, long steps, double finalLoss, double trainAccuracy,
                             double testLoss, double testAccuracy, double[] finalTheta) {

    public String status() {
        return diverged ? "diverged" : "ok";
    }
}
