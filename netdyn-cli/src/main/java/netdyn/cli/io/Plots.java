package netdyn.cli.io;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import netdyn.FileErrors;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG charts (XChart, rendered headless) for run directories: lines, scatter plots, histograms. */
public final class Plots {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {
    }

    /**
     * Loads and initialises the plotting stack (XChart, Java2D's anti-aliasing rasteriser, fonts, the PNG
     * writer) on a daemon thread by drawing and encoding a small chart that is thrown away, so that a command
     * which computes first and plots at the end does not pay that start-up (about 0.7 s on the reference
     * machine, most of a figure's cost) after its computation; on a machine with a second core it is hidden.
     * Changes no output; a failure here is ignored (the real chart reports its own). Returns at once.
     */
    public static void warmUpInBackground() {
        Thread warm = new Thread(() -> {
            try {
                XYChart chart = chart("warm-up", "x", "y");
                chart.addSeries("a", new double[] {0, 1, 2}, new double[] {0, 1, 0}).setMarker(SeriesMarkers.NONE);
                BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            } catch (IOException | RuntimeException e) {
                // nothing to do: warming up is an optimisation only
            }
        }, "netdyn-plot-warm-up");
        warm.setDaemon(true);
        warm.setPriority(Thread.MIN_PRIORITY);
        warm.start();
    }

    /**
     * One line of a chart; {@code dashed} for reference lines such as 2/η or λ = 0, {@code emphasis}
     * (thick, black) for a summary over the other lines, such as their mean.
     */
    public record Line(String name, double[] x, double[] y, boolean dashed, boolean emphasis) {
        public static Line of(String name, double[] x, double[] y) {
            return new Line(name, x, y, false, false);
        }

        public static Line emphasised(String name, double[] x, double[] y) {
            return new Line(name, x, y, false, true);
        }

        public static Line horizontal(String name, double x0, double x1, double y) {
            return new Line(name, new double[] {x0, x1}, new double[] {y, y}, true, false);
        }

        /**
         * The line through (x, y) as a chart {@code buckets} columns wide shows it: the points split into
         * {@code buckets} runs of consecutive points, and of each run the points of its minimum and maximum of y
         * are kept, in their order, and the first and the last point of the line always. Every extreme stays
         * (an early spike is not stepped over), at most 2 · buckets + 2 points are drawn, and a line of at most
         * 2 · buckets points is returned as it is. A run holding a non-finite y keeps all its points.
         */
        public static Line envelope(String name, double[] x, double[] y, int buckets) {
            int n = x.length;
            if (n <= 2 * buckets) {
                return of(name, x, y);
            }
            double[] kx = new double[2 * buckets + 2];
            double[] ky = new double[kx.length];
            int kept = 0;
            int last = -1;
            for (int b = 0; b < buckets; b++) {
                int from = (int) ((long) n * b / buckets);
                int to = (int) ((long) n * (b + 1) / buckets);
                int min = from;
                int max = from;
                boolean finite = true;
                for (int i = from; i < to; i++) {
                    finite &= Double.isFinite(y[i]);
                    if (y[i] < y[min]) {
                        min = i;
                    }
                    if (y[i] > y[max]) {
                        max = i;
                    }
                }
                if (!finite) {
                    // rare: keep the whole run, growing the arrays as needed
                    int room = kept + (to - from) + 2 * (buckets - b) + 2;
                    if (room > kx.length) {
                        kx = java.util.Arrays.copyOf(kx, room);
                        ky = java.util.Arrays.copyOf(ky, room);
                    }
                    for (int i = Math.max(from, last + 1); i < to; i++) {
                        kx[kept] = x[i];
                        ky[kept++] = y[i];
                        last = i;
                    }
                    continue;
                }
                int[] picks = b == 0 ? new int[] {0, Math.min(min, max), Math.max(min, max)}
                        : new int[] {Math.min(min, max), Math.max(min, max)};
                for (int i : picks) {
                    if (i > last) {
                        kx[kept] = x[i];
                        ky[kept++] = y[i];
                        last = i;
                    }
                }
            }
            if (last < n - 1) {
                kx[kept] = x[n - 1];
                ky[kept++] = y[n - 1];
            }
            return of(name, java.util.Arrays.copyOf(kx, kept), java.util.Arrays.copyOf(ky, kept));
        }
    }

