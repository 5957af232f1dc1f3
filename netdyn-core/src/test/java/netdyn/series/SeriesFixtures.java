package netdyn.series;

import netdyn.rng.SplitMix64;

/** Series with known answers, generated here so that the tests depend on nothing but the code under test. */
final class SeriesFixtures {
    static final double HENON_LAMBDA = 0.41922;

    private SeriesFixtures() {
    }

    /** x ← r x (1 − x) from x0, n values after {@code transient_} discarded steps. */
    static double[] logistic(double r, int n, int transient_, double x0) {
        double x = x0;
        for (int i = 0; i < transient_; i++) {
            x = r * x * (1 - x);
        }
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = x;
            x = r * x * (1 - x);
        }
        return s;
    }

    /** The x coordinate of the Hénon map (a = 1.4, b = 0.3): x' = 1 − a x² + y, y' = b x. */
    static double[] henonX(int n, int transient_, double x0, double y0) {
        double x = x0;
        double y = y0;
        double[] s = new double[n];
        for (int i = -transient_; i < n; i++) {
            if (i >= 0) {
                s[i] = x;
            }
            double nx = 1 - 1.4 * x * x + y;
            y = 0.3 * x;
            x = nx;
        }
        return s;
    }

    /** The tent map x ← μ min(x, 1 − x); |f'| = μ everywhere, so every local rate is ln μ. */
    static double[] tent(double mu, int n, int transient_, double x0) {
        double x = x0;
        double[] s = new double[n];
        for (int i = -transient_; i < n; i++) {
            if (i >= 0) {
                s[i] = x;
            }
            x = mu * Math.min(x, 1 - x);
        }
        return s;
    }

    static double[] gaussian(int n, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = rng.nextGaussian();
        }
        return s;
    }

    static double[] sine(int n, double period, double amplitude, double phase, double offset) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = offset + amplitude * Math.sin(2 * Math.PI * i / period + phase);
        }
        return s;
    }
}
