package netdyn.series;

import static netdyn.BadInputException.mention;

import netdyn.BadInputException;

/**
 * Settings of {@link LocalExpansionRates}; {@link #study(long)} gives the reference study's values.
 *
 * @param radius          neighbours of t0 are the times t1 with |x(t1) − x(t0)| &lt; radius (&gt; 0, in the series'
 *                        units; the study: 5e-5 on the loss)
 * @param references      number of random reference times t0 (≥ 1; the study: 1000)
 * @param horizon         H: mean distances for n = 0 … H (≥ 3; the study: 24)
 * @param minFitEnd       the rate is the best-R² fit of ln δ(n) over n ∈ [1, m) for m = minFitEnd … H + 1
 *                        (4 ≤ minFitEnd ≤ H + 1; the study: 5)
 * @param significanceEnd significance from the fit over n = 1 … significanceEnd (3 ≤ … ≤ H; the study: 10)
 * @param alpha           a rate is significant when that fit's slope has p ≤ alpha (in (0, 1); the study: 0.05)
 * @param theilerWindow   W ≥ 0: neighbours satisfy |t1 − t0| &gt; W (the study: 0, i.e. t1 ≠ t0)
 * @param bins            bins of the histogram of significant rates (≥ 1)
 * @param seed            master seed of the reference times (purpose "expansion-references")
 */
public record LocalExpansionRatesSpec(double radius, int references, int horizon, int minFitEnd, int significanceEnd,
                                      double alpha, int theilerWindow, int bins, long seed) {

    public LocalExpansionRatesSpec {
        if (!(radius > 0) || Double.isInfinite(radius)) {
            throw BadInputException.of(LocalExpansionRatesSpec.class, "radius", "must be a finite number > 0 (got "
                    + radius + ")");
        }
        if (references < 1) {
            throw BadInputException.of(LocalExpansionRatesSpec.class, "references", "must be >= 1 (got " + references
                    + ")");
        }
        if (horizon < 3) {
            throw BadInputException.of(LocalExpansionRatesSpec.class, "horizon", "must be >= 3 (got " + horizon + ")");
        }
        if (minFitEnd < 4 || minFitEnd > horizon + 1) {
            throw BadInputException.of(LocalExpansionRatesSpec.class, "minFitEnd", "must be between 4 and ",
                    mention("horizon"), " + 1 = " + (horizon + 1) + " (got " + minFitEnd + ")");
        }
        if (significanceEnd < 3 || significanceEnd > horizon) {
            throw BadInputException.of(LocalExpansionRatesSpec.class, "significanceEnd", "must be between 3 and ",
                    mention("horizon"), " " + horizon + " (got " + significanceEnd + ")");
        }
        if (!(alpha > 0) || !(alpha < 1)) {
            throw BadInputException.of(LocalExpansionRatesSpec.class, "alpha", "must be in (0, 1) (got " + alpha + ")");
        }
        if (theilerWindow < 0) {
            throw BadInputException.of(LocalExpansionRatesSpec.class, "theilerWindow", "must be >= 0 (got "
                    + theilerWindow + ")");
        }
        if (bins < 1) {
            throw BadInputException.of(LocalExpansionRatesSpec.class, "bins", "must be >= 1 (got " + bins + ")");
        }
    }

    /**
     * The study's protocol (SCIENCE.md §2): radius 5e-5, 1000 references, n = 0 … 24, best-R² fit over
     * n ∈ [1, m), m = 5 … 25, significance over n = 1 … 10 at p ≤ 0.05; 40 histogram bins.
     */
    public static LocalExpansionRatesSpec study(long seed) {
        return new LocalExpansionRatesSpec(5e-5, 1000, 24, 5, 10, 0.05, 0, 40, seed);
    }

    /** The shortest series this spec accepts: H + 2 values (two candidate times). */
    public int minimumLength() {
        return horizon + 2;
    }
}
