package netdyn.series;

/**
 * The discrete Fourier transform X_k = Σ_{t=0}^{n−1} x_t e^{−2πi kt/n}, k = 0 … n−1, of any length n ≥ 1,
 * in place on split real and imaginary arrays.
 *
 * <p>A power-of-two n is done by the iterative radix-2 Cooley–Tukey algorithm (Cooley &amp; Tukey, Math.
 * Comp. 19, 1965, doi:10.1090/S0025-5718-1965-0178586-1); any other n by Bluestein's chirp-z
 * algorithm (Bluestein, IEEE Trans. Audio Electroacoust. 18, 1970, doi:10.1109/TAU.1970.1162132):
 * with w_t = e^{−iπ t²/n} and 2kt = k² + t² − (k − t)², X_k = w_k Σ_t (x_t w_t) conj(w_{k−t}), a circular
 * convolution done by radix-2 transforms of length m ≥ 2n − 1. The chirp angle uses t² mod 2n in
 * integer arithmetic, so large n loses no accuracy. Cost: 5 n log₂ n flops (radix 2), about three
 * length-m transforms otherwise. Twiddle and chirp tables come from {@link StrictMath}, so results do
 * not depend on the JVM's intrinsics.
 *
 * <p>A plan for one length: it owns its tables and workspace (allocated once), is reused across calls and
 * is not thread-safe.
 */
public final class FourierTransform {
    private final int n;
    private final int m;
    private final double[] cos;
    private final double[] sin;
    private final double[] chirpRe;
    private final double[] chirpIm;
    private final double[] filterRe;
    private final double[] filterIm;
    private final double[] workRe;
    private final double[] workIm;

    /** A plan for transforms of length n ≥ 1. */
    public FourierTransform(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("transform length must be >= 1 (got " + n + ")");
        }
        this.n = n;
        boolean radix2 = isPowerOfTwo(n);
        this.m = radix2 ? n : nextPowerOfTwo(2 * n - 1);
        cos = new double[Math.max(1, m / 2)];
        sin = new double[Math.max(1, m / 2)];
        for (int k = 0; k < m / 2; k++) {
            double angle = 2 * Math.PI * k / m;
            cos[k] = StrictMath.cos(angle);
            sin[k] = StrictMath.sin(angle);
        }
        if (radix2) {
            chirpRe = chirpIm = filterRe = filterIm = workRe = workIm = null;
            return;
        }
        chirpRe = new double[n];
        chirpIm = new double[n];
        long twoN = 2L * n;
        for (int t = 0; t < n; t++) {
            double angle = Math.PI * (((long) t * t) % twoN) / n;
            chirpRe[t] = StrictMath.cos(angle);
            chirpIm[t] = -StrictMath.sin(angle);
        }
        filterRe = new double[m];
        filterIm = new double[m];
        filterRe[0] = chirpRe[0];
        filterIm[0] = -chirpIm[0];
        for (int j = 1; j < n; j++) {
            filterRe[j] = filterRe[m - j] = chirpRe[j];
            filterIm[j] = filterIm[m - j] = -chirpIm[j];
        }
        radix2(filterRe, filterIm, m, cos, sin);
        workRe = new double[m];
        workIm = new double[m];
    }

    public int length() {
        return n;
    }

    /**
     * Replaces (re, im)[0 … n) by its transform. Entries from n on are not touched.
     *
     * @param re real parts, at least n long; modified
     * @param im imaginary parts, at least n long; modified
     */
    public void forward(double[] re, double[] im) {
        if (re.length < n || im.length < n) {
            throw new IllegalArgumentException("transform of length " + n + " given arrays of " + re.length + " and "
                    + im.length);
        }
        if (chirpRe == null) {
            radix2(re, im, n, cos, sin);
            return;
        }
        for (int t = 0; t < n; t++) {
            workRe[t] = re[t] * chirpRe[t] - im[t] * chirpIm[t];
            workIm[t] = re[t] * chirpIm[t] + im[t] * chirpRe[t];
        }
        java.util.Arrays.fill(workRe, n, m, 0);
        java.util.Arrays.fill(workIm, n, m, 0);
        radix2(workRe, workIm, m, cos, sin);
        // pointwise product with the filter, conjugated: the inverse transform is conj(FFT(conj(·)))/m
        for (int k = 0; k < m; k++) {
            double r = workRe[k] * filterRe[k] - workIm[k] * filterIm[k];
            double i = workRe[k] * filterIm[k] + workIm[k] * filterRe[k];
            workRe[k] = r;
            workIm[k] = -i;
        }
        radix2(workRe, workIm, m, cos, sin);
        double scale = 1.0 / m;
        for (int k = 0; k < n; k++) {
            double cr = workRe[k] * scale;
            double ci = -workIm[k] * scale;
            re[k] = cr * chirpRe[k] - ci * chirpIm[k];
            im[k] = cr * chirpIm[k] + ci * chirpRe[k];
        }
    }

    /**
     * In-place radix-2 transform of (re, im)[0 … m), m a power of two, with the tables cos[k] = cos(2πk/m),
     * sin[k] = sin(2πk/m) for k &lt; m/2. No allocation.
     */
    static void radix2(double[] re, double[] im, int m, double[] cos, double[] sin) {
        for (int i = 1, j = 0; i < m; i++) {
            int bit = m >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= m; len <<= 1) {
            int half = len >> 1;
            int step = m / len;
            for (int i = 0; i < m; i += len) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * step];
                    double wi = -sin[k * step];
                    int a = i + k;
                    int b = a + half;
                    double tr = re[b] * wr - im[b] * wi;
                    double ti = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }

    static boolean isPowerOfTwo(int n) {
        return n > 0 && (n & (n - 1)) == 0;
    }

    /** The smallest power of two ≥ n (n ≥ 1, n ≤ 2^30). */
    static int nextPowerOfTwo(int n) {
        if (n > 1 << 30) {
            throw new IllegalArgumentException("transform length " + n + " too large");
        }
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }
}
