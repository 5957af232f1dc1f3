package netdyn.cli.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One axis of a figure: a data range on a linear or log₁₀ scale mapped onto a pixel interval, and its ticks.
 *
 * <p>Linear ticks step by 1, 2 or 5 × 10ᵏ. Log ticks sit on decades (every decade, or every second, third, …
 * when there are too many to label), with unlabelled minor ticks at 2..9 × 10ᵏ when there are at most six
 * decades; a range of up to about two and a half decades is labelled at 1, 2, 5 × 10ᵏ in plain numbers instead
 * when those fit, and a range too short for two such ticks gets linear ticks.
 */
final class Axis {

    /** A labelled tick; {@code exponent} is non-null when the label is 10 to that power. */
    record Tick(double value, String label, Integer exponent) {

        /** Estimated width in px at {@code fontSize}, the exponent drawn at 78 %. */
        double width(double fontSize) {
            return exponent == null ? Svg.textWidth(label, fontSize)
                    : Svg.textWidth("10", fontSize) + Svg.textWidth(exponentText(), fontSize * 0.78);
        }

        String exponentText() {
            return exponent < 0 ? "\u2212" + (-exponent) : Integer.toString(exponent);
        }
    }

    final boolean log;
    final double lo;
    final double hi;
    final double pixLo;
    final double pixHi;
    private final double t0;
    private final double scale;

    /** Maps [lo, hi] (data units; both > 0 on a log axis) onto [pixLo, pixHi]; pixLo > pixHi for a y axis. */
    Axis(boolean log, double lo, double hi, double pixLo, double pixHi) {
        if (!(lo < hi) || (log && !(lo > 0)) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("axis range must be finite with lo < hi" + (log ? " and lo > 0" : "")
                    + " (got " + lo + " .. " + hi + ")");
        }
        this.log = log;
        this.lo = lo;
        this.hi = hi;
        this.pixLo = pixLo;
        this.pixHi = pixHi;
        this.t0 = transform(lo);
        this.scale = (pixHi - pixLo) / (transform(hi) - t0);
    }

    /** True when {@code v} can be drawn on this kind of axis (finite, and > 0 on a log axis). */
    static boolean accepts(boolean log, double v) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    boolean accepts(double v) {
        return accepts(log, v);
    }

    private double transform(double v) {
        return log ? Math.log10(v) : v;
    }

    /** Pixel coordinate of {@code v}; NaN when the axis cannot show it. Values outside the range extrapolate. */
    double pixel(double v) {
        return accepts(v) ? pixLo + (transform(v) - t0) * scale : Double.NaN;
    }

    /** Pixel coordinate of {@code v} clamped to ±{@code pad} px beyond the axis ends (keeps paths short). */
    double pixelClamped(double v, double pad) {
        double p = pixel(v);
        double a = Math.min(pixLo, pixHi) - pad;
        double b = Math.max(pixLo, pixHi) + pad;
        return p < a ? a : p > b ? b : p;
    }

    double length() {
        return Math.abs(pixHi - pixLo);
    }

    /**
     * The range to show for data in [min, max] (the accepted values only): a small margin on a linear axis; on a
     * log axis a 3 % margin in decades, an end moved out to a whole or half decade when that is within 0.12 decade.
     * No data gives [0, 1] or [1, 10]; a single value gets a window around it.
     */
    static double[] autoRange(boolean log, double min, double max) {
        if (!(min <= max)) {
            return log ? new double[] {1, 10} : new double[] {0, 1};
        }
        if (log) {
            double a = Math.log10(min);
            double b = Math.log10(max);
            double m = Math.max(0.03 * (b - a), 0.05);
            if (b - a < 1e-9) {
                m = 0.5;
            }
            a -= m;
            b += m;
            double sa = Math.floor(2 * a) / 2;
            double sb = Math.ceil(2 * b) / 2;
            if (a - sa <= 0.12) {
                a = sa;
            }
            if (sb - b <= 0.12) {
                b = sb;
            }
            // the margin must not leave the doubles (a diverging run's loss reaches 1e300 and beyond)
            return new double[] {Math.pow(10, Math.max(a, -307)), Math.pow(10, Math.min(b, 308))};
        }
        double span = max - min;
        if (span <= 1e-12 * Math.max(1, Math.abs(max))) {
            double w = Math.abs(max) > 0 ? Math.abs(max) * 0.1 : 1;
            return new double[] {min - w, max + w};
        }
        double lo = min - 0.04 * span;
        double hi = max + 0.04 * span;
        // a span beyond the doubles (values near ±1.8e308) keeps the data's own ends
        return Double.isFinite(lo) && Double.isFinite(hi) ? new double[] {lo, hi} : new double[] {min, max};
    }

