package netdyn.cli.report;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A self-contained HTML report page: headings with a table of contents, paragraphs, numbered figures (inline SVG
 * or PNG as a data URI, singly or side by side), tables, key–value lists and links to files beside the page.
 *
 * <p>The output is XHTML-compatible (parses as XML when the trusted snippets given to {@link #html} and the SVGs
 * do) and refers to nothing outside itself: inline CSS with a system font stack, no fonts, scripts or URLs from
 * elsewhere. One small inline script runs on {@code load} and sets {@code document.body.dataset.figures} to
 * "rendered/total" over every {@code figure svg} and {@code figure img}, counting an SVG as rendered when its
 * bounding box has a width and an image when it decoded; a browser test reads it back.
 *
 * <p>A builder: each call appends a block in order and returns this page.
 */
public final class HtmlPage {

    /** A figure for {@link #figureRow}: trusted markup (an {@code <svg>} or {@code <img>}) and a caption. */
    public record Figure(String markup, String caption) {

        /** A figure from an SVG string (as rendered by {@link SvgChart}, {@link SvgHeatmap}, {@link SvgStrip}). */
        public static Figure svg(String svg, String caption) {
            return new Figure(svg, caption);
        }

        /** A figure from PNG bytes, inlined as a data URI. */
        public static Figure png(byte[] png, String alt, String caption) {
            return new Figure("<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png)
                    + "\" alt=\"" + Svg.esc(alt) + "\"/>", caption);
        }
    }

    private static final Pattern NUMERIC = Pattern.compile(
            "[+\\-\u2212]?(\\d[\\d,_]*(\\.\\d*)?|\\.\\d+)([eE][+\\-]?\\d+)?\\s*(%|×|x)?|[+\\-]?(NaN|Infinity|∞)");

    private final String title;
    private final StringBuilder body = new StringBuilder(4096);
    private final List<String[]> toc = new ArrayList<>();
    private final Set<String> anchors = new HashSet<>();
    private int figures;

    /** A page with the given title (also its h1). */
    public HtmlPage(String title) {
        this.title = title == null ? "" : title;
    }

    /** An h2 section heading, listed in the table of contents with an anchor derived from its text. */
    public HtmlPage heading(String text) {
        String base = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        String id = base.isEmpty() ? "section" : base;
        for (int k = 2; !anchors.add(id); k++) {
            id = (base.isEmpty() ? "section" : base) + "-" + k;
        }
        toc.add(new String[] {id, text});
        body.append("<h2 id=\"").append(id).append("\">").append(Svg.esc(text)).append("</h2>\n");
        return this;
    }

    /** A paragraph of plain text (escaped). */
    public HtmlPage paragraph(String text) {
        body.append("<p>").append(Svg.esc(text)).append("</p>\n");
        return this;
    }

    /** A trusted HTML snippet, inserted as is (keep it well-formed to keep the page XHTML-compatible). */
    public HtmlPage html(String raw) {
        body.append(raw).append('\n');
        return this;
    }

    /** A numbered figure from an SVG string and a caption (escaped). */
    public HtmlPage figure(String svg, String caption) {
        return figureRow(Figure.svg(svg, caption));
    }

    /** A numbered figure from PNG bytes (inlined as data:image/png;base64) with alt text and a caption. */
    public HtmlPage image(byte[] png, String alt, String caption) {
        return figureRow(Figure.png(png, alt, caption));
    }

    /** Figures side by side, each numbered and captioned; they wrap onto new lines on narrow screens. */
    public HtmlPage figureRow(Figure... row) {
        if (row.length == 0) {
            throw new IllegalArgumentException("figureRow needs at least one figure (got 0)");
        }
        body.append(row.length > 1 ? "<div class=\"row\">\n" : "");
        for (Figure f : row) {
            figures++;
            body.append("<figure id=\"fig-").append(figures).append("\">").append(f.markup())
                    .append("<figcaption><b>Figure ").append(figures).append(".</b> ").append(Svg.esc(f.caption()))
                    .append("</figcaption></figure>\n");
        }
        body.append(row.length > 1 ? "</div>\n" : "");
        return this;
    }

    /** A table with a header row; cells are escaped, numeric-looking cells right-aligned in tabular figures. */
    public HtmlPage table(List<String> headers, List<List<String>> rows) {
        body.append("<div class=\"scroll\"><table>\n<thead><tr>");
        for (String h : headers) {
            body.append("<th>").append(Svg.esc(h)).append("</th>");
        }
        body.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("table row has " + row.size() + " cells but " + headers.size()
                        + " headers");
            }
            body.append("<tr>");
            for (String c : row) {
                body.append(isNumeric(c) ? "<td class=\"num\">" : "<td>").append(Svg.esc(c)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody></table></div>\n");
        return this;
    }

    /** Links to files beside the page (relative paths only: no scheme, no leading "/", no ".."). */
    public HtmlPage downloads(List<String> relativePaths) {
        body.append("<ul class=\"downloads\">\n");
        for (String p : relativePaths) {
            if (p.isEmpty() || p.contains(":") || p.startsWith("/") || p.startsWith("\\")
                    || List.of(p.split("[/\\\\]")).contains("..")) {
                throw new IllegalArgumentException("download link must be a relative path beside the page (got '"
                        + p + "')");
            }
            body.append("<li><a href=\"").append(Svg.esc(p.replace(" ", "%20"))).append("\">").append(Svg.esc(p))
                    .append("</a></li>\n");
        }
        body.append("</ul>\n");
        return this;
    }

    /** A compact two-column table of names and values, in the map's iteration order. */
    public HtmlPage keyValues(Map<String, String> entries) {
        body.append("<table class=\"kv\"><tbody>\n");
        for (Map.Entry<String, String> e : entries.entrySet()) {
            body.append("<tr><th>").append(Svg.esc(e.getKey())).append("</th><td>").append(Svg.esc(e.getValue()))
                    .append("</td></tr>\n");
        }
        body.append("</tbody></table>\n");
        return this;
    }

    /** Number of figures added so far. */
    public int figureCount() {
        return figures;
    }

    static boolean isNumeric(String cell) {
        return cell != null && NUMERIC.matcher(cell.strip()).matches();
    }

    /** The whole page: doctype, head with inline CSS and the figure-check script, body. */
    public String render() {
        StringBuilder b = new StringBuilder(body.length() + 6000);
        b.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
                + "<meta charset=\"utf-8\"/>\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>")
                .append(Svg.esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n<script>\n")
                .append(SCRIPT).append("</script>\n</head>\n<body>\n<main>\n<h1>").append(Svg.esc(title))
                .append("</h1>\n");
        if (toc.size() > 1) {
            b.append("<nav class=\"toc\"><b>Contents</b><ol>\n");
            for (String[] t : toc) {
                b.append("<li><a href=\"#").append(t[0]).append("\">").append(Svg.esc(t[1])).append("</a></li>\n");
            }
            b.append("</ol></nav>\n");
        }
        return b.append(body).append("</main>\n</body>\n</html>\n").toString();
    }

    private static final String CSS = """
            :root { color-scheme: light; }
            body { margin: 0; background: #fafafa; color: #222; font: 15px/1.5 system-ui, -apple-system,
              'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', 'DejaVu Sans', sans-serif; }
            main { max-width: 1100px; margin: 0 auto; padding: 24px 20px 48px; background: #fff; }
            h1 { font-size: 26px; margin: 0 0 12px; font-weight: 650; }
            h2 { font-size: 20px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid #e3e3e3;
              font-weight: 600; }
            p { max-width: 80ch; margin: 8px 0; }
            a { color: #0062a0; }
            nav.toc { background: #f4f6f8; border: 1px solid #e3e6ea; border-radius: 4px; padding: 8px 16px;
              display: inline-block; font-size: 14px; }
            nav.toc ol { margin: 4px 0 0; padding-left: 22px; }
            .row { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
            .row figure { flex: 1 1 500px; max-width: calc(50% - 8px); min-width: 300px; }
            figure { margin: 14px 0 18px; }
            figure svg, figure img { display: block; max-width: 100%; height: auto; }
            figcaption { color: #666; font-size: 13px; margin-top: 4px; max-width: 90ch; }
            .scroll { overflow-x: auto; margin: 10px 0; }
            table { border-collapse: collapse; font-size: 13.5px; }
            th, td { padding: 4px 10px; text-align: left; border-bottom: 1px solid #e6e6e6; }
            thead th { border-bottom: 2px solid #bbb; background: #f4f4f4; }
            tbody tr:nth-child(even) { background: #f8f9fa; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            table.kv th { font-weight: 600; color: #444; background: none; white-space: nowrap; }
            table.kv td { font-variant-numeric: tabular-nums; }
            ul.downloads { padding-left: 22px; }
            ul.downloads a { font-family: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace;
              font-size: 13.5px; }
            """;

    /** Counts rendered figures; written without "&lt;" and "&amp;" so the page stays well-formed XML. */
    private static final String SCRIPT = """
            window.addEventListener('load', function () {
              var rendered = 0;
              var items = document.querySelectorAll('figure svg, figure img');
              items.forEach(function (e) {
                try {
                  var ok = e.tagName.toLowerCase() === 'img'
                      ? (e.complete ? e.naturalWidth > 0 : false)
                      : e.getBBox().width > 0;
                  if (ok) { rendered++; }
                } catch (err) { /* not rendered: not counted */ }
              });
              document.body.dataset.figures = rendered + '/' + items.length;
            });
            """;
}
