package netdyn.lyapunov;

/**
 * The reference study's finite-time exponent (SCIENCE.md §2, "nMLE"): fit ln d(t) = Λ t + c by least
 * squares over every window [s, s + w) with s in {@code starts} and w in {@code lengths} inside the
 * first {@code horizon} steps, keep the window of best R². A window containing a non-finite ln d
 * (d = 0 or a diverged replica) is skipped.
 *
 * @param startFrom   first window start (study: 0)
 * @param startTo     last window start (study: 100)
 * @param startStep   start increment (study: 5)
 * @param lengthFrom  shortest window (study: 30)
 * @param lengthTo    longest window (study: 100)
 * @param lengthStep  length increment (study: 5)
 * @param horizon     windows end at or before this step (study: 200)
 */
public record FiniteTimeFit(int startFrom, int startTo, int startStep, int lengthFrom, int lengthTo, int lengthStep,
                            int horizon) {

    public static final FiniteTimeFit STUDY = new FiniteTimeFit(0, 100, 5, 30, 100, 5, 200);
    /** The study's filter on the best window: R² above this ... */
    public static final double STUDY_MIN_R2 = 0.9;
    /** ... and slope above this (per step). */
    public static final double STUDY_MIN_SLOPE = 0.05;

    public FiniteTimeFit {
        if (startStep < 1 || lengthStep < 1 || lengthFrom < 2 || startFrom < 0 || startTo < startFrom
                || lengthTo < lengthFrom || horizon < lengthFrom) {
            throw new netdyn.BadInputException("fit windows: starts " + startFrom + ":" + startTo + ":" + startStep
                    + ", lengths " + lengthFrom + ":" + lengthTo + ":" + lengthStep + ", horizon " + horizon
                    + " (need steps >= 1, lengths >= 2, ranges in order, horizon >= shortest length)");
        }
    }

    /** The best window: slope Λ per step, intercept, R², start and length; slope NaN when no window fits. */
    public record Window(double slope, double intercept, double r2, int start, int length) {
        public boolean passes(double minR2, double minSlope) {
            return r2 > minR2 && slope > minSlope;
        }
    }

    /** The best-R² window of ln d over the series d(0), d(1), … (only the first horizon values are used). */
    public Window best(double[] distance) {
        int n = Math.min(distance.length, horizon);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = Math.log(distance[t]);
        }
        Window best = new Window(Double.NaN, Double.NaN, Double.NEGATIVE_INFINITY, -1, 0);
        for (int s = startFrom; s <= startTo; s += startStep) {
            for (int w = lengthFrom; w <= lengthTo; w += lengthStep) {
                if (s + w > n) {
                    break;
                }
                Window fit = fit(y, s, w);
                if (fit != null && fit.r2() > best.r2()) {
                    best = fit;
                }
            }
        }
        return best;
    }

    /** Least squares of y[t] on t over [s, s + w); null if a value is not finite. */
    static Window fit(double[] y, int s, int w) {
        double mt = 0;
        double my = 0;
        for (int t = s; t < s + w; t++) {
            if (!Double.isFinite(y[t])) {
                return null;
            }
            mt += t;
            my += y[t];
        }
        mt /= w;
        my /= w;
        double stt = 0;
        double sty = 0;
        double syy = 0;
        for (int t = s; t < s + w; t++) {
            double dt = t - mt;
            double dy = y[t] - my;
            stt += dt * dt;
            sty += dt * dy;
            syy += dy * dy;
        }
        double slope = sty / stt;
        // a flat series is fitted perfectly by a zero slope
        double r2 = syy == 0 ? 1 : sty * sty / (stt * syy);
        return new Window(slope, my - slope * mt, r2, s, w);
    }
}
