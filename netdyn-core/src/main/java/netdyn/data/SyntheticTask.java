package netdyn.data;

import java.util.Arrays;
import java.util.List;

import netdyn.rng.SplitMix64;

/**
 * Seeded two-dimensional toy classification tasks. Each generator draws {@code n} points with
 * labels alternating between classes (so classes are balanced), adds isotropic Gaussian noise of
 * standard deviation {@code noise}, and is fully determined by its seed (purpose
 * {@code "synthetic"}).
 */
public enum SyntheticTask {
    /** Two interleaving half circles (as scikit-learn's make_moons). */
    MOONS("moons"),
    /** A circle of radius 0.5 inside one of radius 1. */
    CIRCLES("circles"),
    /** Uniform points in [−1, 1]²; class 1 where x·y &gt; 0. */
    XOR("xor"),
    /** Two interleaved Archimedean spirals of 1.5 turns each. */
    SPIRALS("spirals");

    private final String id;

    SyntheticTask(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static SyntheticTask byId(String id) {
        for (SyntheticTask t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        return null;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(SyntheticTask::id).toList();
    }

    public Dataset generate(int n, double noise, SplitMix64 rng) {
        double[][] x = new double[n][2];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % 2;
            labels[i] = c;
            double[] p = x[i];
            switch (this) {
                case MOONS -> {
                    double t = Math.PI * rng.nextDouble();
                    if (c == 0) {
                        p[0] = Math.cos(t);
                        p[1] = Math.sin(t);
                    } else {
                        p[0] = 1 - Math.cos(t);
                        p[1] = 0.5 - Math.sin(t);
                    }
                }
                case CIRCLES -> {
                    double t = 2 * Math.PI * rng.nextDouble();
                    double r = c == 0 ? 1.0 : 0.5;
                    p[0] = r * Math.cos(t);
                    p[1] = r * Math.sin(t);
                }
                case XOR -> {
                    // draw until the point falls in the quadrants of its class
                    do {
                        p[0] = rng.nextUniform(-1, 1);
                        p[1] = rng.nextUniform(-1, 1);
                    } while ((p[0] * p[1] > 0 ? 1 : 0) != c);
                }
                case SPIRALS -> {
                    double s = rng.nextDouble();
                    double t = 3 * Math.PI * s;
                    double r = 0.1 + 0.9 * s;
                    double phase = c * Math.PI;
                    p[0] = r * Math.cos(t + phase);
                    p[1] = r * Math.sin(t + phase);
                }
            }
            p[0] += noise * rng.nextGaussian();
            p[1] += noise * rng.nextGaussian();
        }
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        rng.shuffle(order);
        return new Dataset(id, x, labels, List.of("0", "1"), List.of("x0", "x1")).select(order);
    }
}
