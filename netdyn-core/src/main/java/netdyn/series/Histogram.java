package netdyn.series;

import java.util.Arrays;

/**
 * Counts of values in equal-width bins: bin i holds edges[i] ≤ v &lt; edges[i+1], the last bin also its
 * upper edge. Bins span [min, max] of the values; when all values are equal the single bin is
 * [v − ½, v + ½]; with no values there are no bins.
 *
 * @param edges  bins + 1 ascending edges
 * @param counts count per bin
 */
public record Histogram(double[] edges, int[] counts) {

    /** The histogram of the finite values of {@code values} in {@code bins} equal bins (bins ≥ 1). */
    public static Histogram of(double[] values, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1 (got " + bins + ")");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int finite = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                finite++;
            }
        }
        if (finite == 0) {
            return new Histogram(new double[0], new int[0]);
        }
        if (min == max) {
            int[] one = {finite};
            return new Histogram(new double[] {min - 0.5, max + 0.5}, one);
        }
        double[] edges = new double[bins + 1];
        double width = (max - min) / bins;
        for (int i = 0; i <= bins; i++) {
            edges[i] = min + i * width;
        }
        edges[bins] = max;
        int[] counts = new int[bins];
        for (double v : values) {
            if (Double.isFinite(v)) {
                int b = (int) ((v - min) / width);
                counts[Math.min(Math.max(b, 0), bins - 1)]++;
            }
        }
        return new Histogram(edges, counts);
    }

    public int total() {
        return Arrays.stream(counts).sum();
    }
}
