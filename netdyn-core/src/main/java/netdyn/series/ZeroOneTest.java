package netdyn.series;

import java.util.Arrays;

import netdyn.rng.Seeds;
import netdyn.rng.SplitMix64;

/**
 * The Gottwald–Melbourne 0–1 test for chaos, correlation method: K ≈ 1 for chaotic dynamics, K ≈ 0 for
 * regular dynamics, from a scalar series φ(1) … φ(N) alone, with no embedding (SCIENCE.md §4).
 *
 * <p>For a frequency c: the translation variables p_c(j) = Σ_{i=1}^{j} φ(i) cos(ic),
 * q_c(j) = Σ_{i=1}^{j} φ(i) sin(ic) perform a bounded motion for regular φ and a diffusion (Brownian-like)
 * for chaotic φ. The mean-square displacement
 * M_c(n) = (1/(N−n)) Σ_{j=1}^{N−n} [p_c(j+n) − p_c(j)]² + [q_c(j+n) − q_c(j)]², n = 1 … n_cut (= N/10),
 * has its oscillatory term removed (the modified mean-square displacement):
 * D_c(n) = M_c(n) − (Eφ)² (1 − cos nc)/(1 − cos c), Eφ the mean of the series; then
 * K_c = corr(n, D_c(n)) over n = 1 … n_cut (Pearson), and K = median of K_c over c drawn uniformly from
 * (π/5, 4π/5) — the median discards the rare resonant c where a regular φ also gives linear growth.
 * The frequencies come from {@code Seeds.generator(seed, "zero-one-frequencies")}, drawn in order.
 *
 * <p>The sum over j is evaluated without the O(N·n_cut) double loop: with z(j) = p_c(j) + i q_c(j),
 * Σ_j |z(j+n) − z(j)|² = Σ_{j≤N−n} |z(j)|² + Σ_{j&gt;n} |z(j)|² − 2 Re Σ_j z(j+n) conj(z(j)), the first two by prefix
 * sums, the last (the autocorrelation of z) by zero-padded FFT (Wiener–Khinchin). Cost:
 * O(C · M log M), M the power of two ≥ 2N, C the number of frequencies (100 frequencies, N = 5000: ~20 ms);
 * memory O(M). The instance keeps its workspace for the last length seen; not thread-safe.
 *
 * <p>Caveats (Gottwald &amp; Melbourne 2009): oversampled data (e.g. a flow sampled finely) reads as regular —
 * sample coarser; strong noise reads as chaotic. A constant series gives K = NaN (D_c ≡ 0).
 *
 * <p>See also {@link RosensteinExponent}, {@link PermutationEntropy}. References: Gottwald &amp; Melbourne,
 * "A new test for chaos in deterministic systems", Proc. R. Soc. A 460, 2004, doi:10.1098/rspa.2003.1183;
 * "On the implementation of the 0–1 test for chaos", SIAM J. Appl. Dyn. Syst. 8, 2009,
 * doi:10.1137/080718851; "The 0–1 test for chaos: a review", Lect. Notes Phys. 915, 2016,
 * doi:10.1007/978-3-662-48410-4_7.
 */
public final class ZeroOneTest {
    private static final double C_MIN = Math.PI / 5;
    private static final double C_MAX = 4 * Math.PI / 5;

    private final ZeroOneTestSpec spec;
    private int planned = -1;
    private FourierTransform plan;
    private double[] re;
    private double[] im;
    private double[] prefix;
    private double[] displacement;

    public ZeroOneTest(ZeroOneTestSpec spec) {
        this.spec = spec;
    }

    public static ZeroOneTestResult of(double[] series, ZeroOneTestSpec spec) {
        return new ZeroOneTest(spec).run(series);
    }

    public ZeroOneTestResult run(double[] series) {
        SeriesChecks.require(series, spec.minimumLength(), "ZeroOneTest");
        int n = series.length;
        int cut = spec.cutoff(n);
        int m = FourierTransform.nextPowerOfTwo(2 * n);
        if (planned != n) {
            plan = new FourierTransform(m);
            re = new double[m];
            im = new double[m];
            prefix = new double[n + 1];
            displacement = new double[cut + 1];
            planned = n;
        }
        int count = spec.frequencies();
        double[] cs = new double[count];
        SplitMix64 rng = Seeds.generator(spec.seed(), "zero-one-frequencies");
        for (int i = 0; i < count; i++) {
            cs[i] = rng.nextUniform(C_MIN, C_MAX);
        }
        double[] kc = new double[count];
        double mean = SeriesChecks.mean(series, n);
        if (SeriesChecks.isConstant(series, n)) {
            Arrays.fill(kc, Double.NaN);
            return new ZeroOneTestResult(Double.NaN, kc, cs, cut, n);
        }
        for (int i = 0; i < count; i++) {
            kc[i] = correlation(series, n, cut, m, cs[i], mean);
        }
        return new ZeroOneTestResult(median(kc), kc, cs, cut, n);
    }

    /** K_c for one frequency c; uses the workspace. */
    private double correlation(double[] phi, int n, int cut, int m, double c, double mean) {
        double p = 0;
        double q = 0;
        prefix[0] = 0;
        for (int j = 1; j <= n; j++) {
            double angle = j * c;
            p += phi[j - 1] * StrictMath.cos(angle);
            q += phi[j - 1] * StrictMath.sin(angle);
            re[j - 1] = p;
            im[j - 1] = q;
            prefix[j] = prefix[j - 1] + p * p + q * q;
        }
        Arrays.fill(re, n, m, 0);
        Arrays.fill(im, n, m, 0);
        plan.forward(re, im);
        for (int k = 0; k < m; k++) {
            re[k] = re[k] * re[k] + im[k] * im[k];
            im[k] = 0;
        }
        plan.forward(re, im); // Re FFT(|Z|²)(n) / m = Re Σ_j z(j+n) conj(z(j))
        double oscillation = mean * mean / (1 - StrictMath.cos(c));
        for (int d = 1; d <= cut; d++) {
            double cross = re[d] / m;
            double sum = prefix[n - d] + (prefix[n] - prefix[d]) - 2 * cross;
            displacement[d] = sum / (n - d) - oscillation * (1 - StrictMath.cos(d * c));
        }
        return pearsonWithIndex(displacement, cut);
    }

    /** corr(d, y[d]) over d = 1 … cut; NaN when y is constant. */
    static double pearsonWithIndex(double[] y, int cut) {
        double mx = (cut + 1) / 2.0;
        double my = 0;
        for (int d = 1; d <= cut; d++) {
            my += y[d];
        }
        my /= cut;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int d = 1; d <= cut; d++) {
            double dx = d - mx;
            double dy = y[d] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
    }

    /** The median of the finite values (mean of the two middle ones for an even count); NaN if none. */
    static double median(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        int k = finite.length;
        if (k == 0) {
            return Double.NaN;
        }
        return k % 2 == 1 ? finite[k / 2] : 0.5 * (finite[k / 2 - 1] + finite[k / 2]);
    }
}
