package netdyn.cli;

import netdyn.BadInputException;
import netdyn.curvature.HessianSpectrum;
import picocli.CommandLine.Option;

/** The options of {@code netdyn sharpness}; {@link #fullAtSteps} checks them and parses --full-at. */
final class SharpnessOptions {
    @Option(names = "--steps", defaultValue = "2000", description = "Gradient steps T (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--every", defaultValue = "10", paramLabel = "K",
            description = "Top eigenvalues every K steps (default: ${DEFAULT-VALUE}).")
    long every;

    @Option(names = "--top", defaultValue = "3", description = "How many top eigenvalues (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--lanczos", defaultValue = "30", paramLabel = "M",
            description = "Lanczos iterations (Krylov dimension, capped at P; default: ${DEFAULT-VALUE}).")
    int lanczos;

    @Option(names = "--full-at", defaultValue = "end", paramLabel = "STEP[,STEP...]",
            description = "Steps at which to compute the full Hessian spectrum ('end' = T, 'none'; "
                    + "default: ${DEFAULT-VALUE}, skipped above P = "
                    + HessianSpectrum.MAX_PARAMETERS + " parameters, where an explicit value is "
                    + "refused).")
    String fullAt;

    @Option(names = "--tolerance", defaultValue = "1e-8",
            description = "|λ| <= tolerance · max|λ| counts as a flat direction (default: ${DEFAULT-VALUE}).")
    double tolerance;

    /** Checks --steps and --top, then returns the steps of --full-at (none for 'none', 'end' = T). */
    long[] fullAtSteps() {
        if (steps < 0) {
            throw new BadInputException("--steps must be >= 0 (got " + steps + ")");
        }
        if (top < 1 || top > lanczos) {
            throw new BadInputException("--top must be between 1 and --lanczos " + lanczos + " (got " + top + ")");
        }
        String s = fullAt.trim();
        if (s.equals("none")) {
            return new long[0];
        }
        String[] parts = s.split(",");
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.equals("end")) {
                out[i] = steps;
                continue;
            }
            try {
                out[i] = Long.parseLong(part);
            } catch (NumberFormatException e) {
                throw new BadInputException("--full-at: '" + part + "' is not a step (use e.g. 0,500,end or none)");
            }
            if (out[i] < 0 || out[i] > steps) {
                throw new BadInputException("--full-at: step " + out[i] + " is outside 0.." + steps);
            }
        }
        return out;
    }
}