    public static void lineChart(Path file, String title, String xLabel, String yLabel, List<Line> lines, boolean logY)
            throws IOException {
        lineChart(file, title, xLabel, yLabel, lines, false, logY);
    }

    public static void lineChart(Path file, String title, String xLabel, String yLabel, List<Line> lines, boolean logX,
                          boolean logY) throws IOException {
        XYChart chart = chart(title, xLabel, yLabel);
        chart.getStyler().setLegendVisible(lines.size() > 1 && lines.size() <= 16);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setXAxisTickMarkSpacingHint(90); // keeps long step numbers apart
        if (!logX) {
            chart.getStyler().setXAxisDecimalPattern("#.####"); // 10000, not 10,000; 0.125 stays 0.125
        }
        for (Line line : lines) {
            if (line.x().length == 0) {
                continue;
            }
            XYSeries s = chart.addSeries(line.name(), line.x(), line.y());
            s.setMarker(SeriesMarkers.NONE);
            if (line.dashed()) {
                s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {6f, 4f}, 0f));
                s.setLineColor(Color.DARK_GRAY);
            } else if (line.emphasis()) {
                s.setLineWidth(2.8f);
                s.setLineColor(Color.BLACK);
            } else {
                s.setLineWidth(1.2f);
            }
        }
        save(chart, file);
    }

    /** A scatter plot of (x, y) points, e.g. one point per weight. */
    public static void scatter(Path file, String title, String xLabel, String yLabel, double[] x, double[] y, boolean logX,
                        boolean logY) throws IOException {
        XYChart chart = chart(title, xLabel, yLabel);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        // points that cannot be drawn (non-finite, or non-positive on a log axis) are left out
        int n = 0;
        double[] px = new double[x.length];
        double[] py = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            boolean drawable = Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!logX || x[i] > 0)
                    && (!logY || y[i] > 0);
            if (drawable) {
                px[n] = x[i];
                py[n++] = y[i];
            }
        }
        if (n == 0) {
            return;
        }
        chart.addSeries("points", java.util.Arrays.copyOf(px, n), java.util.Arrays.copyOf(py, n));
        save(chart, file);
    }

    /** Bars of {@code counts} between consecutive {@code edges} (edges.length = counts.length + 1 ≥ 2). */
    public static void histogram(Path file, String title, String xLabel, double[] edges, int[] counts) throws IOException {
        int bins = counts.length;
        // the outline of the bars as one filled step curve
        double[] x = new double[2 * bins + 2];
        double[] y = new double[2 * bins + 2];
        for (int i = 0; i < bins; i++) {
            x[2 * i + 1] = edges[i];
            y[2 * i + 1] = counts[i];
            x[2 * i + 2] = edges[i + 1];
            y[2 * i + 2] = counts[i];
        }
        x[0] = edges[0];
        x[2 * bins + 1] = edges[bins];
        XYChart chart = chart(title, xLabel, "count");
        chart.getStyler().setXAxisDecimalPattern("#0.###");
        XYSeries s = chart.addSeries("count", x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(new Color(70, 110, 170, 170));
        s.setLineColor(new Color(40, 70, 120));
        chart.getStyler().setLegendVisible(false);
        save(chart, file);
    }

    private static void save(XYChart chart, Path file) throws IOException {
        try {
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw FileErrors.named(file, e);
        }
    }

    /** The common frame: 900 × 560, white, anti-aliased. */
    private static XYChart chart(String title, String xLabel, String yLabel) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setAntiAlias(true);
        return chart;
    }

    /** Log axes cannot show zeros: non-positive values become the smallest positive one (or 1e-300). */
    public static double[] positive(double[] y) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : y) {
            if (v > 0 && v < min) {
                min = v;
            }
        }
        double[] out = y.clone();
        for (int i = 0; i < out.length; i++) {
            if (!(out[i] > 0)) {
                out[i] = Double.isFinite(min) ? min : 1e-300;
            }
        }
        return out;
    }
}
