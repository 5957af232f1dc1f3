package netdyn.series;

/**
 * An ordinary least-squares line y ≈ slope · x + intercept with its goodness of fit and the t-test of the
 * slope.
 *
 * <p>With x̄, ȳ the means over the k points, Sxx = Σ(x − x̄)², Sxy = Σ(x − x̄)(y − ȳ), Syy = Σ(y − ȳ)²:
 * slope = Sxy / Sxx, intercept = ȳ − slope · x̄, SS_res = Σ(y − slope·x − intercept)²,
 * R² = 1 − SS_res / Syy, the slope's standard error s = √(SS_res / (k − 2) / Sxx), and its two-sided
 * p-value P(|T| ≥ |slope / s|) for Student's T with k − 2 degrees of freedom ({@link StudentT}), the usual
 * test of "slope = 0". Cost O(k), two passes, no allocation.
 *
 * @param slope              fitted slope
 * @param intercept          fitted intercept
 * @param r2                 coefficient of determination; NaN when y is constant (Syy = 0)
 * @param slopeStandardError standard error of the slope; NaN with fewer than 3 points
 * @param points             k, the number of points fitted
 * @param residualSumOfSquares SS_res
 */
public record LinearFit(double slope, double intercept, double r2, double slopeStandardError, int points,
                        double residualSumOfSquares) {

    /** The two-sided p-value of the slope (0 for a perfect non-flat line, NaN with fewer than 3 points). */
    public double pValue() {
        if (points < 3 || Double.isNaN(slopeStandardError)) {
            return Double.NaN;
        }
        if (slopeStandardError == 0) {
            return slope == 0 ? Double.NaN : 0;
        }
        return StudentT.twoSidedPValue(slope / slopeStandardError, points - 2);
    }

    /** Fits y[i] against x = i for i in [from, to] (inclusive; at least 2 points). */
    public static LinearFit againstIndex(double[] y, int from, int to) {
        return fit(null, y, from, to);
    }

    /** Fits y[i] against x[i] for i in [from, to] (inclusive; at least 2 points). */
    public static LinearFit of(double[] x, double[] y, int from, int to) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values, y has " + y.length);
        }
        return fit(x, y, from, to);
    }

    private static LinearFit fit(double[] x, double[] y, int from, int to) {
        if (from < 0 || to >= y.length || to - from < 1) {
            throw new IllegalArgumentException("fit range [" + from + ", " + to + "] must hold at least 2 of the "
                    + y.length + " points");
        }
        int k = to - from + 1;
        double mx = 0;
        double my = 0;
        for (int i = from; i <= to; i++) {
            mx += x == null ? i : x[i];
            my += y[i];
        }
        mx /= k;
        my /= k;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = from; i <= to; i++) {
            double dx = (x == null ? i : x[i]) - mx;
            double dy = y[i] - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("all x values in [" + from + ", " + to + "] are equal");
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double ssRes = 0;
        for (int i = from; i <= to; i++) {
            double r = y[i] - slope * (x == null ? i : x[i]) - intercept;
            ssRes += r * r;
        }
        double r2 = syy == 0 ? Double.NaN : Math.max(0, 1 - ssRes / syy);
        double se = k < 3 ? Double.NaN : Math.sqrt(ssRes / (k - 2) / sxx);
        return new LinearFit(slope, intercept, r2, se, k, ssRes);
    }
}
