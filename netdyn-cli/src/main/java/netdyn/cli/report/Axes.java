package netdyn.cli.report;

import java.util.List;

/**
 * The frame shared by charts and heatmaps: a plot rectangle with an x axis below and a y axis on the left, tick
 * choice that keeps labels apart, light grid lines and the axis labels. Package-private.
 */
final class Axes {

    static final double TICK = 4;
    static final double MINOR_TICK = 2.5;
    static final double Y_TICK_SPACING = 30;

    final Axis x;
    final Axis y;
    final List<Axis.Tick> xTicks;
    final List<Axis.Tick> yTicks;

    private Axes(Axis x, Axis y, List<Axis.Tick> xTicks, List<Axis.Tick> yTicks) {
        this.x = x;
        this.y = y;
        this.xTicks = xTicks;
        this.yTicks = yTicks;
    }

    double left() {
        return x.pixLo;
    }

    double right() {
        return x.pixHi;
    }

    double top() {
        return y.pixHi;
    }

    double bottom() {
        return y.pixLo;
    }

    /**
     * Lays out the axes in a {@code width × height} figure with {@code top} px reserved above the plot and
     * {@code rightReserve} px to its right; the left margin follows the widest y tick label.
     */
    static Axes layout(int width, int height, double top, double rightReserve, boolean hasYLabel, boolean logX,
            double[] xRange, boolean logY, double[] yRange) {
        double bottom = height - 40;
        Axis y0 = new Axis(logY, yRange[0], yRange[1], bottom, top);
        List<Axis.Tick> yTicks = y0.ticks(Y_TICK_SPACING);
        double labelW = 0;
        for (Axis.Tick t : yTicks) {
            labelW = Math.max(labelW, t.width(Svg.TICK_FONT));
        }
        double left = (hasYLabel ? 22 : 6) + labelW + 4 + TICK;
        double right = width - Math.max(14, rightReserve);
        Axis x = new Axis(logX, xRange[0], xRange[1], left, right);
        List<Axis.Tick> xTicks = x.ticks(48);
        for (int attempt = 0; attempt < 4 && crowded(x, xTicks); attempt++) {
            xTicks = x.ticks(widest(xTicks) + 14 + 12 * attempt);
        }
        return new Axes(x, y0, xTicks, yTicks);
    }

    private static double widest(List<Axis.Tick> ticks) {
        double w = 0;
        for (Axis.Tick t : ticks) {
            w = Math.max(w, t.width(Svg.TICK_FONT));
        }
        return w;
    }

    private static boolean crowded(Axis axis, List<Axis.Tick> ticks) {
        for (int i = 1; i < ticks.size(); i++) {
            double gap = Math.abs(axis.pixel(ticks.get(i).value()) - axis.pixel(ticks.get(i - 1).value()));
            double need = (ticks.get(i).width(Svg.TICK_FONT) + ticks.get(i - 1).width(Svg.TICK_FONT)) / 2 + 10;
            if (gap < need) {
                return true;
            }
        }
        return false;
    }

    /** Grid lines at the major ticks (drawn first, under the data). */
    void grid(StringBuilder b) {
        StringBuilder d = new StringBuilder();
        for (Axis.Tick t : xTicks) {
            double px = x.pixel(t.value());
            d.append('M');
            Svg.num(d, px).append(' ');
            Svg.num(d, top()).append('V');
            Svg.num(d, bottom());
        }
        for (Axis.Tick t : yTicks) {
            double py = y.pixel(t.value());
            d.append('M');
            Svg.num(d, left()).append(' ');
            Svg.num(d, py).append('H');
            Svg.num(d, right());
        }
        if (d.length() > 0) {
            b.append("<path d=\"").append(d).append("\" stroke=\"").append(Svg.GRID)
                    .append("\" stroke-width=\"1\" fill=\"none\" shape-rendering=\"crispEdges\"/>");
        }
    }

