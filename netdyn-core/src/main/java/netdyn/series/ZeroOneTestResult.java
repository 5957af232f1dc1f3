package netdyn.series;

/**
 * The 0–1 test for chaos.
 *
 * @param k           K, the median of the K_c: near 1 for chaos, near 0 for regular (periodic or quasi-periodic)
 *                    dynamics; NaN for a constant series
 * @param kc          K_c for each frequency, in the order drawn (NaN where D_c is constant)
 * @param frequencies the frequencies c, in (π/5, 4π/5)
 * @param cutoff      n_cut, the largest displacement n correlated
 * @param n           length of the series
 */
public record ZeroOneTestResult(double k, double[] kc, double[] frequencies, int cutoff, int n) {
}
