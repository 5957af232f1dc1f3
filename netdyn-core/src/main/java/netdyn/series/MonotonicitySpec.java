package netdyn.series;

import netdyn.BadInputException;

/**
 * Settings of {@link Monotonicity}.
 *
 * @param tolerance a step x(t+1) − x(t) counts as a rise only above +tolerance and as a fall only below
 *                  −tolerance (≥ 0; 0 counts every strict increase, including rounding noise)
 */
public record MonotonicitySpec(double tolerance) {

    public MonotonicitySpec {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw BadInputException.of(MonotonicitySpec.class, "tolerance", "must be a finite number >= 0 (got "
                    + tolerance + ")");
        }
    }

    public static MonotonicitySpec strict() {
        return new MonotonicitySpec(0);
    }

    /** The shortest series this spec accepts: 2 values (one step). */
    public int minimumLength() {
        return 2;
    }
}
