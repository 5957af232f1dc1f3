package netdyn.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgChartTest {

    private static final double NAN = Double.NaN;

    /** The plot rectangle from the clip path: x, y, width, height. */
    private static double[] plotArea(Document d) {
        Element r = Xml.all(d, "rect").stream().filter(e -> e.getParentNode().getLocalName().equals("clipPath"))
                .findFirst().orElseThrow();
        return new double[] {Double.parseDouble(r.getAttribute("x")), Double.parseDouble(r.getAttribute("y")),
            Double.parseDouble(r.getAttribute("width")), Double.parseDouble(r.getAttribute("height"))};
    }

    @Test
    void rendersOneSvgElementThatParsesAsXml() throws Exception {
        String svg = SvgChart.of("Loss & <accuracy>", "η", "loss").size(400, 300)
                .line("a", new double[] {1, 2, 3}, new double[] {1, 4, 9}, null)
                .band("b", new double[] {1, 2, 3}, new double[] {0, 1, 2}, new double[] {2, 3, 4}, null)
                .errorBars("c", new double[] {1, 2}, new double[] {1, 2}, new double[] {0.5, 1.5},
                        new double[] {1.5, 2.5}, null)
                .hline(0, "y = 0", null).vline(2, "x = 2", null)
                .render();
        Document d = Xml.parse(svg);
        Element root = d.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 400 300");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(Xml.all(d, "title").get(0).getTextContent()).isEqualTo("Loss & <accuracy>");
        assertThat(Xml.all(d, "clipPath")).hasSize(1);
        assertThat(Xml.byClass(d, "path", "band")).hasSize(1);
        assertThat(Xml.byClass(d, "path", "whiskers")).hasSize(1);
        assertThat(Xml.byClass(d, "path", "ref")).hasSize(2);
        assertThat(svg).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void aPointAtTenOnALogAxisFromOneToHundredSitsInTheMiddle() throws Exception {
        String svg = SvgChart.of("t", "x", "y").logX().xRange(1, 100).yRange(0, 2)
                .points(null, new double[] {10, 1}, new double[] {1, 0}, "#000", 2, new String[] {"mid", "left"})
                .render();
        Document d = Xml.parse(svg);
        double[] plot = plotArea(d);
        List<Element> circles = Xml.all(d, "circle");
        assertThat(circles).hasSize(2);
        assertThat(Double.parseDouble(circles.get(0).getAttribute("cx"))).isCloseTo(plot[0] + plot[2] / 2,
                within(0.1));
        assertThat(Double.parseDouble(circles.get(0).getAttribute("cy"))).isCloseTo(plot[1] + plot[3] / 2,
                within(0.1));
        assertThat(Double.parseDouble(circles.get(1).getAttribute("cx"))).isCloseTo(plot[0], within(0.1));
    }

    @Test
    void nanBreaksALineIntoTwoSegments() throws Exception {
        String svg = SvgChart.of("t", "x", "y")
                .line("l", new double[] {1, 2, 3, 4, 5, 6}, new double[] {1, 2, NAN, 3, Double.POSITIVE_INFINITY, 5},
                        null)
                .render();
        List<Element> lines = Xml.byClass(Xml.parse(svg), "path", "line");
        assertThat(lines).hasSize(1);
        // [1,2] is a segment, [4] an isolated point drawn as a dot, [6] another
        assertThat(Xml.subpaths(lines.get(0))).isEqualTo(3);
        String twoRuns = SvgChart.of("t", "x", "y")
                .line("l", new double[] {1, 2, 3, 4, 5}, new double[] {1, 2, NAN, 3, 4}, null).render();
        Element path = Xml.byClass(Xml.parse(twoRuns), "path", "line").get(0);
        assertThat(Xml.subpaths(path)).isEqualTo(2);
        assertThat(path.getAttribute("d")).doesNotContain("h0");
    }

    @Test
    void nonPositiveValuesAreSkippedOnLogAxes() throws Exception {
        String svg = SvgChart.of("t", "x", "y").logX().logY()
                .points(null, new double[] {1, 2, 3, -1, 0, 5}, new double[] {-1, 0, 1, 10, 10, 100}, "#000", 1, null)
                .line(null, new double[] {1, 2, 3, 4}, new double[] {1, 2, 0, 4}, "#000")
                .render();
        Document d = Xml.parse(svg);
        assertThat(Xml.subpaths(Xml.byClass(d, "path", "points").get(0))).isEqualTo(2);
        assertThat(Xml.subpaths(Xml.byClass(d, "path", "line").get(0))).isEqualTo(2);
    }

    @Test
    void hoverTitlesArePresentAndEscaped() throws Exception {
        String svg = SvgChart.of("t", "x", "y")
                .points("p", new double[] {1, 2}, new double[] {3, 4}, null, 3,
                        new String[] {"η < 0.1 & \"fast\"", null})
                .render();
        assertThat(svg).contains("η &lt; 0.1 &amp; &quot;fast&quot;");
        Document d = Xml.parse(svg);
        List<Element> circles = Xml.all(d, "circle").stream()
                .filter(c -> c.getParentNode() instanceof Element g && "points".equals(g.getAttribute("class")))
                .toList();
        assertThat(circles).hasSize(2);
        assertThat(circles.get(0).getTextContent()).isEqualTo("η < 0.1 & \"fast\"");
        assertThat(circles.get(1).getChildNodes().getLength()).isZero();
    }

    @Test
    void anEmptyChartRendersAxesAndANoDataNote() throws Exception {
        for (SvgChart c : List.of(SvgChart.of("empty", "x", "y"),
                SvgChart.of("empty", "x", "y").logY().line("l", new double[] {1}, new double[] {-2}, null),
                SvgChart.of("empty", "x", "y").points(null, new double[] {NAN}, new double[] {1}, null, 1, null))) {
            Document d = Xml.parse(c.render());
            assertThat(Xml.all(d, "text")).extracting(Element::getTextContent).contains("no data");
        }
    }

    @Test
    void tenThousandPointsStayCompact() throws Exception {
        int n = 10_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.pow(10, -3 + 4.0 * i / n);
            y[i] = 0.5 + 0.4 * Math.sin(i * 0.7);
        }
        String svg = SvgChart.of("bifurcation", "η", "loss").logX().points(null, x, y, "#000", 1, null).render();
        assertThat(svg.length()).isLessThan(200_000);
        assertThat(Xml.subpaths(Xml.byClass(Xml.parse(svg), "path", "points").get(0))).isBetween(1000, n);
    }

    @Test
    void theLegendListsNamedSeriesOnly() throws Exception {
        String svg = SvgChart.of("t", "x", "y")
                .line("first", new double[] {0, 1}, new double[] {0, 1}, null)
                .line(null, new double[] {0, 1}, new double[] {1, 0}, null)
                .line("", new double[] {0, 1}, new double[] {0.5, 0.5}, null)
                .band("third", new double[] {0, 1}, new double[] {0, 0}, new double[] {0.1, 0.1}, null)
                .render();
        Element legend = Xml.byClass(Xml.parse(svg), "g", "legend").get(0);
        assertThat(legend.getTextContent()).isEqualTo("firstthird");
    }

    @Test
    void misuseNamesTheSizes() {
        assertThatThrownBy(() -> SvgChart.of("t", "x", "y").line("l", new double[2], new double[3], null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2").hasMessageContaining("3");
        assertThatThrownBy(() -> SvgChart.of("t", "x", "y").logX().xRange(0, 1).render())
                .hasMessageContaining("lo > 0");
        assertThat(SvgChart.color(9)).isEqualTo(SvgChart.PALETTE.get(1));
    }
}
