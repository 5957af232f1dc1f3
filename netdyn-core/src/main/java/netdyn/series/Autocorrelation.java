package netdyn.series;

import java.util.Arrays;

import netdyn.rng.Seeds;
import netdyn.rng.SplitMix64;

/**
 * The sample autocorrelation function (ACF) with a null band from shuffled copies, as the study tested the
 * loss series at large η (SCIENCE.md §2: 1000 shuffles, 3rd–97th percentiles).
 *
 * <p>The biased estimator (Box &amp; Jenkins, "Time Series Analysis", 1970; the normalisation of R's
 * {@code acf} and statsmodels): with x̄ the mean of the n values,
 * r(k) = Σ_{t=0}^{n−1−k} (x_t − x̄)(x_{t+k} − x̄) / Σ_{t=0}^{n−1} (x_t − x̄)², k = 0 … m. It is
 * positive semi-definite and |r(k)| ≤ 1; its bias toward 0 grows as k/n.
 *
 * <p>Null band: shuffling destroys all temporal order but keeps the values (so x̄ and the denominator).
 * For s = 0 … S−1 the series is put in a random order by a Fisher–Yates shuffle drawn from
 * {@code Seeds.generator(seed, "acf-shuffle", s)} — always from the original order, so shuffle s depends on
 * (seed, s) only — and its ACF computed. The band at lag k spans the given percentiles of the S shuffled
 * r(k), by linear interpolation between order statistics (position (S − 1)·p/100, numpy's default). A lag
 * is reported as outside the band when r(k) lies strictly below its lower or above its upper edge; with the
 * 3rd–97th percentiles about 6 % of the lags of white noise fall outside by chance.
 *
 * <p>A constant series has no ACF: every r(k), and the band, is NaN, and no lag is outside.
 *
 * <p>Cost: O(n·m) for the ACF and O(S·n·m + m·S log S) for the band; memory m·S doubles for the band. The
 * instance owns its workspace and grows it to the longest series seen; not thread-safe.
 *
 * <p>See also {@link Periodogram} (the same information in frequency). References: Box, Jenkins, Reinsel
 * &amp; Ljung, "Time Series Analysis", 5th ed., Wiley 2015, ISBN 978-1-118-67502-1; Theiler et al., "Testing
 * for nonlinearity in time series: the method of surrogate data", Physica D 58, 1992,
 * doi:10.1016/0167-2789(92)90102-S.
 */
public final class Autocorrelation {
    private final AutocorrelationSpec spec;
    private final double[] nullAcf;
    private final double[] lagValues;
    private double[] centred = new double[0];
    private double[] shuffled = new double[0];

    public Autocorrelation(AutocorrelationSpec spec) {
        this.spec = spec;
        this.nullAcf = new double[spec.shuffles() * spec.lags()];
        this.lagValues = new double[spec.lags() + 1];
    }

    /** The ACF and band of {@code series} (not modified) under {@code spec}. */
    public static AutocorrelationResult of(double[] series, AutocorrelationSpec spec) {
        return new Autocorrelation(spec).run(series);
    }

    public AutocorrelationResult run(double[] series) {
        SeriesChecks.require(series, spec.minimumLength(), "Autocorrelation with lags " + spec.lags());
        int n = series.length;
        int m = spec.lags();
        int s = spec.shuffles();
        if (centred.length < n) {
            centred = new double[n];
            shuffled = new double[n];
        }
        double mean = SeriesChecks.mean(series, n);
        double denominator = 0;
        for (int t = 0; t < n; t++) {
            centred[t] = series[t] - mean;
            denominator += centred[t] * centred[t];
        }
        double[] acf = new double[m + 1];
        double[] lower = new double[m + 1];
        double[] upper = new double[m + 1];
        if (SeriesChecks.isConstant(series, n)) {
            Arrays.fill(acf, Double.NaN);
            Arrays.fill(lower, Double.NaN);
            Arrays.fill(upper, Double.NaN);
            return new AutocorrelationResult(acf, lower, upper, new int[0], s, n);
        }
        acf(centred, n, m, denominator, acf);
        acf[0] = 1;
        if (s == 0) {
            Arrays.fill(lower, Double.NaN);
            Arrays.fill(upper, Double.NaN);
            return new AutocorrelationResult(acf, lower, upper, new int[0], 0, n);
        }
        for (int i = 0; i < s; i++) {
            System.arraycopy(centred, 0, shuffled, 0, n);
            SplitMix64 rng = Seeds.generator(spec.seed(), "acf-shuffle", i);
            for (int t = n - 1; t > 0; t--) {
                int j = rng.nextInt(t + 1);
                double tmp = shuffled[t];
                shuffled[t] = shuffled[j];
                shuffled[j] = tmp;
            }
            acf(shuffled, n, m, denominator, lagValues);
            for (int k = 1; k <= m; k++) {
                nullAcf[(k - 1) * s + i] = lagValues[k];
            }
        }
        lower[0] = 1;
        upper[0] = 1;
        int outside = 0;
        int[] outsideLags = new int[m];
        for (int k = 1; k <= m; k++) {
            int from = (k - 1) * s;
            Arrays.sort(nullAcf, from, from + s);
            lower[k] = percentile(nullAcf, from, s, spec.lowerPercentile());
            upper[k] = percentile(nullAcf, from, s, spec.upperPercentile());
            if (acf[k] < lower[k] || acf[k] > upper[k]) {
                outsideLags[outside++] = k;
            }
        }
        return new AutocorrelationResult(acf, lower, upper, Arrays.copyOf(outsideLags, outside), s, n);
    }

    /**
     * out[k] = Σ_{t=0}^{n−1−k} c_t c_{t+k} / denominator for k = 1 … m (out[0] is not written).
     *
     * @param c   centred values, n of them; not modified
     * @param out at least m + 1 long; written
     */
    static void acf(double[] c, int n, int m, double denominator, double[] out) {
        for (int k = 1; k <= m; k++) {
            double sum = 0;
            for (int t = 0, u = k; u < n; t++, u++) {
                sum += c[t] * c[u];
            }
            out[k] = sum / denominator;
        }
    }

    /** The p-th percentile (0 ≤ p ≤ 100) of the sorted a[from … from+count), linear interpolation. */
    static double percentile(double[] sorted, int from, int count, double p) {
        double h = (count - 1) * p / 100;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, count - 1);
        double frac = h - lo;
        return sorted[from + lo] + frac * (sorted[from + hi] - sorted[from + lo]);
    }
}
