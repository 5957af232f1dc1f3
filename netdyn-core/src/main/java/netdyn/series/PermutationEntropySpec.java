package netdyn.series;

import netdyn.BadInputException;

/**
 * Settings of {@link PermutationEntropy}.
 *
 * @param order d, the pattern length, 2 ≤ d ≤ 8 (d! patterns; the series should be much longer than d!)
 * @param delay τ ≥ 1, the spacing of the d values of a pattern
 */
public record PermutationEntropySpec(int order, int delay) {
    /** The largest order: 8! = 40 320 patterns. */
    public static final int MAX_ORDER = 8;

    public PermutationEntropySpec {
        if (order < 2 || order > MAX_ORDER) {
            throw BadInputException.of(PermutationEntropySpec.class, "order", "must be between 2 and " + MAX_ORDER
                    + " (got " + order + ")");
        }
        if (delay < 1) {
            throw BadInputException.of(PermutationEntropySpec.class, "delay", "must be >= 1 (got " + delay + ")");
        }
    }

    /** d = 4, τ = 1. */
    public static PermutationEntropySpec defaults() {
        return new PermutationEntropySpec(4, 1);
    }

    /** The shortest series this spec accepts: (d − 1)τ + 1 values (one pattern). */
    public int minimumLength() {
        return (order - 1) * delay + 1;
    }
}
