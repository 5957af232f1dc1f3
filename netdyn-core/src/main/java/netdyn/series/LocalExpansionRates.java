package netdyn.series;

import java.util.Arrays;

import netdyn.rng.Seeds;
import netdyn.rng.SplitMix64;

/**
 * The reference study's local expansion rates of a scalar series (SCIENCE.md §2, the loss at large η): how
 * fast nearby values of the series separate, measured at many random times, without embedding (1-D
 * neighbours).
 *
 * <p>The protocol, exactly as the study describes it (defaults in {@link LocalExpansionRatesSpec#study}):
 * <ol>
 * <li>Admissible times are t = 0 … n−1−H (each keeps H successors). R reference times t0 are drawn from
 * them uniformly without replacement (a partial Fisher–Yates shuffle from
 * {@code Seeds.generator(seed, "expansion-references")}; all of them, when R ≥ n − H), then sorted.</li>
 * <li>The neighbours of t0 are the admissible t1 with |x(t1) − x(t0)| &lt; radius and |t1 − t0| &gt; W.</li>
 * <li>δ(n) = mean over the neighbours of |x(t0 + n) − x(t1 + n)|, n = 0 … H.</li>
 * <li>The rate is the slope of the least-squares line of ln δ(n) against n over n ∈ [1, m), for the
 * m ∈ {minFitEnd, …, H + 1} whose fit has the highest R².</li>
 * <li>It is significant when the fit over n = 1 … significanceEnd has a slope with two-sided p ≤ α
 * (t-test, {@link LinearFit#pValue()}, Student t by the incomplete beta function).</li>
 * </ol>
 * A reference without neighbours has rate NaN. A fit window that contains δ(n) = 0 (ln δ = −∞: an exact
 * repetition, as on a periodic orbit) is not eligible, and a significance window that contains one gives
 * p = NaN (not significant). The rate is in nats per step; positive rates mean local separation.
 *
 * <p>Cost: O(n log n) to sort the values once, then per reference O(log n + k·H) for k neighbours, plus
 * O(H²) for the fits. Memory O(n). Not thread-safe.
 *
 * <p>See also {@link RosensteinExponent} (the same idea with embedding and nearest neighbours). Reference:
 * Danovski, Soriano &amp; Lacasa, "Dynamical stability and chaos in artificial neural network trajectories
 * along training", Front. Complex Syst. 2, 1367957, 2024, doi:10.3389/fcpxs.2024.1367957.
 */
public final class LocalExpansionRates {
    private final LocalExpansionRatesSpec spec;
    private final double[] delta;
    private final double[] logDelta;

    public LocalExpansionRates(LocalExpansionRatesSpec spec) {
        this.spec = spec;
        delta = new double[spec.horizon() + 1];
        logDelta = new double[spec.horizon() + 1];
    }

    public static LocalExpansionRatesResult of(double[] series, LocalExpansionRatesSpec spec) {
        return new LocalExpansionRates(spec).run(series);
    }

    public LocalExpansionRatesResult run(double[] series) {
        SeriesChecks.require(series, spec.minimumLength(), "LocalExpansionRates with horizon " + spec.horizon());
        int n = series.length;
        int h = spec.horizon();
        int candidates = n - h;
        int[] refs = drawReferences(candidates);
        int r = refs.length;

        int[] byValue = new int[candidates];
        for (int t = 0; t < candidates; t++) {
            byValue[t] = t;
        }
        DelayEmbedding.sortByValue(series, byValue, new int[candidates]);
        double[] sortedValues = new double[candidates];
        for (int k = 0; k < candidates; k++) {
            sortedValues[k] = series[byValue[k]];
        }

        double[] values = new double[r];
        int[] neighbourCounts = new int[r];
        double[] rates = new double[r];
        double[] r2 = new double[r];
        int[] fitEnds = new int[r];
        double[] pValues = new double[r];
        boolean[] significant = new boolean[r];
        double radius = spec.radius();
        for (int i = 0; i < r; i++) {
            int t0 = refs[i];
            double x0 = series[t0];
            values[i] = x0;
            Arrays.fill(delta, 0);
            int count = 0;
            // a slightly wider value range from the sorted order, then the exact test
            int k = lowerBound(sortedValues, x0 - 2 * radius);
            for (; k < candidates && sortedValues[k] <= x0 + 2 * radius; k++) {
                int t1 = byValue[k];
                if (Math.abs(series[t1] - x0) < radius && Math.abs(t1 - t0) > spec.theilerWindow()) {
                    count++;
                    for (int s = 0; s <= h; s++) {
                        delta[s] += Math.abs(series[t0 + s] - series[t1 + s]);
                    }
                }
            }
            neighbourCounts[i] = count;
            rates[i] = Double.NaN;
            r2[i] = Double.NaN;
            fitEnds[i] = -1;
            pValues[i] = Double.NaN;
            if (count == 0) {
                continue;
            }
            for (int s = 0; s <= h; s++) {
                logDelta[s] = Math.log(delta[s] / count);
            }
            for (int m = spec.minFitEnd(); m <= h + 1; m++) {
                if (!allFinite(logDelta, 1, m - 1)) {
                    break; // every longer window contains the same non-finite point
                }
                LinearFit fit = LinearFit.againstIndex(logDelta, 1, m - 1);
                if (!Double.isNaN(fit.r2()) && (fitEnds[i] < 0 || fit.r2() > r2[i])) {
                    rates[i] = fit.slope();
                    r2[i] = fit.r2();
                    fitEnds[i] = m;
                }
            }
            if (allFinite(logDelta, 1, spec.significanceEnd())) {
                pValues[i] = LinearFit.againstIndex(logDelta, 1, spec.significanceEnd()).pValue();
                significant[i] = pValues[i] <= spec.alpha();
            }
        }
        double[] sig = new double[r];
        int ns = 0;
        for (int i = 0; i < r; i++) {
            if (significant[i] && Double.isFinite(rates[i])) {
                sig[ns++] = rates[i];
            }
        }
        Histogram histogram = Histogram.of(Arrays.copyOf(sig, ns), spec.bins());
        return new LocalExpansionRatesResult(refs, values, neighbourCounts, rates, r2, fitEnds, pValues, significant,
                histogram, candidates, n);
    }

    /** R distinct admissible times (all of them when R ≥ candidates), ascending. */
    private int[] drawReferences(int candidates) {
        int[] pool = new int[candidates];
        for (int t = 0; t < candidates; t++) {
            pool[t] = t;
        }
        if (spec.references() >= candidates) {
            return pool;
        }
        SplitMix64 rng = Seeds.generator(spec.seed(), "expansion-references");
        int r = spec.references();
        for (int i = 0; i < r; i++) {
            int j = i + rng.nextInt(candidates - i);
            int tmp = pool[i];
            pool[i] = pool[j];
            pool[j] = tmp;
        }
        int[] refs = Arrays.copyOf(pool, r);
        Arrays.sort(refs);
        return refs;
    }

    private static boolean allFinite(double[] a, int from, int to) {
        for (int i = from; i <= to; i++) {
            if (!Double.isFinite(a[i])) {
                return false;
            }
        }
        return true;
    }

    /** The first index k with sorted[k] ≥ value (sorted.length if none). */
    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
