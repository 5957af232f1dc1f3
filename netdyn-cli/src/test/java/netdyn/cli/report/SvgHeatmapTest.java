package netdyn.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgHeatmapTest {

    @Test
    void logCellsSpanGeometricMidpoints() {
        double[] e = SvgHeatmap.edges(new double[] {1, 10, 100}, true);
        assertThat(e).hasSize(4);
        assertThat(e[0]).isCloseTo(Math.sqrt(0.1), within(1e-12));
        assertThat(e[1]).isCloseTo(Math.sqrt(10), within(1e-12));
        assertThat(e[2]).isCloseTo(Math.sqrt(1000), within(1e-12));
        assertThat(e[3]).isCloseTo(Math.sqrt(100_000), within(1e-9));
        assertThat(SvgHeatmap.edges(new double[] {0, 1, 3}, false)).containsExactly(-0.5, 0.5, 2, 4);
    }

    @Test
    void aContinuousSixtyFourGridWithNanCellsParsesAndStaysCompact() throws Exception {
        double[] c = ReportSamples.logspace(-3, 1, 64);
        double[][] v = ReportSamples.trainability(c, c);
        String svg = SvgHeatmap.of("map", "η hidden", "η output", c, c).logX().logY()
                .values(v, "final loss", true).nanLabel("diverged").overlayRect(0.1, 1, 0.05, 0.5, "zoom")
                .render();
        assertThat(svg.length()).isLessThan(150_000);
        Document d = Xml.parse(svg);
        Element cells = Xml.byClass(d, "g", "cells").get(0);
        assertThat(cells.getAttribute("shape-rendering")).isEqualTo("crispEdges");
        assertThat(svg).contains("fill=\"" + SvgHeatmap.NAN_COLOR + "\"");
        assertThat(Xml.all(d, "text")).extracting(Element::getTextContent).contains("diverged", "zoom",
                "final loss");
        assertThat(Xml.all(d, "linearGradient")).hasSize(1);
        assertThat(Xml.byClass(d, "rect", "overlay")).hasSize(2);
    }

    @Test
    void hoverGivesCellsEscapedTitles() throws Exception {
        double[][] v = {{1, 2}, {3, Double.NaN}};
        String[][] hover = {{"a<b", null}, {null, "diverged & gone"}};
        String svg = SvgHeatmap.of("t", "x", "y", new double[] {0, 1}, new double[] {0, 1})
                .values(v, "v", false).hover(hover).render();
        Document d = Xml.parse(svg);
        assertThat(Xml.all(d, "title")).extracting(Element::getTextContent)
                .containsExactly("t", "a<b", "diverged & gone");
    }

    @Test
    void categoriesGetALegend() throws Exception {
        int[][] c = {{0, 1, 2}, {0, -1, 2}};
        String svg = SvgHeatmap.of("t", "x", "y", new double[] {1, 2, 3}, new double[] {1, 2})
                .categories(c, new String[] {"converged", "edge", "diverged"}, new String[] {null, "#E69F00", null})
                .render();
        Document d = Xml.parse(svg);
        assertThat(Xml.byClass(d, "g", "legend").get(0).getTextContent()).isEqualTo("convergededgediverged");
        assertThat(svg).contains(SvgChart.color(0)).contains("#E69F00").contains(SvgChart.color(2));
    }

    @Test
    void misuseNamesTheSizes() {
        SvgHeatmap h = SvgHeatmap.of("t", "x", "y", new double[] {1, 2, 3}, new double[] {1, 2});
        assertThatThrownBy(() -> h.values(new double[3][3], "v", false))
                .hasMessageContaining("3 rows but 2 y centres");
        assertThatThrownBy(() -> h.values(new double[2][4], "v", false))
                .hasMessageContaining("4 cells but 3 x centres");
        assertThatThrownBy(() -> SvgHeatmap.of("t", "x", "y", new double[] {2, 1}, new double[] {1}))
                .hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> SvgHeatmap.of("t", "x", "y", new double[] {0, 1}, new double[] {1}).logX())
                .hasMessageContaining("positive");
    }

    @Test
    void aHeatmapWithoutCellsSaysNoData() throws Exception {
        Document d = Xml.parse(SvgHeatmap.of("t", "x", "y", new double[] {1}, new double[] {1}).render());
        assertThat(Xml.all(d, "text")).extracting(Element::getTextContent).contains("no data");
    }
}
