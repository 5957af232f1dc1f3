package netdyn.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A 2-D grid of coloured cells over (x, y) centres, for example the trainability map over (η_hidden, η_output):
 * continuous values on a viridis-like colormap with a colorbar, or categories with a legend. Rendered as one
 * {@code <svg>}.
 *
 * <p>Cells span the midpoints between neighbouring centres (geometric midpoints on a log axis); the outer cells
 * are as wide as their inner neighbour's half-gap on that side. Centres must increase strictly. Cell values are
 * indexed {@code [y][x]}. A NaN value is drawn in {@link #NAN_COLOR} with a legend entry named by
 * {@link #nanLabel(String)} ("NaN" by default); with a log colour scale, non-positive values take the lowest
 * colour. A builder like {@link SvgChart}.
 *
 * <pre>{@code
 * String svg = SvgHeatmap.of("Trainability", "η hidden", "η output", etaH, etaO).logX().logY()
 *         .values(finalLoss, "final loss", true).nanLabel("diverged")
 *         .render();
 * }</pre>
 */
public final class SvgHeatmap {

    /** Colour of NaN cells ("diverged"): a dark red outside the viridis range. */
    public static final String NAN_COLOR = "#8c1c13";

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final double[] xc;
    private final double[] yc;
    private int width = 520;
    private int height = 400;
    private boolean logX;
    private boolean logY;
    private double[][] values;
    private String colorbarLabel;
    private boolean logColor;
    private double[] colorRange;
    private String nanLabel = "NaN";
    private int[][] categories;
    private String[] names;
    private String[] colors;
    private String[][] hover;
    private final List<double[]> overlays = new ArrayList<>();
    private final List<String> overlayLabels = new ArrayList<>();

    private SvgHeatmap(String title, String xLabel, String yLabel, double[] xc, double[] yc) {
        this.title = title == null ? "" : title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.xc = increasing("x", xc);
        this.yc = increasing("y", yc);
    }

    private static double[] increasing(String axis, double[] c) {
        if (c.length == 0) {
            throw new IllegalArgumentException("heatmap needs at least one " + axis + " centre (got 0)");
        }
        for (int i = 0; i < c.length; i++) {
            if (!Double.isFinite(c[i]) || (i > 0 && !(c[i] > c[i - 1]))) {
                throw new IllegalArgumentException("heatmap " + axis + " centres must be finite and strictly "
                        + "increasing (index " + i + ": " + c[i] + ")");
            }
        }
        return c.clone();
    }

    /** A heatmap over the given cell centres; set its cells with {@link #values} or {@link #categories}. */
    public static SvgHeatmap of(String title, String xLabel, String yLabel, double[] xCenters, double[] yCenters) {
        return new SvgHeatmap(title, xLabel, yLabel, xCenters, yCenters);
    }

    /** Figure size in px (default 520 × 400). */
    public SvgHeatmap size(int width, int height) {
        Svg.requireSize(width, height);
        this.width = width;
        this.height = height;
        return this;
    }

    /** A log₁₀ x axis; the x centres must be positive. */
    public SvgHeatmap logX() {
        requirePositive("x", xc);
        this.logX = true;
        return this;
    }

    /** A log₁₀ y axis; the y centres must be positive. */
    public SvgHeatmap logY() {
        requirePositive("y", yc);
        this.logY = true;
        return this;
    }

    private static void requirePositive(String axis, double[] c) {
        if (!(c[0] > 0)) {
            throw new IllegalArgumentException("log " + axis + " axis needs positive centres (got " + c[0] + ")");
        }
    }

    /**
     * Continuous cell values {@code v[y][x]} on the sequential colormap, with a colorbar labelled
     * {@code colorbarLabel}; {@code logColor} maps log₁₀ of the values. Replaces any categories.
     */
    public SvgHeatmap values(double[][] v, String colorbarLabel, boolean logColor) {
        checkGrid(v.length, i -> v[i].length);
        this.values = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            this.values[i] = v[i].clone();
        }
        this.colorbarLabel = colorbarLabel;
        this.logColor = logColor;
        this.categories = null;
        return this;
    }

    /** A fixed colour range for {@link #values} (otherwise the finite values' min and max). */
    public SvgHeatmap colorRange(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
            throw new IllegalArgumentException("colorRange needs finite lo < hi (got " + lo + ", " + hi + ")");
        }
        this.colorRange = new double[] {lo, hi};
        return this;
    }

    /** Legend text for NaN cells, e.g. "diverged" (default "NaN"). */
    public SvgHeatmap nanLabel(String label) {
        this.nanLabel = label;
        return this;
    }

    /**
     * Categorical cells: {@code c[y][x]} indexes {@code names} and {@code colors} (null colours come from the
     * palette); a negative index leaves the cell empty. Replaces any values.
     */
    public SvgHeatmap categories(int[][] c, String[] names, String[] colors) {
        checkGrid(c.length, i -> c[i].length);
        if (colors != null && colors.length != names.length) {
            throw new IllegalArgumentException("categories: " + names.length + " names but " + colors.length
                    + " colours");
        }
        this.categories = new int[c.length][];
        for (int i = 0; i < c.length; i++) {
            for (int v : c[i]) {
                if (v >= names.length) {
                    throw new IllegalArgumentException("categories: index " + v + " but only " + names.length
                            + " names");
                }
            }
            this.categories[i] = c[i].clone();
        }
        this.names = names.clone();
        this.colors = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            this.colors[i] = colors != null && colors[i] != null ? colors[i] : SvgChart.color(i);
        }
        this.values = null;
        return this;
    }

    /** Per-cell hover text {@code text[y][x]} (entries may be null). */
    public SvgHeatmap hover(String[][] text) {
        checkGrid(text.length, i -> text[i].length);
        this.hover = new String[text.length][];
        for (int i = 0; i < text.length; i++) {
            this.hover[i] = text[i].clone();
        }
        return this;
    }

    /** A dashed rectangle over [x0, x1] × [y0, y1] in data units, e.g. to mark a zoom window, with a label. */
    public SvgHeatmap overlayRect(double x0, double x1, double y0, double y1, String label) {
        overlays.add(new double[] {Math.min(x0, x1), Math.max(x0, x1), Math.min(y0, y1), Math.max(y0, y1)});
        overlayLabels.add(label);
        return this;
    }

    private void checkGrid(int rows, java.util.function.IntUnaryOperator cols) {
        if (rows != yc.length) {
            throw new IllegalArgumentException("heatmap grid has " + rows + " rows but " + yc.length + " y centres");
        }
        for (int i = 0; i < rows; i++) {
            if (cols.applyAsInt(i) != xc.length) {
                throw new IllegalArgumentException("heatmap row " + i + " has " + cols.applyAsInt(i)
                        + " cells but " + xc.length + " x centres");
            }
        }
    }

    /** Cell edges: n + 1 values from the centres (midpoints, geometric on a log axis). */
    static double[] edges(double[] c, boolean log) {
        int n = c.length;
        double[] e = new double[n + 1];
        if (n == 1) {
            e[0] = log ? c[0] / Math.sqrt(10) : c[0] - 0.5;
            e[1] = log ? c[0] * Math.sqrt(10) : c[0] + 0.5;
            return e;
        }
        for (int i = 1; i < n; i++) {
            e[i] = log ? Math.sqrt(c[i - 1] * c[i]) : (c[i - 1] + c[i]) / 2;
        }
        e[0] = log ? c[0] * c[0] / e[1] : 2 * c[0] - e[1];
        e[n] = log ? c[n - 1] * c[n - 1] / e[n - 1] : 2 * c[n - 1] - e[n - 1];
        return e;
    }

    // ---------------------------------------------------------------------------------------------- rendering

    /** The heatmap as one {@code <svg>} element. */
    public String render() {
        double[] ex = edges(xc, logX);
        double[] ey = edges(yc, logY);
        boolean anyNan = false;
        double cmin = Double.POSITIVE_INFINITY;
        double cmax = Double.NEGATIVE_INFINITY;
        if (values != null) {
            for (double[] row : values) {
                for (double v : row) {
                    if (Double.isNaN(v)) {
                        anyNan = true;
                    } else if (Axis.accepts(logColor, v)) {
                        cmin = Math.min(cmin, v);
                        cmax = Math.max(cmax, v);
                    }
                }
            }
        }
        double[] cr = colorRange != null ? colorRange : cmin < cmax ? new double[] {cmin, cmax}
                : Axis.autoRange(logColor, cmin, cmax);
        if (logColor && !(cr[0] > 0)) {
            throw new IllegalArgumentException("colorRange on a log colour scale needs lo > 0 (got " + cr[0] + ")");
        }

        // right column: colorbar with ticks and label, or the category legend
        double rightReserve;
        List<Axis.Tick> cbTicks = null;
        if (values != null) {
            Axis probe = new Axis(logColor, cr[0], cr[1], height - 40, 30);
            cbTicks = probe.ticks(Axes.Y_TICK_SPACING);
            double tw = 0;
            for (Axis.Tick t : cbTicks) {
                tw = Math.max(tw, t.width(Svg.TICK_FONT));
            }
            double nanW = anyNan ? 14 + 5 + Svg.textWidth(nanLabel, Svg.TICK_FONT) : 0;
            rightReserve = 16 + Math.max(12 + 6 + tw + 6 + 16, nanW) + 8;
        } else if (categories != null) {
            double w = 0;
            for (String n : names) {
                w = Math.max(w, Svg.textWidth(n, Svg.TICK_FONT));
            }
            rightReserve = 16 + 14 + 5 + w + 8;
        } else {
            rightReserve = 14;
        }
        double top = title.isEmpty() ? 12 : 30;
        Axes a = Axes.layout(width, height, top, rightReserve, yLabel != null && !yLabel.isEmpty(), logX,
                new double[] {ex[0], ex[ex.length - 1]}, logY, new double[] {ey[0], ey[ey.length - 1]});
        double[] px = new double[ex.length];
        double[] py = new double[ey.length];
        for (int i = 0; i < ex.length; i++) {
            px[i] = Math.round(a.x.pixel(ex[i]) * 10) / 10.0;
        }
        for (int j = 0; j < ey.length; j++) {
            py[j] = Math.round(a.y.pixel(ey[j]) * 10) / 10.0;
        }

        StringBuilder cells = new StringBuilder(xc.length * yc.length * 24);
        cells.append("<g class=\"cells\" shape-rendering=\"crispEdges\">");
        Map<String, StringBuilder> byColor = new LinkedHashMap<>();
        boolean empty = values == null && categories == null;
        for (int j = 0; j < yc.length && !empty; j++) {
            for (int i = 0; i < xc.length; i++) {
                String fill = cellColor(j, i, cr);
                if (fill == null) {
                    continue;
                }
                double x0 = px[i];
                double w = px[i + 1] - px[i];
                double y0 = Math.min(py[j], py[j + 1]);
                double h = Math.abs(py[j + 1] - py[j]);
                String tip = hover == null ? null : hover[j][i];
                if (tip != null && !tip.isEmpty()) {
                    cells.append("<rect x=\"");
                    Svg.num(cells, x0).append("\" y=\"");
                    Svg.num(cells, y0).append("\" width=\"");
                    Svg.num(cells, w).append("\" height=\"");
                    Svg.num(cells, h).append("\" fill=\"").append(Svg.esc(fill)).append("\"><title>")
                            .append(Svg.esc(tip)).append("</title></rect>");
                } else {
                    StringBuilder d = byColor.computeIfAbsent(fill, k -> new StringBuilder());
                    d.append('M');
                    Svg.num(d, x0).append(' ');
                    Svg.num(d, y0).append('h');
                    Svg.num(d, w).append('v');
                    Svg.num(d, h).append('h');
                    Svg.num(d, -w).append('z');
                }
            }
        }
        for (Map.Entry<String, StringBuilder> e : byColor.entrySet()) {
            cells.append("<path fill=\"").append(Svg.esc(e.getKey())).append("\" d=\"").append(e.getValue())
                    .append("\"/>");
        }
        cells.append("</g>");
        String id = Svg.id("hm-", cells, title);

        StringBuilder b = new StringBuilder(cells.length() + 4096);
        Svg.open(b, width, height, title);
        a.clipPath(b, id);
        b.append("<g clip-path=\"url(#").append(id).append(")\">").append(cells);
        for (int k = 0; k < overlays.size(); k++) {
            overlay(b, a, overlays.get(k));
        }
        b.append("</g>");
        for (int k = 0; k < overlays.size(); k++) {
            overlayLabel(b, a, overlays.get(k), overlayLabels.get(k));
        }
        a.frame(b, xLabel, yLabel, true);
        Axes.title(b, title, a.left());
        if (empty) {
            Svg.text(b, (a.left() + a.right()) / 2, (a.top() + a.bottom()) / 2, "middle", 13, Svg.MUTED,
                    "font-style=\"italic\"", "no data");
        }
        double colX = a.right() + 16;
        if (values != null) {
            colorbar(b, a, id + "-g", cr, colX, anyNan);
        } else if (categories != null) {
            categoryLegend(b, a, colX);
        }
        return b.append("</svg>").toString();
    }

    private String cellColor(int j, int i, double[] cr) {
        if (categories != null) {
            int c = categories[j][i];
            return c < 0 ? null : colors[c];
        }
        double v = values[j][i];
        if (Double.isNaN(v)) {
            return NAN_COLOR;
        }
        if (logColor && !(v > 0)) {
            return Colormap.at(0);
        }
        double t = logColor ? (Math.log10(v) - Math.log10(cr[0])) / (Math.log10(cr[1]) - Math.log10(cr[0]))
                : (v - cr[0]) / (cr[1] - cr[0]);
        return Colormap.at(t);
    }

    private void overlay(StringBuilder b, Axes a, double[] r) {
        double x0 = a.x.pixelClamped(r[0], 2);
        double x1 = a.x.pixelClamped(r[1], 2);
        double y0 = a.y.pixelClamped(r[3], 2);
        double y1 = a.y.pixelClamped(r[2], 2);
        if (Double.isNaN(x0) || Double.isNaN(x1) || Double.isNaN(y0) || Double.isNaN(y1)) {
            return;
        }
        for (String[] style : new String[][] {{"#ffffff", "3.2", ""}, {"#111111", "1.4", " stroke-dasharray=\"5 3\""}}) {
            b.append("<rect class=\"overlay\" x=\"");
            Svg.num(b, x0).append("\" y=\"");
            Svg.num(b, y0).append("\" width=\"");
            Svg.num(b, x1 - x0).append("\" height=\"");
            Svg.num(b, y1 - y0).append("\" fill=\"none\" stroke=\"").append(style[0]).append("\" stroke-width=\"")
                    .append(style[1]).append('"').append(style[2]).append("/>");
        }
    }

    private void overlayLabel(StringBuilder b, Axes a, double[] r, String label) {
        if (label == null || label.isEmpty()) {
            return;
        }
        double x0 = a.x.pixelClamped(r[0], 0);
        double y0 = a.y.pixelClamped(r[3], 0);
        if (Double.isNaN(x0) || Double.isNaN(y0)) {
            return;
        }
        Svg.text(b, x0 + 4, y0 + 13, "start", 11, "#111111",
                "font-weight=\"600\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" "
                        + "paint-order=\"stroke\"", label);
    }

    private void colorbar(StringBuilder b, Axes a, String gradientId, double[] cr, double x, boolean anyNan) {
        double top = a.top();
        double bottom = anyNan ? a.bottom() - 26 : a.bottom();
        b.append("<defs><linearGradient id=\"").append(gradientId).append("\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">");
        for (int k = 0; k < Colormap.ANCHORS.length; k++) {
            b.append("<stop offset=\"").append(Svg.fmt(100.0 * k / (Colormap.ANCHORS.length - 1))).append("%\" "
                    + "stop-color=\"").append(Colormap.ANCHORS[k]).append("\"/>");
        }
        b.append("</linearGradient></defs><rect class=\"colorbar\" x=\"");
        Svg.num(b, x).append("\" y=\"");
        Svg.num(b, top).append("\" width=\"12\" height=\"");
        Svg.num(b, bottom - top).append("\" fill=\"url(#").append(gradientId).append(")\" stroke=\"")
                .append(Svg.AXIS).append("\" stroke-width=\"0.8\"/>");
        Axis cb = new Axis(logColor, cr[0], cr[1], bottom, top);
        List<Axis.Tick> ticks = cb.ticks(Axes.Y_TICK_SPACING);
        StringBuilder d = new StringBuilder();
        double tw = 0;
        b.append("<g font-size=\"").append(Svg.fmt(Svg.TICK_FONT)).append("\" fill=\"").append(Svg.INK).append("\">");
        for (Axis.Tick t : ticks) {
            double p = cb.pixel(t.value());
            d.append('M');
            Svg.num(d, x + 12).append(' ');
            Svg.num(d, p).append("h4");
            b.append("<text x=\"");
            Svg.num(b, x + 19).append("\" y=\"");
            Svg.num(b, p + Svg.TICK_FONT * 0.35).append("\">");
            Axis.appendLabel(b, t);
            b.append("</text>");
            tw = Math.max(tw, t.width(Svg.TICK_FONT));
        }
        b.append("</g>");
        if (d.length() > 0) {
            b.append("<path d=\"").append(d).append("\" stroke=\"").append(Svg.AXIS).append("\" stroke-width=\"1\"/>");
        }
        if (colorbarLabel != null && !colorbarLabel.isEmpty()) {
            double lx = x + 19 + tw + 12;
            double cy = (top + bottom) / 2;
            Svg.text(b, lx, cy, "middle", Svg.TICK_FONT + 0.5, Svg.INK,
                    "transform=\"rotate(90 " + Svg.num(lx) + " " + Svg.num(cy) + ")\"", colorbarLabel);
        }
        if (anyNan) {
            b.append("<rect x=\"");
            Svg.num(b, x).append("\" y=\"");
            Svg.num(b, a.bottom() - 12).append("\" width=\"12\" height=\"12\" fill=\"").append(NAN_COLOR)
                    .append("\"/>");
            Svg.text(b, x + 17, a.bottom() - 2, "start", Svg.TICK_FONT, Svg.INK, "", nanLabel);
        }
    }

    private void categoryLegend(StringBuilder b, Axes a, double x) {
        double y = a.top();
        b.append("<g class=\"legend\">");
        for (int k = 0; k < names.length; k++) {
            b.append("<rect x=\"");
            Svg.num(b, x).append("\" y=\"");
            Svg.num(b, y).append("\" width=\"12\" height=\"12\" fill=\"").append(Svg.esc(colors[k])).append("\"/>");
            Svg.text(b, x + 17, y + 10, "start", Svg.TICK_FONT, Svg.INK, "", names[k]);
            y += 18;
        }
        b.append("</g>");
    }
}
