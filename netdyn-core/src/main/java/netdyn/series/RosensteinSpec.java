package netdyn.series;

import static netdyn.BadInputException.mention;

import netdyn.BadInputException;

/**
 * Settings of {@link RosensteinExponent}.
 *
 * @param dimension     embedding dimension m ≥ 1
 * @param delay         embedding delay τ ≥ 1
 * @param theilerWindow W ≥ 0: a neighbour j of i must satisfy |i − j| &gt; W (excludes temporal neighbours)
 * @param horizon       K ≥ 2: the divergence curve covers n = 0 … K steps
 * @param fitRange      the steps fitted, or {@link FitRange#auto()}
 */
public record RosensteinSpec(int dimension, int delay, int theilerWindow, int horizon, FitRange fitRange) {

    public RosensteinSpec {
        EmbeddingChecks.check(RosensteinSpec.class, dimension, delay, theilerWindow, horizon, fitRange);
    }

    /** m = 2, τ = 1, W = 10, K = 20, automatic fit range. */
    public static RosensteinSpec defaults() {
        return new RosensteinSpec(2, 1, 10, 20, FitRange.auto());
    }

    /** The shortest series this spec accepts: (m − 1)τ + K + W + 2 values (one pair outside the window). */
    public int minimumLength() {
        return (dimension - 1) * delay + horizon + theilerWindow + 2;
    }

    /** Validation shared with {@link KantzSpec}. */
    static final class EmbeddingChecks {
        private EmbeddingChecks() {
        }

        /** @param owner the spec whose settings these are (named in messages) */
        static void check(Class<?> owner, int dimension, int delay, int theilerWindow, int horizon,
                          FitRange fitRange) {
            if (dimension < 1) {
                throw BadInputException.of(owner, "dimension", "must be >= 1 (got " + dimension + ")");
            }
            if (delay < 1) {
                throw BadInputException.of(owner, "delay", "must be >= 1 (got " + delay + ")");
            }
            if (theilerWindow < 0) {
                throw BadInputException.of(owner, "theilerWindow", "must be >= 0 (got " + theilerWindow + ")");
            }
            if (horizon < 2) {
                throw BadInputException.of(owner, "horizon", "must be >= 2 (got " + horizon + ")");
            }
            if (fitRange == null) {
                throw BadInputException.of(owner, "fitRange", "must be 'auto' or FROM:TO");
            }
            if (!fitRange.isAuto() && fitRange.to() > horizon) {
                throw BadInputException.of(owner, "fitRange", fitRange + " ends after ", mention("horizon"),
                        " " + horizon);
            }
        }
    }
}
