package netdyn.series;

import netdyn.BadInputException;

/**
 * The steps n over which a divergence curve is fitted by a line: [from, to] inclusive, or automatic.
 *
 * @param from first step fitted (−1 for automatic)
 * @param to   last step fitted (−1 for automatic)
 */
public record FitRange(int from, int to) {
    private static final FitRange AUTO = new FitRange(-1, -1);

    public FitRange {
        boolean auto = from == -1 && to == -1;
        if (!auto && (from < 0 || to < from + 2)) {
            throw BadInputException.of(FitRange.class, "fitRange",
                    "must be 'auto' or FROM:TO with 0 <= FROM and TO >= FROM + 2, "
                    + "at least 3 points (got " + from + ":" + to + ")");
        }
    }

    /** Chosen by the rule in {@link DivergenceFit}. */
    public static FitRange auto() {
        return AUTO;
    }

    public static FitRange of(int from, int to) {
        return new FitRange(from, to);
    }

    public boolean isAuto() {
        return from == -1;
    }

    @Override
    public String toString() {
        return isAuto() ? "auto" : from + ":" + to;
    }
}
