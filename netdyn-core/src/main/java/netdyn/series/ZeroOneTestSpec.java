package netdyn.series;

import netdyn.BadInputException;

/**
 * Settings of {@link ZeroOneTest}.
 *
 * @param frequencies    number of random frequencies c (≥ 1; the median is over them)
 * @param cutoffFraction n_cut = round(cutoffFraction · n) displacements n = 1 … n_cut enter the correlation
 *                       (in (0, 0.5]; Gottwald &amp; Melbourne use 1/10)
 * @param seed           master seed of the frequencies (purpose "zero-one-frequencies")
 */
public record ZeroOneTestSpec(int frequencies, double cutoffFraction, long seed) {

    public ZeroOneTestSpec {
        if (frequencies < 1) {
            throw BadInputException.of(ZeroOneTestSpec.class, "frequencies", "must be >= 1 (got " + frequencies + ")");
        }
        if (!(cutoffFraction > 0) || !(cutoffFraction <= 0.5)) {
            throw BadInputException.of(ZeroOneTestSpec.class, "cutoffFraction", "must be in (0, 0.5] (got "
                    + cutoffFraction + ")");
        }
    }

    /** 100 frequencies, n_cut = n/10 (Gottwald &amp; Melbourne 2009). */
    public static ZeroOneTestSpec defaults(long seed) {
        return new ZeroOneTestSpec(100, 0.1, seed);
    }

    /** n_cut for a series of n values. */
    public int cutoff(int n) {
        return (int) Math.round(cutoffFraction * n);
    }

    /** The shortest series this spec accepts: enough values for n_cut ≥ 3 (and at least 10). */
    public int minimumLength() {
        int n = 10;
        while (cutoff(n) < 3) {
            n++;
        }
        return n;
    }
}