    /** Labelled ticks inside the range, at most about {@code length / minSpacing} of them. */
    List<Tick> ticks(double minSpacing) {
        int target = Math.max(2, (int) Math.floor(length() / minSpacing));
        if (!log) {
            return linearTicks(lo, hi, Math.min(target, 8));
        }
        int k0 = (int) Math.ceil(Math.log10(lo) - 1e-9);
        int k1 = (int) Math.floor(Math.log10(hi) + 1e-9);
        int decades = k1 - k0 + 1;
        if (decades == 2 || (decades == 3 && Math.log10(hi / lo) < 2.5)) {
            List<Tick> fine = oneTwoFive(k0 - 1, k1);
            if (fine.size() <= target) {
                return fine;
            }
        }
        if (decades >= 2) {
            int step = 1;
            while (Math.floorDiv(k1, step) - Math.floorDiv(k0 + step - 1, step) + 1 > target) {
                step++;
            }
            List<Tick> ticks = new ArrayList<>();
            int start = Math.floorDiv(k0 + step - 1, step) * step;
            if (start > k1) {
                start = k0;
            }
            for (int k = start; k <= k1; k += step) {
                ticks.add(new Tick(Math.pow(10, k), "10^" + k, k));
            }
            return ticks;
        }
        List<Tick> ticks = oneTwoFive(k0 - 1, k1);
        return ticks.size() >= 2 ? ticks : linearTicks(lo, hi, Math.min(target, 5));
    }

    /** Ticks at 1, 2, 5 × 10ᵏ for k0 ≤ k ≤ k1 inside the range, labelled as plain numbers ("0.02", "50"). */
    private List<Tick> oneTwoFive(int k0, int k1) {
        List<Tick> ticks = new ArrayList<>();
        for (int k = k0; k <= k1; k++) {
            for (int m : new int[] {1, 2, 5}) {
                double v = m * Math.pow(10, k);
                if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                    ticks.add(new Tick(v, plain(v), null));
                }
            }
        }
        return ticks;
    }

    /** Unlabelled ticks: 2..9 × 10ᵏ on a log axis of at most six decades, skipped decades otherwise; none on a
     * linear axis. */
    List<Double> minorTicks(List<Tick> majors) {
        List<Double> minor = new ArrayList<>();
        if (!log) {
            return minor;
        }
        int k0 = (int) Math.floor(Math.log10(lo));
        int k1 = (int) Math.ceil(Math.log10(hi));
        boolean fine = k1 - k0 <= 6;
        for (int k = k0; k <= k1; k++) {
            for (int m = 1; m <= 9; m++) {
                if ((m > 1 && !fine) || (m == 1 && fine && isMajor(majors, Math.pow(10, k)))) {
                    continue;
                }
                double v = m * Math.pow(10, k);
                if (v >= lo && v <= hi && !isMajor(majors, v)) {
                    minor.add(v);
                }
            }
        }
        return minor;
    }

    private static boolean isMajor(List<Tick> majors, double v) {
        for (Tick t : majors) {
            if (Math.abs(t.value() - v) <= 1e-9 * Math.abs(v)) {
                return true;
            }
        }
        return false;
    }

    /** Ticks at multiples of a 1-2-5 step, about {@code target} of them. */
    static List<Tick> linearTicks(double lo, double hi, int target) {
        double raw = (hi - lo) / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        double big = Math.max(Math.abs(lo), Math.abs(hi));
        boolean sci = big >= 1e5 || (big > 0 && step < 1e-3 && big < 1e-2);
        List<Tick> ticks = new ArrayList<>();
        long i0 = (long) Math.ceil(lo / step - 1e-9);
        long i1 = (long) Math.floor(hi / step + 1e-9);
        for (long i = i0; i <= i1; i++) {
            double v = i * step;
            if (Math.abs(v) < step * 1e-9) {
                v = 0;
            }
            ticks.add(new Tick(v, sci ? scientific(v) : fixed(v, decimals), null));
        }
        return ticks;
    }

    /** "0.25", "−3" (a true minus sign), "1500". */
    static String fixed(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(v));
        if (s.matches("0(\\.0*)?")) {
            return "0";
        }
        return (v < 0 ? "\u2212" : "") + s;
    }

    /** "2e-5", "1.5e6": short scientific notation for very large or small linear ticks. */
    static String scientific(double v) {
        if (v == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.2e", Math.abs(v));
        int e = s.indexOf('e');
        String mant = s.substring(0, e).replaceAll("\\.?0+$", "");
        int exp = Integer.parseInt(s.substring(e + 1));
        return (v < 0 ? "\u2212" : "") + mant + "e" + exp;
    }

    /** A value with at most three significant digits, without exponent or trailing zeros ("0.002", "50"). */
    static String plain(double v) {
        return BigDecimal.valueOf(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** Appends the tick label as SVG text content: plain, or "10" with a raised, smaller exponent. */
    static void appendLabel(StringBuilder b, Tick t) {
        if (t.exponent() == null) {
            b.append(Svg.esc(t.label()));
        } else {
            b.append("10<tspan dy=\"-0.45em\" font-size=\"0.78em\">").append(t.exponentText()).append("</tspan>");
        }
    }
}
