package netdyn.series;

import static netdyn.BadInputException.mention;

import netdyn.BadInputException;

/**
 * Settings of {@link LaminarPhases}.
 *
 * @param period            lag p ≥ 1 of the comparison |x(t+p) − x(t)|: 1 finds near-constant stretches, p finds
 *                          stretches of period dividing p (2 for period-2 plateaus, 6 for periods 1, 2, 3, 6)
 * @param thresholdFraction θ = thresholdFraction × std of the lag-p increments, when no absolute threshold is
 *                          given (&gt; 0)
 * @param absoluteThreshold θ itself (≥ 0), or NaN to use thresholdFraction
 * @param minLength         shortest phase kept, in time points (≥ p + 1)
 */
public record LaminarPhasesSpec(int period, double thresholdFraction, double absoluteThreshold, int minLength) {

    public LaminarPhasesSpec {
        if (period < 1) {
            throw BadInputException.of(LaminarPhasesSpec.class, "period", "must be >= 1 (got " + period + ")");
        }
        if (!(thresholdFraction > 0) || Double.isInfinite(thresholdFraction)) {
            throw BadInputException.of(LaminarPhasesSpec.class, "thresholdFraction", "must be a finite number > 0 (got "
                    + thresholdFraction + ")");
        }
        if (!Double.isNaN(absoluteThreshold) && (!(absoluteThreshold >= 0) || Double.isInfinite(absoluteThreshold))) {
            throw BadInputException.of(LaminarPhasesSpec.class, "absoluteThreshold",
                    "must be a finite number >= 0 (got " + absoluteThreshold + ")");
        }
        if (minLength < period + 1) {
            throw BadInputException.of(LaminarPhasesSpec.class, "minLength", "must be >= ", mention("period"),
                    " + 1 = " + (period + 1) + " (got " + minLength + ")");
        }
    }

    /** p = 1, θ = 0.1 × std of the increments, phases of at least 10 points. */
    public static LaminarPhasesSpec defaults() {
        return new LaminarPhasesSpec(1, 0.1, Double.NaN, 10);
    }

    /** The shortest series this spec accepts: p + 1 values (one comparison). */
    public int minimumLength() {
        return period + 1;
    }
}
