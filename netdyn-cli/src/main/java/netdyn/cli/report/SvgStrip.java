package netdyn.cli.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A categorical strip along an x axis, for example the regime of each learning rate η: one coloured cell per x,
 * spanning the midpoints to its neighbours (geometric midpoints on a log axis), with the categories in a legend
 * below the axis in first-seen order. Rendered as one {@code <svg>}; a builder like {@link SvgChart}.
 *
 * <p>x need not be sorted; NaN x (and non-positive x on a log axis) and null categories are skipped.
 *
 * <pre>{@code
 * String svg = SvgStrip.of("Regime", "learning rate η", eta, regime, hover).logX()
 *         .colors(Map.of("chaotic", "#D55E00"))
 *         .render();
 * }</pre>
 */
public final class SvgStrip {

    private final String title;
    private final String xLabel;
    private final double[] x;
    private final String[] category;
    private final String[] hover;
    private int width = 1040;
    private int height = -1;
    private boolean logX;
    private final Map<String, String> colors = new LinkedHashMap<>();

    private SvgStrip(String title, String xLabel, double[] x, String[] category, String[] hover) {
        if (category.length != x.length || (hover != null && hover.length != x.length)) {
            throw new IllegalArgumentException("strip: " + x.length + " x values, " + category.length
                    + " categories" + (hover == null ? "" : ", " + hover.length + " hover texts"));
        }
        this.title = title == null ? "" : title;
        this.xLabel = xLabel;
        this.x = x.clone();
        this.category = category.clone();
        this.hover = hover == null ? null : hover.clone();
    }

    /** A strip of {@code category[i]} at {@code x[i]}; {@code hover} (may be null) gives each cell a tooltip. */
    public static SvgStrip of(String title, String xLabel, double[] x, String[] category, String[] hover) {
        return new SvgStrip(title, xLabel, x, category, hover);
    }

    /** Figure size in px (default 1040 wide; height from the legend, about 130). */
    public SvgStrip size(int width, int height) {
        Svg.requireSize(width, height);
        this.width = width;
        this.height = height;
        return this;
    }

    /** A log₁₀ x axis; non-positive x are skipped. */
    public SvgStrip logX() {
        this.logX = true;
        return this;
    }

    /** Colours for categories (others take palette colours in first-seen order, skipping the ones used here). */
    public SvgStrip colors(Map<String, String> byCategory) {
        colors.putAll(byCategory);
        return this;
    }

    /** The strip as one {@code <svg>} element. */
    public String render() {
        Integer[] order = new Integer[x.length];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (Axis.accepts(logX, x[i]) && category[i] != null) {
                order[n++] = i;
            }
        }
        Integer[] idx = Arrays.copyOf(order, n);
        Arrays.sort(idx, Comparator.comparingDouble(i -> x[i]));
        Map<String, String> legend = new LinkedHashMap<>();
        int next = 0;
        for (int i = 0; i < x.length; i++) {
            String c = category[i];
            if (c == null || legend.containsKey(c) || !Axis.accepts(logX, x[i])) {
                continue;
            }
            String col = colors.get(c);
            while (col == null) {
                String candidate = SvgChart.color(next++);
                if (!colors.containsValue(candidate) || next > SvgChart.PALETTE.size()) {
                    col = candidate;
                }
            }
            legend.put(c, col);
        }

        double[] xs = new double[n];
        for (int k = 0; k < n; k++) {
            xs[k] = x[idx[k]];
        }
        double[] centres = distinct(xs);
        double[] e = centres.length == 0 ? new double[] {logX ? 1 : 0, logX ? 10 : 1}
                : SvgHeatmap.edges(centres, logX);

        double legendRowH = 18;
        double top = title.isEmpty() ? 10 : 28;
        double available = width - 80;
        int rows = legendRows(legend, available);
        int h = height > 0 ? height : (int) Math.ceil(top + 30 + 40 + rows * legendRowH + 6);
        double legendTop = h - rows * legendRowH - 4;
        double stripBottom = legendTop - 42;
        if (stripBottom - top < 8) {
            throw new IllegalArgumentException("strip height " + h + " px leaves no room for the strip with " + rows
                    + " legend rows");
        }
        double left = 20;
        double right = width - 20;
        Axis ax = new Axis(logX, e[0], e[e.length - 1], left, right);
        List<Axis.Tick> ticks = ax.ticks(48);

