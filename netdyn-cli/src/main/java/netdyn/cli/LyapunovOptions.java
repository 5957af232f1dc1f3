package netdyn.cli;

import netdyn.BadInputException;
import netdyn.curvature.HessianSpectrum;
import netdyn.lyapunov.SpectrumSpec;
import picocli.CommandLine.Option;

/** The options of {@code netdyn lyapunov}; {@link #spec} turns them into a {@link SpectrumSpec}. */
final class LyapunovOptions {
    @Option(names = "--system", paramLabel = "NAME[:k=v,...]",
            description = "A reference system: logistic, tent, henon, lozi, ikeda, standard, cat, lorenz, rossler, "
                    + "with parameters such as henon:a=1.4,b=0.3. Without it, the map is gradient descent on the "
                    + "network the network options describe.")
    String system;

    @Option(names = "--steps", paramLabel = "T",
            description = "Steps averaged over (default: 100000 for a system, 2000 for gradient descent).")
    Long steps;

    @Option(names = "--k", defaultValue = "all", paramLabel = "K|all",
            description = "Number of exponents; 'all' for the full spectrum, which gradient descent allows up to P = "
                    + HessianSpectrum.MAX_PARAMETERS + " parameters (default: ${DEFAULT-VALUE}).")
    String k;

    /** Whether --k was on the command line (set by the command; the default 'all' is refused by name too). */
    boolean explicitK;

    @Option(names = "--transient", paramLabel = "N",
            description = "Steps discarded first (default: the system's own, 0 for gradient descent, whose "
                    + "transient is the training itself).")
    Long transientSteps;

    @Option(names = "--q", defaultValue = "1", description = "Re-orthonormalise every q steps (default: ${DEFAULT-VALUE}).")
    int q;

    @Option(names = "--twin-distance", defaultValue = "1e-8", paramLabel = "D0",
            description = "Initial and renormalised distance of the twin orbit (default: ${DEFAULT-VALUE}).")
    double twinDistance;

    @Option(names = "--no-twin", description = "Skip the twin-orbit estimate of the maximal exponent.")
    boolean noTwin;

    @Option(names = "--no-sum-rule", description = "Skip the sum-rule check (for gradient descent it "
            + "diagonalises the Hessian at every step; done when P <= 300).")
    boolean noSumRule;

    @Option(names = "--frame-seed", defaultValue = "0", description = "Seed of the random start frame and twin "
            + "direction (default: ${DEFAULT-VALUE}).")
    long frameSeed;

    /**
     * The run's settings for a map of dimension {@code dim} whose own transient is {@code defaultTransient};
     * {@code parameters} is the network's P for gradient descent (0 for a reference system, whose few
     * dimensions have no limit): all P exponents of a network above {@link HessianSpectrum#MAX_PARAMETERS}
     * are refused here, before any work.
     */
    SpectrumSpec spec(int dim, long defaultTransient, int parameters) {
        if (parameters > 0 && k.trim().equals("all") && !HessianSpectrum.fits(parameters)) {
            int top = Math.min(10, dim);
            throw new BadInputException("--k all" + (explicitK ? "" : " (the default)") + " asks for all " + dim
                    + " exponents; " + HessianSpectrum.limitText(parameters) + "; use --k " + top + " for the top "
                    + top);
        }
        int kk = parseK(dim);
        if ((long) kk * dim > 50_000_000L) {
            throw new BadInputException("--k " + k + ": " + kk + " tangent vectors of dimension " + dim + " need "
                    + (long) kk * dim * 16 / (1 << 20) + " MiB; choose a smaller --k (the top exponents)");
        }
        long t = steps != null ? steps : system != null ? 100_000 : 2_000;
        long tr = transientSteps != null ? transientSteps : defaultTransient;
        return new SpectrumSpec(t, tr, kk, q, !noSumRule, frameSeed).forDimension(dim);
    }

    private int parseK(int dim) {
        if (k.equals("all")) {
            return dim;
        }
        try {
            int v = Integer.parseInt(k.trim());
            if (v < 1) {
                throw new BadInputException("--k must be >= 1 or 'all' (got " + k + ")");
            }
            if (v > dim) {
                throw new BadInputException("--k " + v + " exceeds the dimension " + dim + " of the system");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadInputException("--k must be a whole number or 'all' (got '" + k + "')");
        }
    }
}
