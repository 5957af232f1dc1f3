package netdyn.cli;

import netdyn.BadInputException;
import netdyn.analysis.DivergenceSpec;
import netdyn.lyapunov.FiniteTimeFit;
import picocli.CommandLine.Option;

/** The options of {@code netdyn divergence}; {@link #spec} turns them into a {@link DivergenceSpec}. */
final class DivergenceOptions {
    @Option(names = "--preset", paramLabel = "NAME",
            description = "study-small, study-post-learning, study-eos or study-chaotic.")
    String preset;

    @Option(names = "--inits", defaultValue = "10", description = "Reference initialisations (default: ${DEFAULT-VALUE}).")
    int inits;

    @Option(names = "--replicas", defaultValue = "20", description = "Perturbed copies per init (default: ${DEFAULT-VALUE}).")
    int replicas;

    @Option(names = "--eps", defaultValue = "1e-8", paramLabel = "E|E1,E2|FROM:TO:N",
            description = "Perturbation size(s): one value, a list, or N log-spaced values (default: ${DEFAULT-VALUE}).")
    String eps;

    @Option(names = "--perturb", defaultValue = "weights", description = "weights or all (default: ${DEFAULT-VALUE}).")
    String perturb;

    @Option(names = "--perturb-dist", defaultValue = "uniform",
            description = "uniform U(−ε, ε) or normal N(0, ε²) (default: ${DEFAULT-VALUE}).")
    String perturbDist;

    @Option(names = "--perturb-at", defaultValue = "0", paramLabel = "S",
            description = "Perturb at step S of each reference run (post-learning perturbation; default: ${DEFAULT-VALUE}).")
    long perturbAt;

    @Option(names = "--norm", defaultValue = "l1", description = "l1, l2 or linf (default: ${DEFAULT-VALUE}).")
    String norm;

    @Option(names = "--steps", defaultValue = "200", description = "Steps in all (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--fit-starts", defaultValue = "0:100:5", paramLabel = "FROM:TO:STEP",
            description = "Window starts of the nMLE fit (default: ${DEFAULT-VALUE}).")
    String fitStarts;

    @Option(names = "--fit-lengths", defaultValue = "30:100:5", paramLabel = "FROM:TO:STEP",
            description = "Window lengths (default: ${DEFAULT-VALUE}).")
    String fitLengths;

    @Option(names = "--fit-horizon", defaultValue = "200", description = "Windows end within this many steps "
            + "after the perturbation (default: ${DEFAULT-VALUE}).")
    int fitHorizon;

    @Option(names = "--min-r2", defaultValue = "" + FiniteTimeFit.STUDY_MIN_R2,
            description = "Keep fits with R² above (default: ${DEFAULT-VALUE}).")
    double minR2;

    @Option(names = "--min-slope", defaultValue = "" + FiniteTimeFit.STUDY_MIN_SLOPE,
            description = "... and slope above (default: ${DEFAULT-VALUE}).")
    double minSlope;

    @Option(names = "--threads", description = "Worker threads (default: all cores); results do not depend on it.")
    Integer threads;

    @Option(names = "--regimes", description = "Also label each reference run's regime (netdyn regime's rule; "
            + "on for --preset study-chaotic).")
    boolean regimes;

    /** The protocol these options describe, its inits drawn from {@code seed} (apply the preset first). */
    DivergenceSpec spec(long seed) {
        double[] epsilons = parseEps(eps);
        int[] starts = parseRange("--fit-starts", fitStarts);
        int[] lengths = parseRange("--fit-lengths", fitLengths);
        FiniteTimeFit fit = new FiniteTimeFit(starts[0], starts[1], starts[2], lengths[0], lengths[1], lengths[2],
                fitHorizon);
        boolean weightsOnly = switch (perturb) {
            case "weights" -> true;
            case "all" -> false;
            default -> throw new BadInputException("--perturb: '" + perturb + "' (valid: weights, all)");
        };
        boolean normal = switch (perturbDist) {
            case "uniform" -> false;
            case "normal" -> true;
            default -> throw new BadInputException("--perturb-dist: '" + perturbDist + "' (valid: uniform, normal)");
        };
        int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        return new DivergenceSpec(inits, replicas, epsilons, weightsOnly, normal,
                DivergenceSpec.Norm.parse(norm), steps, perturbAt, fit, minR2, minSlope, seed, nThreads);
    }

    /** Whether each reference run's regime is labelled (--regimes, or the study-chaotic preset). */
    boolean labelRegimes() {
        return regimes || "study-chaotic".equals(preset);
    }

    static double[] parseEps(String text) {
        String s = text.trim();
        try {
            if (s.contains(":")) {
                String[] parts = s.split(":");
                if (parts.length != 3) {
                    throw new BadInputException("--eps: a range is FROM:TO:N, e.g. 1e-15:1e-2:14 (got " + text + ")");
                }
                double from = Double.parseDouble(parts[0]);
                double to = Double.parseDouble(parts[1]);
                int n = Integer.parseInt(parts[2]);
                if (!(from > 0) || !(to > 0) || n < 1 || (n > 1 && to <= from)) {
                    throw new BadInputException("--eps: a log-spaced range needs 0 < FROM < TO and N >= 1 (got " + text
                            + ")");
                }
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = n == 1 ? from : Math.exp(Math.log(from) + i * (Math.log(to) - Math.log(from)) / (n - 1));
                }
                return out;
            }
            String[] parts = s.split(",");
            double[] out = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                out[i] = Double.parseDouble(parts[i].trim());
            }
            return out;
        } catch (NumberFormatException e) {
            throw new BadInputException("--eps: '" + text + "' is not a number, a list or FROM:TO:N");
        }
    }

    static int[] parseRange(String option, String text) {
        String[] parts = text.trim().split(":");
        if (parts.length != 3) {
            throw new BadInputException(option + ": expected FROM:TO:STEP (got " + text + ")");
        }
        try {
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
        } catch (NumberFormatException e) {
            throw new BadInputException(option + ": expected whole numbers FROM:TO:STEP (got " + text + ")");
        }
    }
}
