package netdyn.cli;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The two chart kinds {@link Plots} lacks, for {@code netdyn series}: a histogram and a scatter plot (PNG). */
final class SeriesPlots {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private SeriesPlots() {
    }

    /** Bars of {@code counts} between consecutive {@code edges} (edges.length = counts.length + 1 ≥ 2). */
    static void histogram(Path file, String title, String xLabel, double[] edges, int[] counts) throws IOException {
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
        XYSeries s = chart.addSeries("count", x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(new Color(70, 110, 170, 170));
        s.setLineColor(new Color(40, 70, 120));
        chart.getStyler().setLegendVisible(false);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** Points (x[i], y[i]) as small circles. */
    static void scatter(Path file, String title, String xLabel, String yLabel, double[] x, double[] y)
            throws IOException {
        XYChart chart = chart(title, xLabel, yLabel);
        XYSeries s = chart.addSeries("points", x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(new Color(40, 70, 120, 150));
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setLegendVisible(false);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static XYChart chart(String title, String xLabel, String yLabel) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setAntiAlias(true);
        chart.getStyler().setXAxisDecimalPattern("#0.###");
        chart.getStyler().setYAxisDecimalPattern("#0.###");
        return chart;
    }
}
