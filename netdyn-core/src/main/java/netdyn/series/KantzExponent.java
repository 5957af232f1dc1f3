package netdyn.series;

/**
 * The maximal Lyapunov exponent from a scalar series by Kantz's method: average the separation from every
 * neighbour within ε before taking the logarithm, which smooths the divergence curve compared with a single
 * nearest neighbour.
 *
 * <p>With delay vectors y_i (as in {@link RosensteinExponent}), i = 0 … U−1, U = n − (m−1)τ − K, and
 * ε = radius × the standard deviation of the series, the neighbourhood of y_i is
 * U_i = {j : ‖y_i − y_j‖ ≤ ε, |i − j| &gt; W}; references with fewer than minNeighbours are skipped. Then
 * S(n) = ⟨ln( (1/|U_i|) Σ_{j∈U_i} ‖y_{i+n} − y_{j+n}‖ )⟩_i for n = 0 … K (the separation measured as the
 * Euclidean distance of the delay vectors; a zero mean separation is skipped), and λ₁ per step is the slope
 * of S over the fit range. ε trades the number of neighbours against the length of the linear stretch
 * (from ln ε up to saturation).
 *
 * <p>Cost: O(U log U) to sort, O(U · |slab|) to find neighbours, O(Σ|U_i| · K · m) for the curve. Memory
 * O(U). Not thread-safe.
 *
 * <p>References: Kantz, "A robust method to estimate the maximal Lyapunov exponent of a time series", Phys.
 * Lett. A 185, 1994, doi:10.1016/0375-9601(94)90991-1; Kantz &amp; Schreiber, "Nonlinear Time Series
 * Analysis", 2nd ed., Cambridge 2003, doi:10.1017/CBO9780511755798, §5.3.
 */
public final class KantzExponent {
    private final KantzSpec spec;

    public KantzExponent(KantzSpec spec) {
        this.spec = spec;
    }

    public static ScalarExponentResult of(double[] series, KantzSpec spec) {
        return new KantzExponent(spec).run(series);
    }

    public ScalarExponentResult run(double[] series) {
        SeriesChecks.require(series, spec.minimumLength(), "KantzExponent with m = " + spec.dimension()
                + ", τ = " + spec.delay() + ", K = " + spec.horizon() + ", W = " + spec.theilerWindow());
        int k = spec.horizon();
        int usable = DelayEmbedding.vectors(series.length, spec.dimension(), spec.delay()) - k;
        DelayEmbedding embedding = new DelayEmbedding(series, spec.dimension(), spec.delay(), usable);
        double epsilon = spec.radius() * SeriesChecks.std(series, series.length);
        int[] neighbours = new int[usable];
        double[] sums = new double[k + 1];
        int[] terms = new int[k + 1];
        int[] pairs = new int[k + 1];
        int references = 0;
        for (int i = 0; i < usable; i++) {
            int count = embedding.withinRadius(i, spec.theilerWindow(), epsilon, neighbours);
            if (count < spec.minNeighbours()) {
                continue;
            }
            references++;
            for (int n = 0; n <= k; n++) {
                double mean = 0;
                for (int a = 0; a < count; a++) {
                    mean += embedding.distance(i + n, neighbours[a] + n);
                }
                mean /= count;
                if (mean > 0) {
                    sums[n] += Math.log(mean);
                    terms[n]++;
                    pairs[n] += count;
                }
            }
        }
        double[] curve = new double[k + 1];
        for (int n = 0; n <= k; n++) {
            curve[n] = terms[n] == 0 ? Double.NaN : sums[n] / terms[n];
        }
        return ScalarExponentResult.from("kantz", curve, pairs, references, spec.fitRange());
    }
}
