package netdyn.series;

import netdyn.BadInputException;

/**
 * Settings of {@link Autocorrelation}.
 *
 * @param lags            largest lag m (≥ 1); the series needs at least m + 1 values
 * @param shuffles        number S of shuffled copies for the null band (0: no band)
 * @param lowerPercentile lower edge of the null band, a percentile in [0, 100) of the S shuffled values
 * @param upperPercentile upper edge, in (lowerPercentile, 100]
 * @param seed            master seed of the shuffles (purpose "acf-shuffle", index s = 0 … S−1)
 */
public record AutocorrelationSpec(int lags, int shuffles, double lowerPercentile, double upperPercentile,
                                  long seed) {

    public AutocorrelationSpec {
        if (lags < 1) {
            throw BadInputException.of(AutocorrelationSpec.class, "lags", "must be >= 1 (got " + lags + ")");
        }
        if (shuffles < 0) {
            throw BadInputException.of(AutocorrelationSpec.class, "shuffles", "must be >= 0 (got " + shuffles + ")");
        }
        if (!(lowerPercentile >= 0) || !(upperPercentile <= 100) || !(lowerPercentile < upperPercentile)) {
            throw BadInputException.of(AutocorrelationSpec.class, "band",
                    "percentiles must satisfy 0 <= lower < upper <= 100 (got "
                    + lowerPercentile + ", " + upperPercentile + ")");
        }
    }

    /** The study's settings (SCIENCE.md §2): 1000 shuffles, 3rd–97th percentiles; lags up to 50. */
    public static AutocorrelationSpec study(long seed) {
        return new AutocorrelationSpec(50, 1000, 3, 97, seed);
    }

    /** The shortest series this spec accepts: m + 1 values. */
    public int minimumLength() {
        return lags + 1;
    }
}
