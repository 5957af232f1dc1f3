package netdyn.cli;

import netdyn.BadInputException;
import picocli.CommandLine.Option;

/** The options of {@code netdyn train}: how long to train and how often to record; {@link #validate} checks them. */
final class TrainOptions {
    /** By default θ is recorded at about this many steps ... */
    static final long DEFAULT_RECORDED_STATES = 1000;
    /** ... and params.npy stays below this size (64 MiB), so long or large runs stay small. */
    static final long DEFAULT_PARAMS_BYTES = 64L << 20;

    @Option(names = "--steps", defaultValue = "5000", description = "Gradient steps T (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--record-every", paramLabel = "K",
            description = "Record parameters and accuracy every K steps (default: about 1000 recorded states and at "
                    + "most 64 MiB of parameters; 1 records every step). The loss is recorded at every step.")
    Long recordEvery;

    /** Rejects a run of no steps or a recording interval below one. */
    void validate() {
        if (steps < 1) {
            throw new BadInputException("--steps must be >= 1 (got " + steps + ")");
        }
        if (recordEvery != null && recordEvery < 1) {
            throw new BadInputException("--record-every must be >= 1 (got " + recordEvery + ")");
        }
    }

    /**
     * The recording interval K for a network of {@code parameters} values: as given, or the smallest K that
     * records at most about {@link #DEFAULT_RECORDED_STATES} states and keeps params.npy within
     * {@link #DEFAULT_PARAMS_BYTES}.
     */
    long recordEvery(int parameters) {
        if (recordEvery != null) {
            return recordEvery;
        }
        long byCount = ceilDiv(steps, DEFAULT_RECORDED_STATES);
        long bySize = ceilDiv((steps + 1) * 8L * parameters, DEFAULT_PARAMS_BYTES);
        return Math.max(1, Math.max(byCount, bySize));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
