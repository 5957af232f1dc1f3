package netdyn.series;

/** Shape and value checks shared by the estimators, and the two moments they all need. */
final class SeriesChecks {
    private SeriesChecks() {
    }

    /**
     * @throws IllegalArgumentException when {@code series} is null, shorter than {@code minimumLength}, or
     *                                  holds a NaN or infinite value; the message names the estimator, the
     *                                  length or the index
     */
    static void require(double[] series, int minimumLength, String estimator) {
        if (series == null) {
            throw new IllegalArgumentException(estimator + ": series is null");
        }
        if (series.length < Math.max(1, minimumLength)) {
            throw new IllegalArgumentException(estimator + ": series has " + series.length + " values, needs at least "
                    + Math.max(1, minimumLength) + (series.length == 0 ? " (empty series)" : ""));
        }
        for (int i = 0; i < series.length; i++) {
            if (!Double.isFinite(series[i])) {
                throw new IllegalArgumentException(estimator + ": series[" + i + "] = " + series[i]
                        + " is not finite");
            }
        }
    }

    /** Whether all of a[0..n) equal a[0] (the mean of such a series need not equal a[0] in floating point). */
    static boolean isConstant(double[] a, int n) {
        for (int i = 1; i < n; i++) {
            if (a[i] != a[0]) {
                return false;
            }
        }
        return true;
    }

    /** Arithmetic mean of a[0..n). */
    static double mean(double[] a, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[i];
        }
        return s / n;
    }

    /** Population standard deviation √(Σ(a − ā)²/n) of a[0..n), two-pass. */
    static double std(double[] a, int n) {
        double m = mean(a, n);
        double s = 0;
        for (int i = 0; i < n; i++) {
            double d = a[i] - m;
            s += d * d;
        }
        return Math.sqrt(s / n);
    }
}
