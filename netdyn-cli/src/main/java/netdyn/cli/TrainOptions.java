package netdyn.cli;

import netdyn.BadInputException;
import picocli.CommandLine.Option;

/** The options of {@code netdyn train}: how long to train and how often to record; {@link #validate} checks them. */
final class TrainOptions {
    @Option(names = "--steps", defaultValue = "5000", description = "Gradient steps T (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--record-every", defaultValue = "1", paramLabel = "K",
            description = "Record parameters and accuracy every K steps (default: ${DEFAULT-VALUE}).")
    long recordEvery;

    /** Rejects a run of no steps or a recording interval below one. */
    void validate() {
        if (steps < 1) {
            throw new BadInputException("--steps must be >= 1 (got " + steps + ")");
        }
        if (recordEvery < 1) {
            throw new BadInputException("--record-every must be >= 1 (got " + recordEvery + ")");
        }
    }
}
