package netdyn.series;

/**
 * Local expansion rates at random reference times, one entry per reference (ascending t0).
 *
 * @param referenceTimes  t0
 * @param referenceValues x(t0) (the loss at the reference, for the rate-against-loss scatter)
 * @param neighbours      number of neighbours t1 of each reference
 * @param rates           the rate: slope of the best-R² fit of ln δ(n); NaN with no neighbour or no finite fit
 * @param r2              R² of that fit
 * @param fitEnds         its m (fit over n = 1 … m − 1); −1 with no fit
 * @param pValues         p-value of the slope of the fit over n = 1 … significanceEnd (NaN when not computable)
 * @param significant     pValues ≤ alpha
 * @param histogram       histogram of the significant rates
 * @param candidates      number of admissible times (n − H), from which the references were drawn
 * @param n               length of the series
 */
public record LocalExpansionRatesResult(int[] referenceTimes, double[] referenceValues, int[] neighbours,
                                        double[] rates, double[] r2, int[] fitEnds, double[] pValues,
                                        boolean[] significant, Histogram histogram, int candidates, int n) {

    public int significantCount() {
        int c = 0;
        for (boolean s : significant) {
            c += s ? 1 : 0;
        }
        return c;
    }

    /** The significant rates, in reference order. */
    public double[] significantRates() {
        return select(rates);
    }

    /** x(t0) of the significant rates, paired with {@link #significantRates()} (the scatter). */
    public double[] significantValues() {
        return select(referenceValues);
    }

    /** Fraction of the significant rates that are positive (NaN with none). */
    public double fractionPositive() {
        double[] s = significantRates();
        if (s.length == 0) {
            return Double.NaN;
        }
        int positive = 0;
        for (double r : s) {
            positive += r > 0 ? 1 : 0;
        }
        return (double) positive / s.length;
    }

    private double[] select(double[] values) {
        double[] out = new double[significantCount()];
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (significant[i]) {
                out[k++] = values[i];
            }
        }
        return out;
    }
}
