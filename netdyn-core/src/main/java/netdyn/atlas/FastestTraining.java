package netdyn.atlas;

import java.util.List;
import java.util.Map;

import netdyn.analysis.ResultKeys;
import netdyn.sweep.ResultRows;

/**
 * Where training reaches the target test accuracy soonest: at each η the median over its inits of the steps
 * to the target, a run that never reaches it counting as infinitely slow (censored, not dropped), so the
 * median is finite only when more than half of the inits reach the target; the fastest η has the smallest
 * finite median (the smaller η on a tie).
 *
 * @param eta         the fastest learning rate
 * @param medianSteps its median steps to the target
 * @param reached     its inits that reach the target
 * @param inits       its inits
 */
public record FastestTraining(double eta, double medianSteps, int reached, int inits) {

    /** The fastest η of a learning-rate sweep with the accuracy measure; null when no η has a finite median. */
    public static FastestTraining of(LearningRateGroups groups) {
        FastestTraining best = null;
        double[] eta = groups.eta();
        for (int i = 0; i < eta.length; i++) {
            List<Map<String, Object>> rows = groups.rows(i);
            double median = medianSteps(rows);
            if (Double.isFinite(median) && (best == null || median < best.medianSteps)) {
                best = new FastestTraining(eta[i], median, reachedCount(rows), rows.size());
            }
        }
        return best;
    }

    /**
     * The median of the rows' steps to the target, never-reached runs (−1, or no value) counted as +∞;
     * NaN without rows.
     */
    public static double medianSteps(List<Map<String, Object>> rows) {
        double[] steps = rows.stream().mapToDouble(r -> {
            double v = ResultRows.number(r, ResultKeys.STEPS_TO_TARGET);
            return v >= 0 ? v : Double.POSITIVE_INFINITY;
        }).sorted().toArray();
        int n = steps.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? steps[n / 2] : (steps[n / 2 - 1] + steps[n / 2]) / 2;
    }

    /** How many of the rows reach the target. */
    public static int reachedCount(List<Map<String, Object>> rows) {
        return (int) rows.stream().filter(r -> ResultRows.number(r, ResultKeys.STEPS_TO_TARGET) >= 0).count();
    }
}
