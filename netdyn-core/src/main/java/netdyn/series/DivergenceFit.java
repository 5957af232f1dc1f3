package netdyn.series;

/**
 * Fits the linear part of a mean log-divergence curve S(n) (Rosenstein, Kantz): S grows linearly with
 * slope λ₁ while the separation is small, and saturates at the attractor's size.
 *
 * <p>Automatic range: a window [a, b] ⊂ [0, horizon] of at least {@value #MIN_POINTS} finite points is
 * linear when every local slope S(n+1) − S(n), a ≤ n &lt; b, lies within a relative
 * {@value #SLOPE_TOLERANCE} of the window's least-squares slope and the fit has R² ≥ {@value #R2_MIN}.
 * The longest linear window wins (ties: the higher R², then the earlier start). The local-slope test is
 * what stops the window at the onset of saturation (R² alone tolerates a bend at the end of a long
 * window and biases the slope low) and drops an initial alignment transient (the first step of a
 * nearest-neighbour curve, before the separation turns into the unstable direction). With no linear
 * window (a flat or noisy curve, no exponential divergence), the window of {@value #MIN_POINTS} points
 * with the highest R² is used and its R² reports the poor fit; an exactly constant curve (a periodic
 * orbit, whose nearest neighbours are other phases of it) gives slope 0 with R² NaN. Cost O(horizon³),
 * negligible next to the neighbour search.
 */
final class DivergenceFit {
    static final int MIN_POINTS = 5;
    static final double R2_MIN = 0.99;
    static final double SLOPE_TOLERANCE = 0.1;

    private DivergenceFit() {
    }

    /** A fit and its range; null fit when no window of finite points exists. */
    record Choice(LinearFit fit, int from, int to) {
    }

    static Choice choose(double[] curve, FitRange range) {
        if (!range.isAuto()) {
            int to = Math.min(range.to(), curve.length - 1);
            for (int n = range.from(); n <= to; n++) {
                if (!Double.isFinite(curve[n])) {
                    return new Choice(null, range.from(), to);
                }
            }
            return to - range.from() < 1 ? new Choice(null, range.from(), to)
                    : new Choice(LinearFit.againstIndex(curve, range.from(), to), range.from(), to);
        }
        Choice best = null;
        Choice fallback = null;
        Choice flat = null;
        int k = curve.length;
        for (int a = 0; a + MIN_POINTS <= k; a++) {
            if (!Double.isFinite(curve[a])) {
                continue;
            }
            for (int b = a + 1; b < k; b++) {
                if (!Double.isFinite(curve[b])) {
                    break;
                }
                if (b - a + 1 < MIN_POINTS) {
                    continue;
                }
                LinearFit fit = LinearFit.againstIndex(curve, a, b);
                if (Double.isNaN(fit.r2())) {
                    if (flat == null) {
                        flat = new Choice(fit, a, b); // exactly constant: slope 0, R² undefined
                    }
                    continue;
                }
                if (b - a + 1 == MIN_POINTS && (fallback == null || fit.r2() > fallback.fit().r2())) {
                    fallback = new Choice(fit, a, b);
                }
                if (fit.r2() >= R2_MIN && localSlopesAgree(curve, a, b, fit.slope())) {
                    int len = b - a + 1;
                    int bestLen = best == null ? -1 : best.to() - best.from() + 1;
                    if (len > bestLen || (len == bestLen && fit.r2() > best.fit().r2())) {
                        best = new Choice(fit, a, b);
                    }
                }
            }
        }
        if (best != null) {
            return best;
        }
        if (fallback != null) {
            return fallback;
        }
        return flat != null ? flat : new Choice(null, -1, -1);
    }

    private static boolean localSlopesAgree(double[] curve, int a, int b, double slope) {
        double tolerance = SLOPE_TOLERANCE * Math.abs(slope);
        for (int n = a; n < b; n++) {
            if (Math.abs(curve[n + 1] - curve[n] - slope) > tolerance) {
                return false;
            }
        }
        return true;
    }
}
