package netdyn.analysis;

import netdyn.lyapunov.FiniteTimeFit;
import netdyn.rng.Seeds;
import netdyn.rng.SplitMix64;

/**
 * The orbital-stability protocol for one init (SCIENCE.md §2), as {@code netdyn divergence} runs it for
 * each of its inits and a sweep task's {@code nmle} for its own: a block of rows in an {@link EnsembleRun},
 * the reference followed by R replicas perturbed by ε·u (u ~ U(−1, 1), or N(0, 1), on the weights or on
 * every parameter), the distance of each replica to the reference after every step, and the nMLE: the
 * best-R² window fit of ln d̄(t), d̄ the replica mean. One code, so both commands give the same nMLE for
 * the same seed, init, η and ε, bit for bit.
 *
 * <p>Seeds: replica r of init i gets u from {@code Seeds.generator(seed, "perturbation", i, r)}, the seed
 * that drew init i (the same u at every ε).
 */
public final class PerturbedReplicas {
    private PerturbedReplicas() {
    }

    /**
     * Adds the perturbation to rows block+1 … block+R (the replicas), rows that hold copies of the reference
     * (row block).
     *
     * @param states    [rows × dimension] (modified)
     * @param perturbed which of the P parameters are perturbed (the weight mask), or null for all of them
     * @param normal    N(0, 1) instead of U(−1, 1)
     */
    public static void perturb(double[] states, int block, int replicas, int dimension, int parameters,
                               boolean[] perturbed, boolean normal, double epsilon, long seed, int init) {
        for (int r = 0; r < replicas; r++) {
            SplitMix64 rng = Seeds.generator(seed, "perturbation", init, r);
            int o = (block + 1 + r) * dimension;
            for (int q = 0; q < parameters; q++) {
                if (perturbed == null || perturbed[q]) {
                    states[o + q] += epsilon * (normal ? rng.nextGaussian() : rng.nextUniform(-1, 1));
                }
            }
        }
    }

    /**
     * distances[r][u] = ‖θ of replica r − θ of the reference‖ over the P parameters at this visit; NaN once
     * either orbit has ended (a diverged orbit's later rows are not an orbit).
     */
    public static void distances(OrbitStep step, int block, int replicas, int parameters, DivergenceSpec.Norm norm,
                                 double[][] distances, int u) {
        double[] states = step.states();
        int ref = step.offset(block);
        boolean refEnded = step.ended(block);
        for (int r = 0; r < replicas; r++) {
            int row = block + 1 + r;
            distances[r][u] = refEnded || step.ended(row) ? Double.NaN
                    : norm.distance(states, step.offset(row), states, ref, parameters);
        }
    }

    /**
     * One init's nMLE.
     *
     * @param mean   d̄(u), the replica mean of the distances
     * @param max    max_u d̄(u) (NaN when a value is)
     * @param window the best-R² window of ln d̄
     */
    public record Fit(double[] mean, double max, FiniteTimeFit.Window window) {
    }

    /** The replica mean of {@code distances} [R][U] (the sum in replica order, then / R) and its window fit. */
    public static Fit fit(double[][] distances, FiniteTimeFit fit) {
        int len = distances[0].length;
        double[] mean = new double[len];
        for (double[] replica : distances) {
            for (int u = 0; u < len; u++) {
                mean[u] += replica[u];
            }
        }
        double m = Double.NEGATIVE_INFINITY;
        for (int u = 0; u < len; u++) {
            mean[u] /= distances.length;
            m = Math.max(m, mean[u]);
        }
        return new Fit(mean, m, fit.best(mean));
    }
}
