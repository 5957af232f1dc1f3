package netdyn.series;

/**
 * The sample autocorrelation function and its shuffle null band.
 *
 * @param acf          r(k) for k = 0 … m (r(0) = 1); all NaN for a constant series
 * @param lower        lower edge of the null band per lag (index 0: 1); NaN without shuffles
 * @param upper        upper edge of the null band per lag (index 0: 1); NaN without shuffles
 * @param outsideLags  the lags k ≥ 1, ascending, where r(k) &lt; lower(k) or r(k) &gt; upper(k)
 * @param shuffles     S, the number of shuffled copies behind the band
 * @param n            length of the series
 */
public record AutocorrelationResult(double[] acf, double[] lower, double[] upper, int[] outsideLags, int shuffles,
                                    int n) {

    /** m, the largest lag. */
    public int lags() {
        return acf.length - 1;
    }

    /** Fraction of the lags 1 … m that fall outside the band (NaN without a band). */
    public double fractionOutside() {
        return shuffles == 0 ? Double.NaN : (double) outsideLags.length / lags();
    }
}
