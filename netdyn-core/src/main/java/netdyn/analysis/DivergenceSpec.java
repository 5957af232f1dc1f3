package netdyn.analysis;

import static netdyn.BadInputException.mention;

import netdyn.BadInputException;
import netdyn.lyapunov.FiniteTimeFit;

/**
 * The reference study's orbital-stability protocol (SCIENCE.md §2): {@code inits} reference
 * initialisations, each with {@code replicas} copies perturbed at step {@code perturbAt} by
 * i.i.d. U(−ε, ε) (or N(0, ε²)) on the weights (or on all parameters), all trained by the same
 * deterministic gradient descent for {@code steps} steps in all; distances to the reference in the
 * chosen norm over all parameters; the finite-time exponent (nMLE) fitted per init on ln of the
 * replica-mean distance.
 *
 * <p>The perturbation sizes are kept in ascending order, whatever order they were given in.
 *
 * <p>Seeds: reference init i from {@code Seeds.derive(seed, "init", i)}; replica r of init i gets
 * ε·u with u ~ U(−1, 1) (or N(0, 1)) from {@code Seeds.derive(seed, "perturbation", i, r)}, the same
 * u at every ε.
 */
public record DivergenceSpec(int inits, int replicas, double[] epsilons, boolean weightsOnly, boolean normal,
                             Norm norm, long steps, long perturbAt, FiniteTimeFit fit, double minR2, double minSlope,
                             long seed, int threads) {

    /** Distance between two parameter vectors. */
    public enum Norm {
        L1, L2, LINF;

        public static Norm parse(String s) {
            return switch (s) {
                case "l1" -> L1;
                case "l2" -> L2;
                case "linf" -> LINF;
                default -> throw BadInputException.of(DivergenceSpec.class, "norm", ": unknown norm '" + s
                        + "' (valid: l1, l2, linf)");
            };
        }

        /** The distance of a[ao..ao+n) and b[bo..bo+n); one loop per norm, so the hot loop does not branch on it. */
        double distance(double[] a, int ao, double[] b, int bo, int n) {
            double d = 0;
            switch (this) {
                case L1 -> {
                    for (int i = 0; i < n; i++) {
                        d += Math.abs(a[ao + i] - b[bo + i]);
                    }
                }
                case L2 -> {
                    for (int i = 0; i < n; i++) {
                        double x = Math.abs(a[ao + i] - b[bo + i]);
                        d += x * x;
                    }
                    d = Math.sqrt(d);
                }
                case LINF -> {
                    for (int i = 0; i < n; i++) {
                        d = Math.max(d, Math.abs(a[ao + i] - b[bo + i]));
                    }
                }
            }
            return d;
        }
    }

    public DivergenceSpec {
        if (inits < 1) {
            throw BadInputException.of(DivergenceSpec.class, "inits", "must be >= 1 (got " + inits + ")");
        }
        if (replicas < 1) {
            throw BadInputException.of(DivergenceSpec.class, "replicas", "must be >= 1 (got " + replicas + ")");
        }
        if (epsilons.length == 0) {
            throw BadInputException.of(DivergenceSpec.class, "epsilons", ": no perturbation size given");
        }
        for (double e : epsilons) {
            if (!(e > 0) || Double.isInfinite(e)) {
                throw BadInputException.of(DivergenceSpec.class, "epsilons",
                        "values must be finite and > 0 (got " + e + ")");
            }
        }
        if (steps < 1) {
            throw BadInputException.of(DivergenceSpec.class, "steps", "must be >= 1 (got " + steps + ")");
        }
        if (perturbAt < 0 || perturbAt >= steps) {
            throw BadInputException.of(DivergenceSpec.class, "perturbAt", "must be in [0, ", mention("steps"),
                    ") = [0, " + steps + ") (got " + perturbAt + ")");
        }
        if (threads < 1) {
            throw BadInputException.of(DivergenceSpec.class, "threads", "must be >= 1 (got " + threads + ")");
        }
        epsilons = epsilons.clone();
        java.util.Arrays.sort(epsilons); // ascending: "the smallest ε" is the first everywhere downstream
    }

    /** Ensemble steps of the whole protocol: up to the perturbation, then the follow steps once per ε. */
    public long totalWork() {
        return perturbAt + followSteps() * epsilons.length;
    }

    /** Steps followed after the perturbation. */
    public long followSteps() {
        return steps - perturbAt;
    }
}
