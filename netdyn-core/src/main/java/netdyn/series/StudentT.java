package netdyn.series;

/**
 * Student's t distribution with ν degrees of freedom, through the regularised incomplete beta function:
 * for t ≥ 0, P(T ≤ t) = 1 − ½ I_{ν/(ν+t²)}(ν/2, ½), and the two-sided tail P(|T| ≥ |t|) = I_{ν/(ν+t²)}(ν/2, ½)
 * (Abramowitz &amp; Stegun 26.7.1 and 26.5.27). Used for the p-value of a fitted slope ({@link LinearFit}).
 * Cost: one continued fraction, O(10–100) operations.
 */
public final class StudentT {
    private StudentT() {
    }

    /** P(T ≤ t) for ν &gt; 0 degrees of freedom; NaN when ν ≤ 0 or t is NaN. */
    public static double cdf(double t, double nu) {
        if (!(nu > 0) || Double.isNaN(t)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return t > 0 ? 1 : 0;
        }
        double tail = 0.5 * SpecialFunctions.regularizedIncompleteBeta(nu / (nu + t * t), 0.5 * nu, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    /** P(|T| ≥ |t|), the two-sided p-value of the statistic t; NaN when ν ≤ 0 or t is NaN. */
    public static double twoSidedPValue(double t, double nu) {
        if (!(nu > 0) || Double.isNaN(t)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return 0;
        }
        return SpecialFunctions.regularizedIncompleteBeta(nu / (nu + t * t), 0.5 * nu, 0.5);
    }
}