        StringBuilder cells = new StringBuilder(n * 80);
        cells.append("<g class=\"cells\" shape-rendering=\"crispEdges\">");
        int k = 0;
        for (int c = 0; c < centres.length; c++) {
            int first = k;
            while (k < n && x[idx[k]] == centres[c]) {
                k++;
            }
            // several entries at one x: the last one wins, all their hover texts are joined
            int i = idx[k - 1];
            double x0 = Math.round(ax.pixel(e[c]) * 10) / 10.0;
            double x1 = Math.round(ax.pixel(e[c + 1]) * 10) / 10.0;
            cells.append("<rect x=\"");
            Svg.num(cells, x0).append("\" y=\"");
            Svg.num(cells, top).append("\" width=\"");
            Svg.num(cells, x1 - x0).append("\" height=\"");
            Svg.num(cells, stripBottom - top).append("\" fill=\"").append(Svg.esc(legend.get(category[i])))
                    .append('"');
            StringBuilder tip = new StringBuilder();
            if (hover != null) {
                for (int q = first; q < k; q++) {
                    String t = hover[idx[q]];
                    if (t != null && !t.isEmpty()) {
                        tip.append(tip.length() > 0 ? "\n" : "").append(t);
                    }
                }
            }
            if (tip.length() > 0) {
                cells.append("><title>").append(Svg.esc(tip.toString())).append("</title></rect>");
            } else {
                cells.append("/>");
            }
        }
        cells.append("</g>");

        StringBuilder b = new StringBuilder(cells.length() + 2048);
        Svg.open(b, width, h, title);
        b.append(cells);
        StringBuilder d = new StringBuilder("M");
        Svg.num(d, left).append(' ');
        Svg.num(d, top).append('H');
        Svg.num(d, right).append('V');
        Svg.num(d, stripBottom).append('H');
        Svg.num(d, left).append('Z');
        for (Axis.Tick t : ticks) {
            d.append('M');
            Svg.num(d, ax.pixel(t.value())).append(' ');
            Svg.num(d, stripBottom).append("v4");
        }
        for (double v : ax.minorTicks(ticks)) {
            d.append('M');
            Svg.num(d, ax.pixel(v)).append(' ');
            Svg.num(d, stripBottom).append("v2.5");
        }
        b.append("<path d=\"").append(d).append("\" stroke=\"").append(Svg.AXIS)
                .append("\" stroke-width=\"1\" fill=\"none\" shape-rendering=\"crispEdges\"/>");
        b.append("<g font-size=\"").append(Svg.fmt(Svg.TICK_FONT)).append("\" fill=\"").append(Svg.INK)
                .append("\" text-anchor=\"middle\">");
        for (Axis.Tick t : ticks) {
            b.append("<text x=\"");
            Svg.num(b, ax.pixel(t.value())).append("\" y=\"");
            Svg.num(b, stripBottom + 4 + Svg.TICK_FONT + 2).append("\">");
            Axis.appendLabel(b, t);
            b.append("</text>");
        }
        b.append("</g>");
        if (xLabel != null && !xLabel.isEmpty()) {
            Svg.text(b, (left + right) / 2, stripBottom + 4 + Svg.TICK_FONT + 18, "middle", Svg.LABEL_FONT, Svg.INK,
                    "", xLabel);
        }
        Axes.title(b, title, left);
        if (n == 0) {
            Svg.text(b, (left + right) / 2, (top + stripBottom) / 2 + 4, "middle", 13, Svg.MUTED,
                    "font-style=\"italic\"", "no data");
        }
        drawLegend(b, legend, left, legendTop, available);
        return b.append("</svg>").toString();
    }

    private static double[] distinct(double[] sorted) {
        return Arrays.stream(sorted).distinct().toArray();
    }

    private static double entryWidth(String name) {
        return 12 + 5 + Svg.textWidth(name, Svg.TICK_FONT) + 18;
    }

    private static int legendRows(Map<String, String> legend, double width) {
        if (legend.isEmpty()) {
            return 0;
        }
        int rows = 1;
        double used = 0;
        for (String name : legend.keySet()) {
            double w = entryWidth(name);
            if (used > 0 && used + w > width) {
                rows++;
                used = 0;
            }
            used += w;
        }
        return rows;
    }

    private static void drawLegend(StringBuilder b, Map<String, String> legend, double x0, double top,
            double width) {
        b.append("<g class=\"legend\">");
        double used = 0;
        double y = top;
        List<String> names = new ArrayList<>(legend.keySet());
        for (String name : names) {
            double w = entryWidth(name);
            if (used > 0 && used + w > width) {
                y += 18;
                used = 0;
            }
            b.append("<rect x=\"");
            Svg.num(b, x0 + used).append("\" y=\"");
            Svg.num(b, y + 2).append("\" width=\"12\" height=\"12\" fill=\"").append(Svg.esc(legend.get(name)))
                    .append("\"/>");
            Svg.text(b, x0 + used + 17, y + 12, "start", Svg.TICK_FONT, Svg.INK, "", name);
            used += w;
        }
        b.append("</g>");
    }
}
