package netdyn.series;

/**
 * The maximal Lyapunov exponent from a scalar series by Rosenstein's method: follow each delay vector and its
 * nearest neighbour and average the logarithm of their separation.
 *
 * <p>With delay vectors y_i = (x_i, x_{i+τ}, …, x_{i+(m−1)τ}), i = 0 … U−1, U = n − (m−1)τ − K (every
 * vector keeps K successors), the nearest neighbour j(i) minimises ‖y_i − y_j‖ (Euclidean) over
 * |i − j| &gt; W (the Theiler window, which keeps out points close only because they are close in time) and
 * ‖y_i − y_j‖ &gt; 0. Then S(n) = ⟨ln ‖y_{i+n} − y_{j(i)+n}‖⟩_i for n = 0 … K, the mean over the pairs with a
 * non-zero separation at step n; S(n) ≈ S(0) + λ₁ n while the separation is small, then saturates. λ₁ per
 * step (natural log) is the slope of a least-squares line over the fit range ({@link FitRange}; automatic:
 * see {@link DivergenceFit}). Accuracy on 5000 points: see the package's tests (logistic r = 4, Hénon).
 *
 * <p>Choosing m, τ: m at least the dimension of the attractor's state (1 for the logistic map, 2 for Hénon;
 * by Takens up to 2D + 1), τ = 1 for maps; W about the autocorrelation time.
 *
 * <p>Cost: O(U log U) to sort, then one nearest-neighbour query per point (O(U²m) worst case, much less on
 * a spread-out attractor), then O(U·K·m). Memory O(U). Not thread-safe.
 *
 * <p>See also {@link KantzExponent} (averages all neighbours within ε, less noisy), and the exact tangent
 * estimates in {@code netdyn.lyapunov}. References: Rosenstein, Collins &amp; De Luca, "A practical method for
 * calculating largest Lyapunov exponents from small data sets", Physica D 65, 1993,
 * doi:10.1016/0167-2789(93)90009-P; Theiler, Phys. Rev. A 34, 1986, doi:10.1103/PhysRevA.34.2427 (window);
 * Takens, Lect. Notes Math. 898, 1981, doi:10.1007/BFb0091924 (embedding).
 */
public final class RosensteinExponent {
    private final RosensteinSpec spec;

    public RosensteinExponent(RosensteinSpec spec) {
        this.spec = spec;
    }

    public static ScalarExponentResult of(double[] series, RosensteinSpec spec) {
        return new RosensteinExponent(spec).run(series);
    }

    public ScalarExponentResult run(double[] series) {
        SeriesChecks.require(series, spec.minimumLength(), "RosensteinExponent with m = " + spec.dimension()
                + ", τ = " + spec.delay() + ", K = " + spec.horizon() + ", W = " + spec.theilerWindow());
        int k = spec.horizon();
        int usable = DelayEmbedding.vectors(series.length, spec.dimension(), spec.delay()) - k;
        DelayEmbedding embedding = new DelayEmbedding(series, spec.dimension(), spec.delay(), usable);
        double[] sums = new double[k + 1];
        int[] pairs = new int[k + 1];
        int references = 0;
        for (int i = 0; i < usable; i++) {
            int j = embedding.nearest(i, spec.theilerWindow());
            if (j < 0) {
                continue;
            }
            references++;
            for (int n = 0; n <= k; n++) {
                double d = embedding.distance(i + n, j + n);
                if (d > 0) {
                    sums[n] += Math.log(d);
                    pairs[n]++;
                }
            }
        }
        double[] curve = new double[k + 1];
        for (int n = 0; n <= k; n++) {
            curve[n] = pairs[n] == 0 ? Double.NaN : sums[n] / pairs[n];
        }
        return ScalarExponentResult.from("rosenstein", curve, pairs, references, spec.fitRange());
    }
}
