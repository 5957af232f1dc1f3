package netdyn.cli.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An x/y chart rendered as one self-contained {@code <svg>} element: lines, point clouds (with hover text),
 * error bars, translucent bands and dashed reference lines on linear or log₁₀ axes.
 *
 * <p>A builder: each call adds to or configures this chart and returns it; {@link #render()} can be called any
 * number of times. Arrays are copied when added. NaN or infinite values break a line or band; on a log axis
 * non-positive values are skipped (and break lines). Ranges come from the data (and the reference lines) unless
 * fixed with {@link #xRange} / {@link #yRange}. The legend lists the series that have a non-empty name, in the
 * corner of the plot where it covers the least data, or above the plot when every corner is occupied.
 *
 * <pre>{@code
 * String svg = SvgChart.of("Lyapunov exponent", "learning rate η", "λ₁ per step").logX()
 *         .band("spectrum", eta, lambdaMin, lambdaMax, SvgChart.color(2))
 *         .line("λ₁", eta, lambda1, SvgChart.color(0))
 *         .hline(0, "λ = 0", "#555555")
 *         .render();
 * }</pre>
 */
public final class SvgChart {

    /**
     * The Okabe–Ito colour-blind-safe palette, ordered for series: blue, vermillion, bluish green, orange,
     * sky blue, reddish purple, yellow, black.
     */
    public static final List<String> PALETTE = List.of("#0072B2", "#D55E00", "#009E73", "#E69F00", "#56B4E9",
            "#CC79A7", "#F0E442", "#000000");

    /** Neutral grey for reference lines. */
    public static final String GREY = "#666666";

    /** The i-th palette colour, cycling. */
    public static String color(int i) {
        return PALETTE.get(Math.floorMod(i, PALETTE.size()));
    }

    private enum Kind { LINE, POINTS, ERROR_BARS, BAND }

    private record Series(Kind kind, String name, double[] x, double[] y, double[] lo, double[] hi, String color,
            double radius, String[] hover) {
    }

    private record RefLine(boolean horizontal, double value, String label, String color) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private int width = 520;
    private int height = 340;
    private boolean logX;
    private boolean logY;
    private double[] xRange;
    private double[] yRange;
    private final List<Series> series = new ArrayList<>();
    private final List<RefLine> refs = new ArrayList<>();

    private SvgChart(String title, String xLabel, String yLabel) {
        this.title = title == null ? "" : title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** A new empty chart; the title also becomes the SVG's accessible {@code <title>}. */
    public static SvgChart of(String title, String xLabel, String yLabel) {
        return new SvgChart(title, xLabel, yLabel);
    }

    /** Figure size in px (default 520 × 340, two to a row on an 1100-px page). */
    public SvgChart size(int width, int height) {
        Svg.requireSize(width, height);
        this.width = width;
        this.height = height;
        return this;
    }

    /** A log₁₀ x axis labelled in decades; non-positive x values are skipped. */
    public SvgChart logX() {
        this.logX = true;
        return this;
    }

    /** A log₁₀ y axis labelled in decades; non-positive y values are skipped. */
    public SvgChart logY() {
        this.logY = true;
        return this;
    }

    /** Fixed x range (lo &lt; hi, both finite; lo &gt; 0 on a log axis, checked when rendered). */
    public SvgChart xRange(double lo, double hi) {
        this.xRange = checkRange("xRange", lo, hi);
        return this;
    }

    /** Fixed y range (lo &lt; hi, both finite; lo &gt; 0 on a log axis, checked when rendered). */
    public SvgChart yRange(double lo, double hi) {
        this.yRange = checkRange("yRange", lo, hi);
        return this;
    }

    private static double[] checkRange(String what, double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
            throw new IllegalArgumentException(what + " needs finite lo < hi (got " + lo + ", " + hi + ")");
        }
        return new double[] {lo, hi};
    }

    /** A polyline through (x[i], y[i]); non-finite or unshowable values break it into segments. */
    public SvgChart line(String name, double[] x, double[] y, String color) {
        Svg.requireSameLength("line '" + name + "'", x, y);
        series.add(new Series(Kind.LINE, name, x.clone(), y.clone(), null, null, pick(color), 0, null));
        return this;
    }

    /**
     * Filled circles of the given radius; with {@code hover} (same length, entries may be null) each circle
     * carries a {@code <title>} the browser shows on hover. Without hover, coincident points (to 0.1 px) are drawn
     * once, so a 10 000-point bifurcation diagram stays small.
     */
    public SvgChart points(String name, double[] x, double[] y, String color, double radius, String[] hover) {
        Svg.requireSameLength("points '" + name + "'", x, y);
        if (hover != null && hover.length != x.length) {
            throw new IllegalArgumentException("points '" + name + "': " + x.length + " points but " + hover.length
                    + " hover texts");
        }
        if (!(radius > 0) || radius > 50) {
            throw new IllegalArgumentException("points '" + name + "': radius must be in (0, 50] (got " + radius + ")");
        }
        series.add(new Series(Kind.POINTS, name, x.clone(), y.clone(), null, null, pick(color), radius,
                hover == null ? null : hover.clone()));
        return this;
    }

    /** Points at (x[i], y[i]) with vertical whiskers from lo[i] to hi[i]. */
    public SvgChart errorBars(String name, double[] x, double[] y, double[] lo, double[] hi, String color) {
        Svg.requireSameLength("errorBars '" + name + "'", x, y);
        Svg.requireSameLength("errorBars '" + name + "' lo", x, lo);
        Svg.requireSameLength("errorBars '" + name + "' hi", x, hi);
        series.add(new Series(Kind.ERROR_BARS, name, x.clone(), y.clone(), lo.clone(), hi.clone(), pick(color), 2.6,
                null));
        return this;
    }

    /** A translucent filled band between lo[i] and hi[i] along x; non-finite values break it. */
    public SvgChart band(String name, double[] x, double[] lo, double[] hi, String color) {
        Svg.requireSameLength("band '" + name + "' lo", x, lo);
        Svg.requireSameLength("band '" + name + "' hi", x, hi);
        series.add(new Series(Kind.BAND, name, x.clone(), null, lo.clone(), hi.clone(), pick(color), 0, null));
        return this;
    }

    /** A dashed horizontal reference line at y with a small label at its right end (label may be null). */
    public SvgChart hline(double y, String label, String color) {
        refs.add(new RefLine(true, y, label, color == null ? GREY : color));
        return this;
    }

    /** A dashed vertical reference line at x with a small label near its top (label may be null). */
    public SvgChart vline(double x, String label, String color) {
        refs.add(new RefLine(false, x, label, color == null ? GREY : color));
        return this;
    }

    private String pick(String color) {
        return color != null ? color : color(series.size());
    }

    // ---------------------------------------------------------------------------------------------- rendering

    private record Legend(List<Series> entries, double width, double height) {
    }

    /** The chart as one {@code <svg>} element (well-formed XML, no external references). */
    public String render() {
        double[] xr = range(true);
        double[] yr = range(false);
        boolean empty = !hasData();
        Legend legend = legend();
        double top = title.isEmpty() ? 12 : 30;
        Axes axes = Axes.layout(width, height, top, 14, yLabel != null && !yLabel.isEmpty(), logX, xr, logY, yr);
        double[] legendAt = null;
        if (legend != null) {
            legendAt = insideLegend(axes, legend);
            if (legendAt == null) {
                int rows = legendRows(legend, axes.right() - axes.left());
                axes = Axes.layout(width, height, top + rows * 17 + 4, 14, yLabel != null && !yLabel.isEmpty(),
                        logX, xr, logY, yr);
            }
        }

        StringBuilder data = new StringBuilder(1024);
        for (Series s : series) {
            if (s.kind == Kind.BAND) {
                drawBand(data, axes, s);
            }
        }
        for (RefLine r : refs) {
            drawRef(data, axes, r);
        }
        for (Series s : series) {
            switch (s.kind) {
                case LINE -> drawLine(data, axes, s);
                case POINTS -> drawPoints(data, axes, s);
                case ERROR_BARS -> drawErrorBars(data, axes, s);
                case BAND -> { }
            }
        }
        String clip = Svg.id("clip-", data, title);

        StringBuilder b = new StringBuilder(data.length() + 4096);
        Svg.open(b, width, height, title);
        axes.clipPath(b, clip);
        axes.grid(b);
        b.append("<g clip-path=\"url(#").append(clip).append(")\">").append(data).append("</g>");
        for (RefLine r : refs) {
            refLabel(b, axes, r);
        }
        axes.frame(b, xLabel, yLabel, false);
        Axes.title(b, title, axes.left());
        if (empty) {
            Svg.text(b, (axes.left() + axes.right()) / 2, (axes.top() + axes.bottom()) / 2, "middle", 13, Svg.MUTED,
                    "font-style=\"italic\"", "no data");
        }
        if (legend != null) {
            if (legendAt != null) {
                drawLegendBox(b, legend, legendAt[0], legendAt[1]);
            } else {
                drawLegendRows(b, legend, axes.left(), top, axes.right() - axes.left());
            }
        }
        return b.append("</svg>").toString();
    }

    private boolean hasData() {
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                if (Axis.accepts(logX, s.x[i]) && (s.kind == Kind.BAND
                        ? Axis.accepts(logY, s.lo[i]) || Axis.accepts(logY, s.hi[i])
                        : Axis.accepts(logY, s.y[i]))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The shown range: fixed, or from the finite data and reference lines. */
    private double[] range(boolean isX) {
        boolean log = isX ? logX : logY;
        double[] fixed = isX ? xRange : yRange;
        if (fixed != null) {
            if (log && !(fixed[0] > 0)) {
                throw new IllegalArgumentException((isX ? "xRange" : "yRange") + " on a log axis needs lo > 0 (got "
                        + fixed[0] + ")");
            }
            return fixed;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                if (!Axis.accepts(logX, s.x[i])) {
                    continue;
                }
                if (isX) {
                    boolean any = s.kind == Kind.BAND ? Axis.accepts(logY, s.lo[i]) || Axis.accepts(logY, s.hi[i])
                            : Axis.accepts(logY, s.y[i]);
                    if (any) {
                        min = Math.min(min, s.x[i]);
                        max = Math.max(max, s.x[i]);
                    }
                    continue;
                }
                for (double v : s.kind == Kind.BAND ? new double[] {s.lo[i], s.hi[i]}
                        : s.kind == Kind.ERROR_BARS ? new double[] {s.y[i], s.lo[i], s.hi[i]} : new double[] {s.y[i]}) {
                    if (Axis.accepts(log, v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
        }
        if (min <= max) {
            for (RefLine r : refs) {
                if (r.horizontal != isX && Axis.accepts(log, r.value)) {
                    min = Math.min(min, r.value);
                    max = Math.max(max, r.value);
                }
            }
        }
        return Axis.autoRange(log, min, max);
    }

    private void drawLine(StringBuilder b, Axes a, Series s) {
        StringBuilder d = new StringBuilder(s.x.length * 12);
        boolean pen = false;
        boolean single = false;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < s.x.length; i++) {
            double px = a.x.pixel(s.x[i]);
            double py = a.y.pixel(s.y[i]);
            if (Double.isNaN(px) || Double.isNaN(py)) {
                if (single) {
                    d.append("h0");
                }
                pen = false;
                single = false;
                continue;
            }
            px = clamp(px, a.left() - 500, a.right() + 500);
            py = clamp(py, a.top() - 500, a.bottom() + 500);
            long key = key(px, py);
            if (pen && key == last) {
                continue;
            }
            d.append(pen ? ' ' : 'M');
            Svg.num(d, px).append(' ');
            Svg.num(d, py);
            single = !pen;
            pen = true;
            last = key;
        }
        if (single) {
            d.append("h0");
        }
        if (d.length() > 0) {
            b.append("<path class=\"line\" d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(Svg.esc(s.color))
                    .append("\" stroke-width=\"1.8\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>");
        }
    }

    private void drawPoints(StringBuilder b, Axes a, Series s) {
        if (s.hover != null) {
            b.append("<g class=\"points\" fill=\"").append(Svg.esc(s.color)).append("\">");
            String r = Svg.num(s.radius);
            for (int i = 0; i < s.x.length; i++) {
                double px = a.x.pixel(s.x[i]);
                double py = a.y.pixel(s.y[i]);
                if (Double.isNaN(px) || Double.isNaN(py) || outside(a, px, py, s.radius)) {
                    continue;
                }
                b.append("<circle cx=\"");
                Svg.num(b, px).append("\" cy=\"");
                Svg.num(b, py).append("\" r=\"").append(r).append('"');
                if (s.hover[i] != null && !s.hover[i].isEmpty()) {
                    b.append("><title>").append(Svg.esc(s.hover[i])).append("</title></circle>");
                } else {
                    b.append("/>");
                }
            }
            b.append("</g>");
            return;
        }
        // zero-length subpaths with round caps draw as dots: about 14 bytes a point
        StringBuilder d = new StringBuilder(s.x.length * 14);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < s.x.length; i++) {
            double px = a.x.pixel(s.x[i]);
            double py = a.y.pixel(s.y[i]);
            if (Double.isNaN(px) || Double.isNaN(py) || outside(a, px, py, s.radius) || !seen.add(key(px, py))) {
                continue;
            }
            d.append('M');
            Svg.num(d, px).append(' ');
            Svg.num(d, py).append("h0");
        }
        if (d.length() > 0) {
            b.append("<path class=\"points\" d=\"").append(d).append("\" stroke=\"").append(Svg.esc(s.color))
                    .append("\" stroke-width=\"").append(Svg.num(2 * s.radius))
                    .append("\" stroke-linecap=\"round\" fill=\"none\"/>");
        }
    }

    private void drawErrorBars(StringBuilder b, Axes a, Series s) {
        StringBuilder whiskers = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < s.x.length; i++) {
            double px = a.x.pixel(s.x[i]);
            if (Double.isNaN(px)) {
                continue;
            }
            double plo = a.y.pixel(s.lo[i]);
            double phi = a.y.pixel(s.hi[i]);
            if (!Double.isNaN(plo) || !Double.isNaN(phi)) {
                boolean capLo = !Double.isNaN(plo);
                boolean capHi = !Double.isNaN(phi);
                plo = capLo ? clamp(plo, a.top() - 20, a.bottom() + 20) : a.bottom() + 20;
                phi = capHi ? clamp(phi, a.top() - 20, a.bottom() + 20) : a.top() - 20;
                whiskers.append('M');
                Svg.num(whiskers, px).append(' ');
                Svg.num(whiskers, plo).append('V');
                Svg.num(whiskers, phi);
                for (double cap : capLo && capHi ? new double[] {plo, phi} : capLo ? new double[] {plo}
                        : capHi ? new double[] {phi} : new double[0]) {
                    whiskers.append('M');
                    Svg.num(whiskers, px - 3).append(' ');
                    Svg.num(whiskers, cap).append("h6");
                }
            }
            double py = a.y.pixel(s.y[i]);
            if (!Double.isNaN(py)) {
                dots.append('M');
                Svg.num(dots, px).append(' ');
                Svg.num(dots, clamp(py, a.top() - 20, a.bottom() + 20)).append("h0");
            }
        }
        String c = Svg.esc(s.color);
        if (whiskers.length() > 0) {
            b.append("<path class=\"whiskers\" d=\"").append(whiskers).append("\" stroke=\"").append(c)
                    .append("\" stroke-width=\"1.3\" fill=\"none\"/>");
        }
        if (dots.length() > 0) {
            b.append("<path class=\"points\" d=\"").append(dots).append("\" stroke=\"").append(c)
                    .append("\" stroke-width=\"").append(Svg.num(2 * s.radius))
                    .append("\" stroke-linecap=\"round\" fill=\"none\"/>");
        }
    }

    private void drawBand(StringBuilder b, Axes a, Series s) {
        StringBuilder d = new StringBuilder();
        int n = s.x.length;
        int i = 0;
        while (i < n) {
            if (!bandOk(a, s, i)) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < n && bandOk(a, s, j + 1)) {
                j++;
            }
            if (j > i) {
                for (int k = i; k <= j; k++) {
                    d.append(k == i ? 'M' : ' ');
                    Svg.num(d, a.x.pixelClamped(s.x[k], 500)).append(' ');
                    Svg.num(d, a.y.pixelClamped(s.hi[k], 500));
                }
                for (int k = j; k >= i; k--) {
                    d.append(' ');
                    Svg.num(d, a.x.pixelClamped(s.x[k], 500)).append(' ');
                    Svg.num(d, a.y.pixelClamped(s.lo[k], 500));
                }
                d.append('Z');
            }
            i = j + 1;
        }
        if (d.length() > 0) {
            b.append("<path class=\"band\" d=\"").append(d).append("\" fill=\"").append(Svg.esc(s.color))
                    .append("\" fill-opacity=\"0.25\" stroke=\"none\"/>");
        }
    }

    private boolean bandOk(Axes a, Series s, int i) {
        return a.x.accepts(s.x[i]) && a.y.accepts(s.lo[i]) && a.y.accepts(s.hi[i]);
    }

    private void drawRef(StringBuilder b, Axes a, RefLine r) {
        Axis axis = r.horizontal ? a.y : a.x;
        double p = axis.pixel(r.value);
        if (Double.isNaN(p)) {
            return;
        }
        b.append("<path class=\"ref\" d=\"M");
        if (r.horizontal) {
            Svg.num(b, a.left()).append(' ');
            Svg.num(b, p).append('H');
            Svg.num(b, a.right());
        } else {
            Svg.num(b, p).append(' ');
            Svg.num(b, a.top()).append('V');
            Svg.num(b, a.bottom());
        }
        b.append("\" stroke=\"").append(Svg.esc(r.color))
                .append("\" stroke-width=\"1.2\" stroke-dasharray=\"5 3\" fill=\"none\"/>");
    }

    /** Where a reference line's label goes: [x, y, anchorEnd?1:0], or null when the line is out of range. */
    private double[] refLabelAt(Axes a, RefLine r) {
        if (r.label == null || r.label.isEmpty()) {
            return null;
        }
        if (r.horizontal) {
            double p = a.y.pixel(r.value);
            if (Double.isNaN(p) || p < a.top() - 0.5 || p > a.bottom() + 0.5) {
                return null;
            }
            double y = p - 4 < a.top() + 12 ? p + 13 : p - 4;
            return new double[] {a.right() - 4, y, 1};
        }
        double p = a.x.pixel(r.value);
        if (Double.isNaN(p) || p < a.left() - 0.5 || p > a.right() + 0.5) {
            return null;
        }
        boolean end = p + 6 + Svg.textWidth(r.label, 10.5) > a.right();
        return new double[] {end ? p - 4 : p + 4, a.top() + 12, end ? 1 : 0};
    }

    private void refLabel(StringBuilder b, Axes a, RefLine r) {
        double[] at = refLabelAt(a, r);
        if (at == null) {
            return;
        }
        Svg.text(b, at[0], at[1], at[2] == 1 ? "end" : "start", 10.5, r.color,
                "stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"", r.label);
    }

    // ---------------------------------------------------------------------------------------------- legend

    private static final double LEGEND_ROW = 17;
    private static final double SWATCH = 18;
    private static final double LEGEND_FONT = 11;

    private Legend legend() {
        List<Series> entries = new ArrayList<>();
        double w = 0;
        for (Series s : series) {
            if (s.name != null && !s.name.isEmpty()) {
                entries.add(s);
                w = Math.max(w, Svg.textWidth(s.name, LEGEND_FONT));
            }
        }
        if (entries.isEmpty()) {
            return null;
        }
        return new Legend(entries, 8 + SWATCH + 6 + w + 8, 6 + entries.size() * LEGEND_ROW);
    }

    /**
     * The top-left corner of the legend box inside the plot, in the corner (top right, top left, bottom right,
     * bottom left) that covers no data; null when every corner covers some.
     */
    private double[] insideLegend(Axes a, Legend legend) {
        if (legend.width > (a.right() - a.left()) * 0.6 || legend.height > (a.bottom() - a.top()) * 0.6) {
            return null;
        }
        double inset = 6;
        double[][] corners = {
            {a.right() - inset - legend.width, a.top() + inset},
            {a.left() + inset, a.top() + inset},
            {a.right() - inset - legend.width, a.bottom() - inset - legend.height},
            {a.left() + inset, a.bottom() - inset - legend.height},
        };
        for (double[] c : corners) {
            if (!covers(a, c[0] - 3, c[1] - 3, c[0] + legend.width + 3, c[1] + legend.height + 3)) {
                return c;
            }
        }
        return null;
    }

    /** True when any drawn data or reference label falls into the rectangle. */
    private boolean covers(Axes a, double x0, double y0, double x1, double y1) {
        for (Series s : series) {
            int n = s.x.length;
            double[][] ys = s.kind == Kind.BAND || s.kind == Kind.ERROR_BARS
                    ? new double[][] {s.lo, s.hi, s.y == null ? s.lo : s.y} : new double[][] {s.y};
            boolean connect = s.kind != Kind.POINTS;
            for (double[] yv : ys) {
                double prevX = Double.NaN;
                double prevY = Double.NaN;
                for (int i = 0; i < n; i++) {
                    double px = a.x.pixel(s.x[i]);
                    double py = a.y.pixel(yv[i]);
                    if (Double.isNaN(px) || Double.isNaN(py)) {
                        prevX = Double.NaN;
                        continue;
                    }
                    double pad = s.radius;
                    if (px >= x0 - pad && px <= x1 + pad && py >= y0 - pad && py <= y1 + pad) {
                        return true;
                    }
                    if (connect && !Double.isNaN(prevX) && segmentHits(prevX, prevY, px, py, x0, y0, x1, y1)) {
                        return true;
                    }
                    prevX = px;
                    prevY = py;
                }
            }
            if (s.kind == Kind.BAND || s.kind == Kind.ERROR_BARS) {
                for (int i = 0; i < n; i++) {
                    double px = a.x.pixel(s.x[i]);
                    double plo = a.y.pixel(s.lo[i]);
                    double phi = a.y.pixel(s.hi[i]);
                    if (px >= x0 && px <= x1 && !Double.isNaN(plo) && !Double.isNaN(phi)
                            && Math.max(plo, phi) >= y0 && Math.min(plo, phi) <= y1) {
                        return true;
                    }
                }
            }
        }
        for (RefLine r : refs) {
            double[] at = refLabelAt(a, r);
            if (at != null) {
                double w = Svg.textWidth(r.label, 10.5);
                double lx0 = at[2] == 1 ? at[0] - w : at[0];
                if (lx0 < x1 && lx0 + w > x0 && at[1] - 10 < y1 && at[1] + 2 > y0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the segment (ax, ay)–(bx, by) meets the rectangle, by sampling every 2 px. */
    private static boolean segmentHits(double ax, double ay, double bx, double by, double x0, double y0, double x1,
            double y1) {
        if (Math.max(ax, bx) < x0 || Math.min(ax, bx) > x1 || Math.max(ay, by) < y0 || Math.min(ay, by) > y1) {
            return false;
        }
        int steps = (int) Math.min(2000, Math.ceil(Math.hypot(bx - ax, by - ay) / 2)) + 1;
        for (int k = 0; k <= steps; k++) {
            double t = (double) k / steps;
            double x = ax + t * (bx - ax);
            double y = ay + t * (by - ay);
            if (x >= x0 && x <= x1 && y >= y0 && y <= y1) {
                return true;
            }
        }
        return false;
    }

    private void drawLegendBox(StringBuilder b, Legend legend, double x, double y) {
        b.append("<g class=\"legend\"><rect x=\"");
        Svg.num(b, x).append("\" y=\"");
        Svg.num(b, y).append("\" width=\"");
        Svg.num(b, legend.width).append("\" height=\"");
        Svg.num(b, legend.height).append("\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.9\" stroke=\"#cccccc\"/>");
        double ry = y + 3 + LEGEND_ROW / 2;
        for (Series s : legend.entries) {
            legendEntry(b, s, x + 8, ry);
            ry += LEGEND_ROW;
        }
        b.append("</g>");
    }

    private int legendRows(Legend legend, double width) {
        int rows = 1;
        double used = 0;
        for (Series s : legend.entries) {
            double w = SWATCH + 6 + Svg.textWidth(s.name, LEGEND_FONT) + 16;
            if (used > 0 && used + w > width) {
                rows++;
                used = 0;
            }
            used += w;
        }
        return rows;
    }

    private void drawLegendRows(StringBuilder b, Legend legend, double x0, double top, double width) {
        b.append("<g class=\"legend\">");
        double used = 0;
        double ry = top + LEGEND_ROW / 2 + 1;
        for (Series s : legend.entries) {
            double w = SWATCH + 6 + Svg.textWidth(s.name, LEGEND_FONT) + 16;
            if (used > 0 && used + w > width) {
                ry += LEGEND_ROW;
                used = 0;
            }
            legendEntry(b, s, x0 + used, ry);
            used += w;
        }
        b.append("</g>");
    }

    /** One legend entry: a swatch in the series' style centred on {@code cy}, then the name. */
    private static void legendEntry(StringBuilder b, Series s, double x, double cy) {
        String c = Svg.esc(s.color);
        switch (s.kind) {
            case LINE -> {
                b.append("<path d=\"M");
                Svg.num(b, x).append(' ');
                Svg.num(b, cy).append("h").append(Svg.fmt(SWATCH)).append("\" stroke=\"").append(c)
                        .append("\" stroke-width=\"2\"/>");
            }
            case POINTS, ERROR_BARS -> {
                b.append("<circle cx=\"");
                Svg.num(b, x + SWATCH / 2).append("\" cy=\"");
                Svg.num(b, cy).append("\" r=\"").append(Svg.num(Math.max(2.5, Math.min(s.radius, 5))))
                        .append("\" fill=\"").append(c).append("\"/>");
                if (s.kind == Kind.ERROR_BARS) {
                    b.append("<path d=\"M");
                    Svg.num(b, x + SWATCH / 2).append(' ');
                    Svg.num(b, cy - 6).append("v12\" stroke=\"").append(c).append("\" stroke-width=\"1.3\"/>");
                }
            }
            case BAND -> {
                b.append("<rect x=\"");
                Svg.num(b, x).append("\" y=\"");
                Svg.num(b, cy - 5).append("\" width=\"").append(Svg.fmt(SWATCH))
                        .append("\" height=\"10\" fill=\"").append(c).append("\" fill-opacity=\"0.3\"/>");
            }
        }
        Svg.text(b, x + SWATCH + 6, cy + LEGEND_FONT * 0.35, "start", LEGEND_FONT, Svg.INK, "", s.name);
    }

    private static boolean outside(Axes a, double px, double py, double pad) {
        return px < a.left() - pad || px > a.right() + pad || py < a.top() - pad || py > a.bottom() + pad;
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }

    private static long key(double px, double py) {
        return Math.round(px * 10) * 1_000_003L + Math.round(py * 10);
    }
}
