package netdyn.analysis;

/** Receives a training orbit as it is computed, so that long runs stream to disk instead of memory. */
public interface TrainingObserver {

    /** L(θ_t) for t = 0..T, in order; the last one is non-finite when the run diverged. */
    void loss(long t, double loss);

    /**
     * The state at a recorded step (t = 0, k, 2k, ... and the final step). {@code theta} is only
     * valid during the call.
     */
    void snapshot(Snapshot snapshot, double[] theta);

    /** Metrics at a recorded step; accuracies are fractions in [0, 1], NaN when there is no test set. */
    record Snapshot(long step, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy) {
    }
}