    /** Axis lines, major and minor ticks, tick labels and the axis labels (drawn last, over the data). */
    void frame(StringBuilder b, String xLabel, String yLabel, boolean box) {
        StringBuilder d = new StringBuilder();
        d.append('M');
        Svg.num(d, left()).append(' ');
        Svg.num(d, top()).append('V');
        Svg.num(d, bottom()).append('H');
        Svg.num(d, right());
        if (box) {
            d.append('V');
            Svg.num(d, top()).append('H');
            Svg.num(d, left());
        }
        for (Axis.Tick t : xTicks) {
            d.append('M');
            Svg.num(d, x.pixel(t.value())).append(' ');
            Svg.num(d, bottom()).append('v').append(Svg.fmt(TICK));
        }
        for (double v : x.minorTicks(xTicks)) {
            d.append('M');
            Svg.num(d, x.pixel(v)).append(' ');
            Svg.num(d, bottom()).append('v').append(Svg.fmt(MINOR_TICK));
        }
        for (Axis.Tick t : yTicks) {
            d.append('M');
            Svg.num(d, left()).append(' ');
            Svg.num(d, y.pixel(t.value())).append("h-").append(Svg.fmt(TICK));
        }
        for (double v : y.minorTicks(yTicks)) {
            d.append('M');
            Svg.num(d, left()).append(' ');
            Svg.num(d, y.pixel(v)).append("h-").append(Svg.fmt(MINOR_TICK));
        }
        b.append("<path d=\"").append(d).append("\" stroke=\"").append(Svg.AXIS)
                .append("\" stroke-width=\"1\" fill=\"none\" shape-rendering=\"crispEdges\"/>");
        b.append("<g font-size=\"").append(Svg.fmt(Svg.TICK_FONT)).append("\" fill=\"").append(Svg.INK).append("\">");
        b.append("<g text-anchor=\"middle\">");
        for (Axis.Tick t : xTicks) {
            b.append("<text x=\"");
            Svg.num(b, x.pixel(t.value())).append("\" y=\"");
            Svg.num(b, bottom() + TICK + Svg.TICK_FONT + 2).append("\">");
            Axis.appendLabel(b, t);
            b.append("</text>");
        }
        b.append("</g><g text-anchor=\"end\">");
        for (Axis.Tick t : yTicks) {
            b.append("<text x=\"");
            Svg.num(b, left() - TICK - 3).append("\" y=\"");
            Svg.num(b, y.pixel(t.value()) + Svg.TICK_FONT * 0.35).append("\">");
            Axis.appendLabel(b, t);
            b.append("</text>");
        }
        b.append("</g></g>");
        if (xLabel != null && !xLabel.isEmpty()) {
            Svg.text(b, (left() + right()) / 2, bottom() + TICK + Svg.TICK_FONT + 18, "middle", Svg.LABEL_FONT,
                    Svg.INK, "", xLabel);
        }
        if (yLabel != null && !yLabel.isEmpty()) {
            double cy = (top() + bottom()) / 2;
            Svg.text(b, 14, cy, "middle", Svg.LABEL_FONT, Svg.INK,
                    "transform=\"rotate(-90 14 " + Svg.num(cy) + ")\"", yLabel);
        }
    }

    /** The figure title, left-aligned above the plot. */
    static void title(StringBuilder b, String title, double x) {
        if (title != null && !title.isEmpty()) {
            Svg.text(b, x, 18, "start", Svg.TITLE_FONT, Svg.INK, "font-weight=\"600\"", title);
        }
    }

    /** A clip path to the plot rectangle, with the given id. */
    void clipPath(StringBuilder b, String id) {
        b.append("<defs><clipPath id=\"").append(id).append("\"><rect x=\"");
        Svg.num(b, left()).append("\" y=\"");
        Svg.num(b, top()).append("\" width=\"");
        Svg.num(b, right() - left()).append("\" height=\"");
        Svg.num(b, bottom() - top()).append("\"/></clipPath></defs>");
    }
}
