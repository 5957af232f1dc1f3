package netdyn.series;

/**
 * The maximal Lyapunov exponent estimated from a scalar series, with the divergence curve it was fitted to.
 *
 * @param method     "rosenstein" or "kantz"
 * @param exponent   λ₁ per step (natural log): the slope of the fit; NaN with a failure
 * @param intercept  intercept of the fit
 * @param r2         R² of the fit
 * @param fitFrom    first step n of the fit (−1 with no fit)
 * @param fitTo      last step n of the fit, inclusive (−1 with no fit)
 * @param curve      S(n) for n = 0 … horizon: the mean log distance (NaN where no pair contributed)
 * @param pairs      pairs (reference, neighbour) that contributed to S(n), per n
 * @param references reference points that had a neighbour
 * @param failure    null, or why there is no exponent (no neighbours, too few finite points)
 */
public record ScalarExponentResult(String method, double exponent, double intercept, double r2, int fitFrom,
                                   int fitTo, double[] curve, int[] pairs, int references, String failure) {

    /** The fitted line at step n (for plotting over the curve). */
    public double fitted(int n) {
        return intercept + exponent * n;
    }

    static ScalarExponentResult from(String method, double[] curve, int[] pairs, int references, FitRange range) {
        if (references == 0) {
            return new ScalarExponentResult(method, Double.NaN, Double.NaN, Double.NaN, -1, -1, curve, pairs, 0,
                    "no reference point has a neighbour");
        }
        DivergenceFit.Choice c = DivergenceFit.choose(curve, range);
        if (c.fit() == null) {
            return new ScalarExponentResult(method, Double.NaN, Double.NaN, Double.NaN, c.from(), c.to(), curve, pairs,
                    references, range.isAuto() ? "the divergence curve has too few finite points to fit"
                            : "the divergence curve is not finite over the fit range " + range);
        }
        return new ScalarExponentResult(method, c.fit().slope(), c.fit().intercept(), c.fit().r2(), c.from(), c.to(),
                curve, pairs, references, null);
    }
}
