package netdyn.series;

import java.util.Arrays;

/**
 * Laminar phases of an intermittent series: stretches where it (nearly) repeats itself, between irregular
 * bursts — the deterministic intermittency of the loss at η = 5, which switches between a chaotic band
 * and periodic plateaus (SCIENCE.md §2). For type-I (Pomeau–Manneville) intermittency the mean phase length
 * scales as ε^(−1/2) with the distance ε from the saddle-node bifurcation; the length distribution tells
 * the types apart.
 *
 * <p>The rule: with lag p and d_t = x(t+p) − x(t), t = 0 … n−1−p, a comparison is laminar when |d_t| ≤ θ,
 * θ given absolutely or as thresholdFraction × the (population) standard deviation of all d_t. A phase is a
 * maximal run of consecutive laminar comparisons t = s … e; it covers the time points s … e + p, so its
 * length is e − s + 1 + p points (p = 1: a constant stretch of ℓ equal values is one phase of length ℓ).
 * Phases shorter than minLength points are dropped. For p &gt; 1 consecutive phases may share up to p − 1
 * points. A constant series is one phase (θ = 0 and every |d_t| = 0).
 *
 * <p>Cost: O(n), memory O(n) (the increments and the phases). The instance keeps the increments' array for
 * the longest series seen; not thread-safe.
 *
 * <p>See also {@link Monotonicity}. References: Pomeau &amp; Manneville, Commun. Math. Phys. 74, 1980,
 * doi:10.1007/BF01197757; Schuster &amp; Just, "Deterministic Chaos", 4th ed., Wiley 2005,
 * doi:10.1002/3527604804, ch. 4.
 */
public final class LaminarPhases {
    private final LaminarPhasesSpec spec;
    private double[] increments = new double[0];

    public LaminarPhases(LaminarPhasesSpec spec) {
        this.spec = spec;
    }

    public static LaminarPhasesResult of(double[] series, LaminarPhasesSpec spec) {
        return new LaminarPhases(spec).run(series);
    }

    public LaminarPhasesResult run(double[] series) {
        SeriesChecks.require(series, spec.minimumLength(), "LaminarPhases with period " + spec.period());
        int n = series.length;
        int p = spec.period();
        int c = n - p;
        if (increments.length < c) {
            increments = new double[c];
        }
        for (int t = 0; t < c; t++) {
            increments[t] = series[t + p] - series[t];
        }
        double theta = Double.isNaN(spec.absoluteThreshold())
                ? spec.thresholdFraction() * SeriesChecks.std(increments, c) : spec.absoluteThreshold();
        int[] starts = new int[c];
        int[] lengths = new int[c];
        int count = 0;
        int t = 0;
        while (t < c) {
            if (Math.abs(increments[t]) > theta) {
                t++;
                continue;
            }
            int s = t;
            while (t < c && Math.abs(increments[t]) <= theta) {
                t++;
            }
            int length = t - s + p; // comparisons s … t−1 cover the points s … t−1+p
            if (length >= spec.minLength()) {
                starts[count] = s;
                lengths[count] = length;
                count++;
            }
        }
        starts = Arrays.copyOf(starts, count);
        lengths = Arrays.copyOf(lengths, count);

        int[] switching = new int[2 * count];
        int sw = 0;
        long covered = 0;
        for (int i = 0; i < count; i++) {
            switching[sw++] = starts[i];
            int leave = starts[i] + lengths[i];
            if (leave < n) {
                switching[sw++] = leave;
            }
            covered += lengths[i];
        }
        switching = Arrays.copyOf(switching, sw);
        int[] bursts = new int[Math.max(0, count - 1)];
        for (int i = 0; i + 1 < count; i++) {
            bursts[i] = Math.max(0, starts[i + 1] - (starts[i] + lengths[i]));
        }

        int[] sorted = lengths.clone();
        Arrays.sort(sorted);
        int[] distinct = new int[count];
        int[] counts = new int[count];
        int d = 0;
        for (int i = 0; i < count; i++) {
            if (d > 0 && distinct[d - 1] == sorted[i]) {
                counts[d - 1]++;
            } else {
                distinct[d] = sorted[i];
                counts[d] = 1;
                d++;
            }
        }
        distinct = Arrays.copyOf(distinct, d);
        counts = Arrays.copyOf(counts, d);
        double[] survival = new double[d];
        int atLeast = count;
        for (int i = 0; i < d; i++) {
            survival[i] = (double) atLeast / count;
            atLeast -= counts[i];
        }
        double meanLength = count == 0 ? Double.NaN : (double) covered / count;
        return new LaminarPhasesResult(theta, p, starts, lengths, switching, bursts, distinct, counts, survival,
                Math.min(1.0, (double) covered / n), meanLength, n);
    }
}
