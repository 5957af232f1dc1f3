package netdyn.series;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The periodogram (power spectrum estimate) of a series, its highest peaks, and the fundamental period of a
 * line spectrum: periodic orbits (period-2/3 plateaus of the loss at large η, SCIENCE.md §2) show as lines,
 * quasi-periodic motion as incommensurate lines, chaos and noise as a broad band.
 *
 * <p>With x̄ the mean and M the transform length (n, or the next power of two when padding):
 * I(f_k) = |Σ_{t=0}^{n−1} (x_t − x̄) e^{−2πi kt/M}|² / n at f_k = k/M cycles per step, k = 0 … ⌊M/2⌋
 * (Schuster 1898; the raw, unsmoothed estimator: each value of a broad band fluctuates by ~100 %, which does
 * not affect its lines). Parseval: Σ_{k=0}^{M−1} I(f_k) = M · Σ_t (x_t − x̄)² / n.
 *
 * <p>Peaks are the local maxima over k ≥ 1 (I_k &gt; I_{k−1} and I_k ≥ I_{k+1}; at the Nyquist bin only the
 * left neighbour counts), sorted by power.
 *
 * <p>Fundamental period. The highest peak of a period-4 orbit of the logistic map is its period-2
 * harmonic (f = 1/2 holds 97.6 % of the power), so whether the series is periodic, and with which period,
 * is decided separately, in the time domain, where a map's periods are integers: with
 * E(P) = mean_{t &lt; n−P} (x(t+P) − x(t))², the fundamental period is the smallest integer
 * P ∈ [2, min(maxPeriod, n/2)] with E(P) ≤ periodTolerance · E(1) — the series repeats after P steps far
 * better than it does after one step; its spectrum then has lines at multiples of 1/P only. A slow drift of
 * a periodic orbit (a loss plateau still settling) hardly changes E(P); chaos, noise and incommensurate
 * (quasi-periodic) frequencies give E(P) ≈ E(1) or more, and NaN. A smooth or constant series (E(1) tiny
 * or 0) is not called periodic: E(P) grows with P for a trend, and a constant series gives NaN.
 *
 * <p>Cost: O(M log M) for the transform, O(n · maxPeriod) at most for the fundamental period (it stops at
 * the first period found); memory O(M). The instance keeps one transform plan and its arrays for the last
 * length seen; not thread-safe.
 *
 * <p>See also {@link Autocorrelation} (its Fourier pair by Wiener–Khinchin). References: Schuster, Terr.
 * Magn. 3, 1898, doi:10.1029/TM003i001p00013; Percival &amp; Walden, "Spectral Analysis for Physical
 * Applications", Cambridge 1993, doi:10.1017/CBO9780511622762.
 */
public final class Periodogram {
    private final PeriodogramSpec spec;
    private FourierTransform plan;
    private double[] re = new double[0];
    private double[] im = new double[0];

    public Periodogram(PeriodogramSpec spec) {
        this.spec = spec;
    }

    public static PeriodogramResult of(double[] series, PeriodogramSpec spec) {
        return new Periodogram(spec).run(series);
    }

    public PeriodogramResult run(double[] series) {
        SeriesChecks.require(series, spec.minimumLength(), "Periodogram");
        int n = series.length;
        int m = spec.padToPowerOfTwo() ? FourierTransform.nextPowerOfTwo(n) : n;
        if (plan == null || plan.length() != m) {
            plan = new FourierTransform(m);
            re = new double[m];
            im = new double[m];
        }
        // a constant series is exactly zero after removing its mean (its floating-point mean may not be)
        double mean = SeriesChecks.isConstant(series, n) ? series[0] : SeriesChecks.mean(series, n);
        for (int t = 0; t < n; t++) {
            re[t] = series[t] - mean;
        }
        Arrays.fill(re, n, m, 0);
        Arrays.fill(im, 0);
        plan.forward(re, im);
        int half = m / 2;
        double[] frequencies = new double[half + 1];
        double[] power = new double[half + 1];
        for (int k = 0; k <= half; k++) {
            frequencies[k] = (double) k / m;
            power[k] = k == 0 ? 0 : (re[k] * re[k] + im[k] * im[k]) / n;
        }
        List<PeriodogramResult.Peak> all = new ArrayList<>();
        for (int k = 1; k <= half; k++) {
            boolean left = power[k] > power[k - 1];
            boolean right = k == half || power[k] >= power[k + 1];
            if (left && right) {
                all.add(new PeriodogramResult.Peak(k, frequencies[k], (double) m / k, power[k]));
            }
        }
        // by power descending, then by bin for a fixed order among equal powers
        all.sort((a, b) -> a.power() != b.power() ? Double.compare(b.power(), a.power())
                : Integer.compare(a.bin(), b.bin()));
        double fundamental = fundamentalPeriod(series, spec.maxPeriod(), spec.periodTolerance());
        List<PeriodogramResult.Peak> top = List.copyOf(all.subList(0, Math.min(spec.peaks(), all.size())));
        return new PeriodogramResult(frequencies, power, m, top, fundamental, n);
    }

    /** The smallest integer P ∈ [2, min(maxPeriod, n/2)] with E(P) ≤ tolerance · E(1); NaN if none. */
    static double fundamentalPeriod(double[] x, int maxPeriod, double tolerance) {
        int n = x.length;
        double e1 = meanSquaredDifference(x, 1);
        if (!(e1 > 0)) {
            return Double.NaN;
        }
        int last = Math.min(maxPeriod, n / 2);
        for (int p = 2; p <= last; p++) {
            if (meanSquaredDifference(x, p) <= tolerance * e1) {
                return p;
            }
        }
        return Double.NaN;
    }

    /** E(P) = mean over t &lt; n − P of (x(t+P) − x(t))². */
    private static double meanSquaredDifference(double[] x, int p) {
        double s = 0;
        for (int t = 0, u = p; u < x.length; t++, u++) {
            double d = x[u] - x[t];
            s += d * d;
        }
        return s / (x.length - p);
    }
}
