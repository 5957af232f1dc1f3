package netdyn.series;

import java.util.List;

/**
 * A one-sided periodogram, its peaks, and the period of the series if it is periodic.
 *
 * @param frequencies       f_k = k / M for k = 0 … ⌊M/2⌋, in cycles per step (M = transformLength)
 * @param power             I(f_k) = |Σ_t (x_t − x̄) e^{−2πi kt/M}|² / n (I(0) = 0: the mean is removed)
 * @param transformLength   M: n, or the next power of two with padding
 * @param peaks             the highest local maxima of I over k ≥ 1, by power, descending (at most the
 *                          number asked; fewer when there are fewer maxima)
 * @param fundamentalPeriod the smallest integer period P ≥ 2 of the series (within the tolerance; see
 *                          {@link Periodogram}), NaN when it has none up to the largest period tried
 * @param n                 length of the series
 */
public record PeriodogramResult(double[] frequencies, double[] power, int transformLength, List<Peak> peaks,
                                double fundamentalPeriod, int n) {

    /**
     * One peak of the periodogram.
     *
     * @param bin       k
     * @param frequency k / M, cycles per step
     * @param period    M / k, steps
     * @param power     I(f_k)
     */
    public record Peak(int bin, double frequency, double period, double power) {
    }

    /** The period of the highest peak (NaN when the periodogram has no peak, e.g. a constant series). */
    public double dominantPeriod() {
        return peaks.isEmpty() ? Double.NaN : peaks.get(0).period();
    }
}
