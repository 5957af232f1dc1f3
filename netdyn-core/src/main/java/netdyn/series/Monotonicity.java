package netdyn.series;

/**
 * Monotonicity statistics of a series: the fraction of increasing steps, the largest single rise, and the
 * number of rises (maximal runs of increasing steps). For a training loss, fractionIncreasing = 0 is
 * gradient descent in its stable regime (η below 2/sharpness); spikes (edge of stability) show as rare
 * large rises; chaotic training as fractionIncreasing near ½.
 *
 * <p>With d_t = x(t+1) − x(t), t = 0 … n−2, and tolerance τ ≥ 0: a step rises if d_t &gt; τ, falls if
 * d_t &lt; −τ, else is flat; fractionIncreasing = #{rising} / (n − 1).
 *
 * <p>Cost: O(n), one pass, no allocation. Stateless: the instance exists so that every estimator of the
 * package has the same two levels.
 *
 * <p>See also {@link LaminarPhases} (runs of small steps).
 */
public final class Monotonicity {
    private final MonotonicitySpec spec;

    public Monotonicity(MonotonicitySpec spec) {
        this.spec = spec;
    }

    public static MonotonicityResult of(double[] series, MonotonicitySpec spec) {
        return new Monotonicity(spec).run(series);
    }

    public MonotonicityResult run(double[] series) {
        SeriesChecks.require(series, spec.minimumLength(), "Monotonicity");
        int n = series.length;
        double tol = spec.tolerance();
        int rising = 0;
        int falling = 0;
        int rises = 0;
        int run = 0;
        int longest = 0;
        double largest = 0;
        int largestAt = -1;
        for (int t = 0; t + 1 < n; t++) {
            double d = series[t + 1] - series[t];
            if (d > tol) {
                rising++;
                if (run == 0) {
                    rises++;
                }
                run++;
                longest = Math.max(longest, run);
                if (largestAt < 0 || d > largest) {
                    largest = d;
                    largestAt = t;
                }
            } else {
                run = 0;
                if (d < -tol) {
                    falling++;
                }
            }
        }
        int steps = n - 1;
        return new MonotonicityResult(rising, falling, steps - rising - falling, (double) rising / steps, largest,
                largestAt, rises, longest, series[n - 1] - series[0], n);
    }
}
