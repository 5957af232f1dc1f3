package netdyn.dynamics;

import netdyn.BadInputException;

/**
 * The training map's settings: learning rate η; heavy-ball momentum μ (PyTorch's convention,
 * u ← μ u + ∇L, θ ← θ − η u; 0 = plain gradient descent); mini-batch size B (0 = full batch) and
 * the seed from which the mini-batch order is derived.
 */
public record OptimizerSpec(double learningRate, double momentum, int batchSize, long batchSeed) {

    public OptimizerSpec {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new BadInputException("--lr must be a finite number > 0 (got " + learningRate + ")");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new BadInputException("--momentum must be in [0, 1) (got " + momentum + ")");
        }
        if (batchSize < 0) {
            throw new BadInputException("--batch-size must be >= 1, or 0 for full batch (got " + batchSize + ")");
        }
    }

    public static OptimizerSpec gradientDescent(double learningRate) {
        return new OptimizerSpec(learningRate, 0, 0, 0);
    }

    public boolean fullBatch() {
        return batchSize == 0;
    }

    public boolean hasMomentum() {
        return momentum != 0;
    }
}
