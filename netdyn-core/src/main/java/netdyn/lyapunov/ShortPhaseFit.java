package netdyn.lyapunov;

/**
 * A finite-time exponent for divergence curves whose exponential phase is short: two orbits of the
 * follow-up's MNIST network 1e-8 apart separate for about 20 steps and then saturate, so the study's
 * windows of 30–100 steps ({@link FiniteTimeFit#STUDY}) straddle the saturation and fail.
 *
 * <p>The rule, on y(t) = ln d(t), t = 0 … {@code horizon} − 1 (up to the first value that is not finite):
 * <ol>
 * <li>the growth G = max y − y(0);</li>
 * <li>the rise ends at t_hi, the first step where y − y(0) reaches {@code high}·G (90 %), before the
 *     saturation bends the curve, and starts at t_lo, the last step before t_hi where y − y(0) is at most
 *     {@code low}·G (10 %), after the transient in which the perturbation aligns with the growing
 *     direction;</li>
 * <li>Λ is the least-squares slope of y over [t_lo, t_hi];</li>
 * <li>it passes when G ≥ {@code minGrowth} (a decade), the rise spans at least {@code minSteps} steps,
 *     and, as the study's filter, R² &gt; 0.9 and Λ &gt; 0.05 per step.</li>
 * </ol>
 * For pure exponential growth e^{λt} that flattens at a ceiling, [t_lo, t_hi] lies on the exponential
 * part and Λ = λ; on Arnold's cat map and the logistic map at r = 4 it recovers the known exponents
 * (tests). Distances that never grow a decade (a stable or neutral orbit) do not pass.
 *
 * @param horizon   the first steps considered (the follow-up's 200)
 * @param low       the rise's start, as a fraction of G
 * @param high      the rise's end, as a fraction of G
 * @param minGrowth the least growth G (natural log) for an exponential phase
 * @param minSteps  the fewest steps of a rise
 */
public record ShortPhaseFit(int horizon, double low, double high, double minGrowth, int minSteps) {

    /** The rule as stated: 10 %–90 % of the growth, at least a decade of it, over at least 4 steps. */
    public static final ShortPhaseFit STANDARD = new ShortPhaseFit(200, 0.1, 0.9, Math.log(10), 4);

    public ShortPhaseFit {
        if (horizon < 2 || !(low >= 0 && low < high && high <= 1) || !(minGrowth > 0) || minSteps < 1) {
            throw new IllegalArgumentException("short-phase fit: horizon " + horizon + ", rise " + low + " to " + high
                    + ", growth " + minGrowth + ", steps " + minSteps);
        }
    }

    /**
     * The fit: slope Λ per step, R², the rise [start, end] (steps), the growth G over the horizon, and
     * whether it passes; slope NaN when the curve does not grow at all or has fewer than two finite values.
     */
    public record Result(double slope, double r2, int start, int end, double growth, boolean passes) {
    }

    /** The fit of ln d over d(0), d(1), … (only the first {@code horizon} values are used). */
    public Result fit(double[] distance) {
        int n = 0;
        int limit = Math.min(distance.length, horizon);
        double[] y = new double[limit];
        while (n < limit && distance[n] > 0 && Double.isFinite(distance[n])) {
            y[n] = Math.log(distance[n]);
            n++;
        }
        if (n < 2) {
            return new Result(Double.NaN, Double.NaN, -1, -1, Double.NaN, false);
        }
        double growth = Double.NEGATIVE_INFINITY;
        for (int t = 1; t < n; t++) {
            growth = Math.max(growth, y[t] - y[0]);
        }
        if (!(growth > 0)) {
            return new Result(Double.NaN, Double.NaN, -1, -1, growth, false);
        }
        int end = 1;
        while (y[end] - y[0] < high * growth) {
            end++;
        }
        int start = end - 1;
        while (start > 0 && y[start] - y[0] > low * growth) {
            start--;
        }
        FiniteTimeFit.Window w = FiniteTimeFit.fit(y, start, end - start + 1);
        boolean passes = growth >= minGrowth && end - start >= minSteps
                && w.passes(FiniteTimeFit.STUDY_MIN_R2, FiniteTimeFit.STUDY_MIN_SLOPE);
        return new Result(w.slope(), w.r2(), start, end, growth, passes);
    }
}
