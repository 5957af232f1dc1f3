package netdyn.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgStripTest {

    @Test
    void cellsSpanMidpointsAndTheLegendKeepsFirstSeenOrder() throws Exception {
        double[] x = {10, 0.01, 1, 0.1, -1};
        String[] cat = {"diverged", "converges", "chaotic", "converges", "skipped"};
        String[] hover = {"η = 10", "η = 0.01 <low>", null, "η = 0.1", "never"};
        String svg = SvgStrip.of("Regimes", "η", x, cat, hover).logX().colors(Map.of("diverged", "#8c1c13"))
                .render();
        Document d = Xml.parse(svg);
        List<Element> cells = Xml.all(d, "rect").stream()
                .filter(r -> r.getParentNode() instanceof Element g && "cells".equals(g.getAttribute("class")))
                .toList();
        assertThat(cells).hasSize(4);
        // sorted by x; on a log axis with equally spaced decades every cell is equally wide
        double w0 = Double.parseDouble(cells.get(0).getAttribute("width"));
        for (Element c : cells) {
            assertThat(Double.parseDouble(c.getAttribute("width"))).isBetween(w0 - 0.2, w0 + 0.2);
        }
        assertThat(cells.get(3).getAttribute("fill")).isEqualTo("#8c1c13");
        assertThat(cells.get(0).getTextContent()).isEqualTo("η = 0.01 <low>");
        assertThat(Xml.byClass(d, "g", "legend").get(0).getTextContent()).isEqualTo("divergedconvergeschaotic");
        assertThat(svg).doesNotContain("never").doesNotContain("skipped");
    }

    @Test
    void mismatchedLengthsNameTheSizes() {
        assertThatThrownBy(() -> SvgStrip.of("t", "x", new double[3], new String[2], null))
                .hasMessageContaining("3 x values, 2 categories");
    }

    @Test
    void anEmptyStripSaysNoData() throws Exception {
        Document d = Xml.parse(SvgStrip.of("t", "x", new double[0], new String[0], null).render());
        assertThat(Xml.all(d, "text")).extracting(Element::getTextContent).contains("no data");
    }
}
