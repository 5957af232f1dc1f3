package netdyn.series;

import netdyn.BadInputException;

/**
 * Settings of {@link Periodogram}.
 *
 * @param peaks           how many of the highest peaks to report (≥ 1)
 * @param padToPowerOfTwo zero-pad the series to the next power of two (finer, interpolated frequency grid,
 *                        radix-2 speed); false transforms the exact length n (Bluestein when n is not a power
 *                        of two), so a period dividing n falls exactly on a frequency bin
 * @param maxPeriod       largest period P tried for the fundamental period (≥ 2; at most n/2 is used).
 *                        Quasi-periodic motion nearly recurs after long times (two incommensurate periods
 *                        10 and 10φ recur within 1 % after 550 steps), so a large value can call it periodic
 * @param periodTolerance P is a period when the mean of (x(t+P) − x(t))² is at most this fraction of the mean
 *                        of (x(t+1) − x(t))² (in (0, 1))
 */
public record PeriodogramSpec(int peaks, boolean padToPowerOfTwo, int maxPeriod, double periodTolerance) {

    public PeriodogramSpec {
        if (peaks < 1) {
            throw BadInputException.of(PeriodogramSpec.class, "peaks", "must be >= 1 (got " + peaks + ")");
        }
        if (maxPeriod < 2) {
            throw BadInputException.of(PeriodogramSpec.class, "maxPeriod", "must be >= 2 (got " + maxPeriod + ")");
        }
        if (!(periodTolerance > 0) || !(periodTolerance < 1)) {
            throw BadInputException.of(PeriodogramSpec.class, "periodTolerance", "must be in (0, 1) (got "
                    + periodTolerance + ")");
        }
    }

    /** Five peaks, exact length, periods up to 100 with tolerance 0.01. */
    public static PeriodogramSpec defaults() {
        return new PeriodogramSpec(5, false, 100, 0.01);
    }

    /** The shortest series this spec accepts: 2 values (one non-zero frequency). */
    public int minimumLength() {
        return 2;
    }
}
