package netdyn.series;

import netdyn.BadInputException;

/**
 * Settings of {@link KantzExponent}.
 *
 * @param dimension      embedding dimension m ≥ 1
 * @param delay          embedding delay τ ≥ 1
 * @param theilerWindow  W ≥ 0: a neighbour j of i must satisfy |i − j| &gt; W
 * @param horizon        K ≥ 2: the divergence curve covers n = 0 … K steps
 * @param radius         neighbourhood radius ε as a fraction of the series' standard deviation (&gt; 0)
 * @param minNeighbours  reference points with fewer neighbours are skipped (≥ 1)
 * @param fitRange       the steps fitted, or {@link FitRange#auto()}
 */
public record KantzSpec(int dimension, int delay, int theilerWindow, int horizon, double radius, int minNeighbours,
                        FitRange fitRange) {

    public KantzSpec {
        RosensteinSpec.EmbeddingChecks.check(KantzSpec.class, dimension, delay, theilerWindow, horizon, fitRange);
        if (!(radius > 0) || Double.isInfinite(radius)) {
            throw BadInputException.of(KantzSpec.class, "radius", "must be a finite number > 0 (got " + radius + ")");
        }
        if (minNeighbours < 1) {
            throw BadInputException.of(KantzSpec.class, "minNeighbours", "must be >= 1 (got " + minNeighbours + ")");
        }
    }

    /** m = 2, τ = 1, W = 10, K = 20, ε = 0.01 σ, at least 1 neighbour, automatic fit range. */
    public static KantzSpec defaults() {
        return new KantzSpec(2, 1, 10, 20, 0.01, 1, FitRange.auto());
    }

    /** The shortest series this spec accepts: (m − 1)τ + K + W + 2 values. */
    public int minimumLength() {
        return (dimension - 1) * delay + horizon + theilerWindow + 2;
    }
}
