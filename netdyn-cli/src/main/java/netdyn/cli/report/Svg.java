package netdyn.cli.report;

import java.util.Locale;

/**
 * Shared pieces of the SVG writers: XML escaping, compact coordinates (0.1 px), the font stack and text-width
 * estimates used for layout. Package-private; the public types are the figures.
 */
final class Svg {

    static final String NS = "http://www.w3.org/2000/svg";
    static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, "
            + "'Noto Sans', 'Liberation Sans', 'DejaVu Sans', sans-serif";
    static final double TICK_FONT = 11;
    static final double LABEL_FONT = 12.5;
    static final double TITLE_FONT = 13.5;
    static final String INK = "#222222";
    static final String MUTED = "#555555";
    static final String GRID = "#e6e6e6";
    static final String AXIS = "#444444";

    private Svg() {
    }

    /** Escapes text for XML content and attribute values (both quote kinds). Null becomes "". */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> (c < 0x20 && c != '\n' && c != '\t' && c != '\r') ? " " : null;
            };
            if (r != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (r != null) {
                    b.append(r);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }

    /** Appends {@code v} rounded to 0.1 without a trailing ".0" ("12.3", "-4", "0.5"); the SVG stays compact. */
    static StringBuilder num(StringBuilder b, double v) {
        long t = Math.round(v * 10);
        if (t < 0) {
            b.append('-');
            t = -t;
        }
        b.append(t / 10);
        if (t % 10 != 0) {
            b.append('.').append(t % 10);
        }
        return b;
    }

    static String num(double v) {
        return num(new StringBuilder(8), v).toString();
    }

    /** Estimated rendered width of {@code text} in px at {@code fontSize} for a sans-serif font (no layout engine). */
    static double textWidth(String text, double fontSize) {
        double w = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("il.,:;|!'()[]".indexOf(c) >= 0) {
                w += 0.3;
            } else if ("mwMW".indexOf(c) >= 0) {
                w += 0.85;
            } else if (Character.isUpperCase(c)) {
                w += 0.68;
            } else if (Character.isDigit(c)) {
                w += 0.56;
            } else {
                w += 0.55;
            }
        }
        return w * fontSize;
    }

    /** {@code <text>} with escaped content; {@code extra} are further attributes (already escaped) or "". */
    static void text(StringBuilder b, double x, double y, String anchor, double size, String fill, String extra,
            String content) {
        b.append("<text x=\"");
        num(b, x).append("\" y=\"");
        num(b, y).append('"');
        if (!"start".equals(anchor)) {
            b.append(" text-anchor=\"").append(anchor).append('"');
        }
        b.append(" font-size=\"").append(fmt(size)).append('"');
        if (fill != null) {
            b.append(" fill=\"").append(esc(fill)).append('"');
        }
        if (!extra.isEmpty()) {
            b.append(' ').append(extra);
        }
        b.append('>').append(esc(content)).append("</text>");
    }

    /** Opening {@code <svg>} with the namespace, size, role and font, and the {@code <title>}. */
    static void open(StringBuilder b, int width, int height, String title) {
        b.append("<svg xmlns=\"").append(NS).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" font-family=\"").append(esc(FONT)).append("\"><title>").append(esc(title))
                .append("</title><rect width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>");
    }

    /** A document-unique id derived from the figure's content, so several figures can share one page. */
    static String id(String prefix, CharSequence content, String title) {
        int h = 31 * content.toString().hashCode() + (title == null ? 0 : title.hashCode());
        return prefix + Integer.toHexString(h);
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static void requireSize(int width, int height) {
        if (width < 120 || height < 60 || width > 10_000 || height > 10_000) {
            throw new IllegalArgumentException(
                    "figure size must be 120..10000 × 60..10000 px (got " + width + "×" + height + ")");
        }
    }

    static void requireSameLength(String what, double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(what + ": x has " + a.length + " values, y has " + b.length);
        }
    }
}
