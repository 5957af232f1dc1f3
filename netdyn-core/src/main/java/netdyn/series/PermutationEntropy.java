package netdyn.series;

/**
 * The permutation entropy of Bandt and Pompe: the Shannon entropy of the ordinal patterns of d values,
 * normalised to [0, 1] by ln(d!). Robust to monotone transformations of the series and to observational
 * noise; low for regular dynamics, below 1 for chaos (deterministic maps forbid some patterns), ≈ 1 for
 * i.i.d. noise.
 *
 * <p>For t = 0 … W−1, W = n − (d − 1)τ, the pattern of (x_t, x_{t+τ}, …, x_{t+(d−1)τ}) is the permutation
 * that sorts these values ascending; equal values are ordered by occurrence (the earlier one counts as
 * smaller), so every window has exactly one pattern. A pattern is stored by its Lehmer code
 * Σ_i c_i (d − 1 − i)!, c_i = #{j &gt; i : v_j &lt; v_i}, a bijection onto 0 … d! − 1. With p_π the relative
 * frequencies, H = −Σ_π p_π ln p_π and the result is H / ln(d!). A period-P orbit with P ≤ W shows at most P
 * patterns, so its entropy is at most ln P / ln d!.
 *
 * <p>Cost: O(W d²) time, d! counters. The instance keeps its counters; not thread-safe.
 *
 * <p>See also {@link ZeroOneTest}. References: Bandt &amp; Pompe, "Permutation entropy: a natural complexity
 * measure for time series", Phys. Rev. Lett. 88, 174102, 2002, doi:10.1103/PhysRevLett.88.174102; Riedl,
 * Müller &amp; Wessel, Eur. Phys. J. Spec. Top. 222, 2013, doi:10.1140/epjst/e2013-01862-7 (choice of d, τ).
 */
public final class PermutationEntropy {
    private final PermutationEntropySpec spec;
    private final int[] counts;
    private final int[] factorials;

    public PermutationEntropy(PermutationEntropySpec spec) {
        this.spec = spec;
        int d = spec.order();
        factorials = new int[d + 1];
        factorials[0] = 1;
        for (int i = 1; i <= d; i++) {
            factorials[i] = factorials[i - 1] * i;
        }
        counts = new int[factorials[d]];
    }

    public static PermutationEntropyResult of(double[] series, PermutationEntropySpec spec) {
        return new PermutationEntropy(spec).run(series);
    }

    public PermutationEntropyResult run(double[] series) {
        SeriesChecks.require(series, spec.minimumLength(), "PermutationEntropy of order " + spec.order()
                + " and delay " + spec.delay());
        int d = spec.order();
        int tau = spec.delay();
        int w = series.length - (d - 1) * tau;
        java.util.Arrays.fill(counts, 0);
        for (int t = 0; t < w; t++) {
            counts[lehmerCode(series, t, d, tau)]++;
        }
        double h = 0;
        int distinct = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / w;
                h -= p * Math.log(p);
                distinct++;
            }
        }
        double normalised = h / Math.log(factorials[d]);
        return new PermutationEntropyResult(Math.min(1, Math.max(0, normalised)), h, counts.clone(), w, distinct, d,
                tau);
    }

    /** The Lehmer code of the ordinal pattern of x_t, x_{t+τ}, …, ties broken by occurrence. */
    private int lehmerCode(double[] x, int t, int d, int tau) {
        int code = 0;
        for (int i = 0; i < d - 1; i++) {
            double vi = x[t + i * tau];
            int smaller = 0;
            for (int j = i + 1; j < d; j++) {
                if (x[t + j * tau] < vi) {
                    smaller++;
                }
            }
            code += smaller * factorials[d - 1 - i];
        }
        return code;
    }
}
