package netdyn.rng;

/**
 * The SplitMix64 generator (Steele, Lea &amp; Flood, "Fast splittable pseudorandom number generators",
 * OOPSLA 2014, doi:10.1145/2660193.2660195), written out here so that every draw netdyn makes is
 * fixed by this file and not by the JDK version.
 *
 * <p>Not thread-safe: each task owns its generator, created from a seed derived with {@link Seeds}.
 */
public final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;
    private double spareGaussian;
    private boolean hasSpareGaussian;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The SplitMix64 output function: a bijective 64-bit mixer. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform on [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform on [a, b). */
    public double nextUniform(double a, double b) {
        return a + (b - a) * nextDouble();
    }

    /** Uniform integer in [0, bound), without modulo bias (Lemire's rejection). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be > 0 (got " + bound + ")");
        }
        long r = nextLong() >>> 33; // 31 bits
        long m = r * bound;
        long low = m & 0x7FFFFFFFL;
        if (low < bound) {
            long threshold = (0x80000000L - bound) % bound;
            while (low < threshold) {
                r = nextLong() >>> 33;
                m = r * bound;
                low = m & 0x7FFFFFFFL;
            }
        }
        return (int) (m >>> 31);
    }

    /**
     * Standard normal by the Marsaglia polar method; deterministic given the seed (uses only
     * {@link Math#log} and {@link Math#sqrt}, whose results the JVM fixes across compilers).
     */
    public double nextGaussian() {
        if (hasSpareGaussian) {
            hasSpareGaussian = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = v * f;
        hasSpareGaussian = true;
        return u * f;
    }

    /** Fisher–Yates shuffle of {@code a} in place. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
