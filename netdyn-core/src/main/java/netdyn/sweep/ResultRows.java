package netdyn.sweep;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import netdyn.analysis.Regime;
import netdyn.analysis.ResultKeys;

/**
 * Reading result rows (one map per task, as {@link ResultStore#rows} and exported JSON lines give them):
 * a value as a number or text, the finite values of a column, and their mean, min and max. Every
 * decision made from rows (the atlas's classes, windows and onsets, the pages' figures) reads them
 * through these, so a missing or non-numeric value means the same everywhere: NaN, and left out of
 * statistics.
 */
public final class ResultRows {
    private ResultRows() {
    }

    /** The value of {@code key} as a number: a number as is, text parsed, anything else (absent, null) NaN. */
    public static double number(Map<String, Object> row, String key) {
        Object v = row.get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** The value of {@code key} as text; "" when absent. */
    public static String text(Map<String, Object> row, String key) {
        Object v = row.get(key);
        return v == null ? "" : v.toString();
    }

    /** Whether the task diverged ({@code status} "diverged"). */
    public static boolean diverged(Map<String, Object> row) {
        return Regime.DIVERGED.label().equals(row.get(ResultKeys.STATUS));
    }

    /** The finite values of {@code key} over {@code rows}, in row order. */
    public static double[] values(List<Map<String, Object>> rows, String key) {
        return rows.stream().mapToDouble(r -> number(r, key)).filter(Double::isFinite).toArray();
    }

    /** The mean of {@code v} (compensated summation, {@link java.util.stream.DoubleStream#sum}); NaN when empty. */
    public static double mean(double[] v) {
        return v.length == 0 ? Double.NaN : Arrays.stream(v).sum() / v.length;
    }

    /** The least of {@code v}; NaN when empty. */
    public static double min(double[] v) {
        return v.length == 0 ? Double.NaN : Arrays.stream(v).min().getAsDouble();
    }

    /** The largest of {@code v}; NaN when empty. */
    public static double max(double[] v) {
        return v.length == 0 ? Double.NaN : Arrays.stream(v).max().getAsDouble();
    }

    /**
     * How many rows carry each regime label ({@code regime}, the {@code series} measure), in order of first
     * appearance; empty when no row has one. Diverged runs count under the label their row carries.
     */
    public static Map<String, Long> regimeLabels(List<Map<String, Object>> rows) {
        Map<String, Long> regimes = new LinkedHashMap<>();
        rows.stream().map(r -> r.get(ResultKeys.REGIME)).filter(v -> v instanceof String).map(v -> (String) v)
                .forEach(v -> regimes.merge(v, 1L, Long::sum));
        return regimes;
    }
}
