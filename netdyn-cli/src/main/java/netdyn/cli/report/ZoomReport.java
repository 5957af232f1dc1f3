package netdyn.cli.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import netdyn.atlas.DeepZoom;
import netdyn.atlas.TrainabilityMap;
import netdyn.fractal.BoundaryDimension;
import netdyn.sweep.ResultStore;

/**
 * The page of a deep zoom ({@code netdyn sweep --deep-zoom}): the boundary's box-counting dimension against
 * the window's width, the box counts of every level, and the sequence of maps, each with the next window
 * boxed. Read from the levels' stores, so a zoom stopped midway shows the levels it finished.
 */
final class ZoomReport {
    /** Converged runs in the map's "trained" blue, the others in its "diverged" red. */
    private static final String[] CLASS_COLORS = {AtlasReport.TRAINABILITY_COLORS[0],
        AtlasReport.TRAINABILITY_COLORS[2]};

    private ZoomReport() {
    }

    /** One finished level read back: its map, the rates' ends and its dimension. */
    private record Level(int index, TrainabilityMap map, BoundaryDimension dimension, double width) {
    }

    static ReportPages.Page page(Path dir, Map<String, Object> manifest) {
        List<Level> levels = new ArrayList<>();
        double firstWidth = Double.NaN;
        for (int k = 0; Files.isRegularFile(dir.resolve(DeepZoom.directory(k)).resolve(ResultStore.FILE)); k++) {
            SweepRows rows = SweepRows.read(dir.resolve(DeepZoom.directory(k)));
            TrainabilityMap map = TrainabilityMap.of(rows.rows);
            BoundaryDimension d = map.boundaryDimension();
            if (!d.defined() && "the map is incomplete".equals(d.reason())) {
                break; // the level that was stopped
            }
            double[] o = map.output();
            double width = Math.log10(o[o.length - 1] / o[0]);
            if (k == 0) {
                firstWidth = width;
            }
            levels.add(new Level(k, map, d, width / firstWidth));
        }
        HtmlPage page = new HtmlPage("Deep zoom into the trainability boundary");
        page.paragraph("Each level is a trainability map: every cell one training run with its own hidden- and "
                + "output-layer learning rates. Level 0 is the map asked for; each next level resamples, at the same "
                + "resolution, a window " + factor(manifest) + " times narrower, centred on "
                + ("densest".equals(manifest.get("target")) ? "the boundary cell with the most boundary around it"
                : "the boundary cell nearest the last window's centre (a zoom into one point of the boundary)")
                + "; the boundary lies between runs that converge and runs that do not (converged: the mean of "
                + "the last 20 losses is below the initial loss, Sohl-Dickstein's criterion). Its box-counting "
                + "dimension D "
                + "(boxes of 1, 2, 4, … cells holding a boundary cell, N(s) ∝ s^−D) is measured at every level: "
                + "a smooth curve gives 1, a boundary that fills the plane 2. Sohl-Dickstein (2024) finds 1.17–1.98 "
                + "for six configurations of a one-hidden-layer network, constant over more than ten decades.");
        page.keyValues(Map.of("command", String.valueOf(manifest.get("commandLine")),
                "levels", levels.size() + " of " + manifest.getOrDefault("levels", "?") + " finished"));
        if (levels.isEmpty()) {
            page.paragraph("No level has finished yet.");
            return new ReportPages.Page(page.render(), "deep zoom", page.figureCount());
        }
        page.heading("Dimension against scale");
        page.figureRow(HtmlPage.Figure.svg(dimensionChart(levels), "Box-counting dimension of each level's boundary "
                + "against the window's width relative to level 0 (log scale); open points: the median of the local "
                + "slopes (Sohl-Dickstein's estimator)."), HtmlPage.Figure.svg(boxCountChart(levels),
                "N(s), the boxes of side s cells holding a boundary cell, per level; the slope is −D."));
        page.heading("The zoom sequence");
        List<HtmlPage.Figure> row = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            Level l = levels.get(i);
            row.add(HtmlPage.Figure.svg(mapFigure(l, i + 1 < levels.size() ? levels.get(i + 1).map() : null),
                    caption(l)));
            if (row.size() == 2 || i == levels.size() - 1) {
                page.figureRow(row.toArray(HtmlPage.Figure[]::new));
                row.clear();
            }
        }
        page.heading("Levels");
        List<List<String>> table = new ArrayList<>();
        for (Level l : levels) {
            BoundaryDimension d = l.dimension();
            double[] h = l.map().hidden();
            double[] o = l.map().output();
            table.add(List.of(Integer.toString(l.index()), fmt(l.width()), range(h), range(o),
                    d.defined() ? fmt(d.dimension()) : "—", d.defined() ? fmt(d.r2()) : "—",
                    d.defined() ? fmt(d.medianLocalSlope()) : "—", Long.toString(d.boundaryCells()),
                    fmt(l.map().unconvergedFraction())));
        }
        page.table(List.of("level", "width", "hidden rates", "output rates", "D", "R²", "median slope",
                "boundary cells", "not converged"), table);
        page.downloads(List.of("zoom.json", "zoom.csv", "manifest.json"));
        return new ReportPages.Page(page.render(), "deep zoom", page.figureCount());
    }

    private static String factor(Map<String, Object> manifest) {
        if (!(manifest.get("factor") instanceof Number n)) {
            return "?";
        }
        double f = n.doubleValue();
        return f == Math.rint(f) ? Long.toString((long) f) : String.format(Locale.ROOT, "%.4g", f);
    }

    private static String dimensionChart(List<Level> levels) {
        double[] x = new double[levels.size()];
        double[] d = new double[x.length];
        double[] median = new double[x.length];
        String[] hover = new String[x.length];
        for (int i = 0; i < x.length; i++) {
            Level l = levels.get(i);
            x[i] = l.width();
            d[i] = l.dimension().dimension();
            median[i] = l.dimension().medianLocalSlope();
            hover[i] = String.format(Locale.ROOT, "level %d, width %.3g: D = %.3f (R² %.3f)", l.index(), x[i], d[i],
                    l.dimension().r2());
        }
        SvgChart c = SvgChart.of("Boundary dimension", "window width (relative to level 0)", "D").logX()
                .yRange(0.9, 2.1).hline(1, "smooth curve", SvgChart.GREY).hline(2, "fills the plane", SvgChart.GREY);
        if (x.length > 1) {
            c.line("D", x, d, SvgChart.color(0));
        }
        return c.points("D per level", x, d, SvgChart.color(0), 4, hover)
                .points("median local slope", x, median, SvgChart.color(1), 2.5, null).render();
    }

    private static String boxCountChart(List<Level> levels) {
        SvgChart c = SvgChart.of("Box counts", "box side s (cells)", "N(s)").logX().logY();
        for (Level l : levels) {
            int[] s = l.dimension().boxSizes();
            long[] n = l.dimension().boxCounts();
            if (s.length == 0 || !l.dimension().defined()) {
                continue;
            }
            double[] x = Arrays.stream(s).asDoubleStream().toArray();
            double[] y = Arrays.stream(n).asDoubleStream().toArray();
            c.line("level " + l.index(), x, y, SvgChart.color(l.index()));
        }
        return c.render();
    }

    /** A level's map on its window's own coordinates (−1 … 1 across), the next window boxed. */
    private static String mapFigure(Level l, TrainabilityMap next) {
        TrainabilityMap m = l.map();
        double[] h = m.hidden();
        double[] o = m.output();
        double[] xs = relative(o, o);
        double[] ys = relative(h, h);
        boolean[][] failed = m.unconverged();
        int[][] c = new int[h.length][o.length];
        for (int y = 0; y < h.length; y++) {
            for (int x = 0; x < o.length; x++) {
                c[y][x] = failed[y][x] ? 1 : 0;
            }
        }
        SvgHeatmap heat = SvgHeatmap.of("Level " + l.index(), "output-layer rate (across the window)",
                "hidden-layer rate (across)", xs, ys).size(440, 380)
                .categories(c, new String[] {"converged", "not converged"}, CLASS_COLORS);
        if (next != null) {
            double[] nx = relative(next.output(), o);
            double[] ny = relative(next.hidden(), h);
            heat.overlayRect(nx[0], nx[nx.length - 1], ny[0], ny[ny.length - 1], "level " + (l.index() + 1));
        }
        return heat.render();
    }

    /** Positions of {@code v} across the window of {@code grid}: −1 at its first rate, 1 at its last (log). */
    private static double[] relative(double[] v, double[] grid) {
        double lo = Math.log10(grid[0]);
        double hi = Math.log10(grid[grid.length - 1]);
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = -1 + 2 * (Math.log10(v[i]) - lo) / (hi - lo);
        }
        return r;
    }

    private static String caption(Level l) {
        double[] h = l.map().hidden();
        double[] o = l.map().output();
        BoundaryDimension d = l.dimension();
        return String.format(Locale.ROOT, "Width %.3g of level 0: hidden %s, output %s; %s.", l.width(), range(h),
                range(o), d.defined() ? String.format(Locale.ROOT, "D = %.3f (R² %.3f)", d.dimension(), d.r2())
                        : d.reason());
    }

    /** The ends of a grid with enough digits to tell them apart. */
    private static String range(double[] v) {
        double a = v[0];
        double b = v[v.length - 1];
        int digits = 4;
        while (digits < 17 && String.format(Locale.ROOT, "%." + digits + "g", a)
                .equals(String.format(Locale.ROOT, "%." + digits + "g", b))) {
            digits++;
        }
        digits = Math.min(17, digits + 2);
        return String.format(Locale.ROOT, "%." + digits + "g … %." + digits + "g", a, b);
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "—";
    }
}
