package netdyn.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class HtmlPageTest {

    @Test
    void theSamplePageParsesAsXhtmlWithEveryFigure() throws Exception {
        HtmlPage page = ReportSamples.page();
        Document d = Xml.parse(page.render());
        assertThat(Xml.all(d, "figure")).hasSize(ReportSamples.FIGURES);
        assertThat(Xml.all(d, "figcaption").get(0).getTextContent()).startsWith("Figure 1. ");
        assertThat(Xml.all(d, "svg")).hasSize(ReportSamples.FIGURES - 1);
        assertThat(Xml.all(d, "img").get(0).getAttribute("src")).startsWith("data:image/png;base64,iVBOR");
        assertThat(Xml.all(d, "script")).hasSize(1);
    }

    @Test
    void thePageRefersToNothingOutsideItself() {
        String html = ReportSamples.page().render();
        String withoutNamespaces = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")
                .replace("xmlns=\"http://www.w3.org/1999/xhtml\"", "");
        assertThat(withoutNamespaces).doesNotContain("http:").doesNotContain("https:").doesNotContain("<link")
                .doesNotContain("@import").doesNotContain("src=\"/").doesNotContain("console.");
        assertThat(html).contains("document.body.dataset.figures");
    }

    @Test
    void headingsMakeATableOfContentsWithUniqueAnchors() throws Exception {
        String html = new HtmlPage("T").heading("Results & notes").heading("Results & notes").heading("η").render();
        Document d = Xml.parse(html);
        assertThat(Xml.all(d, "h2")).extracting(e -> e.getAttribute("id"))
                .containsExactly("results-notes", "results-notes-2", "section");
        List<Element> links = Xml.all(d, "a");
        assertThat(links).extracting(e -> e.getAttribute("href"))
                .containsExactly("#results-notes", "#results-notes-2", "#section");
    }

    @Test
    void tablesEscapeAndRightAlignNumbers() throws Exception {
        String html = new HtmlPage("T").table(List.of("a", "b"),
                List.of(List.of("1.5e-3", "<x>"), List.of("\u22122", "n/a"), List.of("NaN", "12%"))).render();
        Document d = Xml.parse(html);
        List<Element> td = Xml.all(d, "td");
        assertThat(td).extracting(e -> e.getAttribute("class")).containsExactly("num", "", "num", "", "num", "num");
        assertThat(td.get(1).getTextContent()).isEqualTo("<x>");
        assertThatThrownBy(() -> new HtmlPage("T").table(List.of("a"), List.of(List.of("1", "2"))))
                .hasMessageContaining("2 cells but 1 headers");
    }

    @Test
    void downloadsAreRelativeLinks() throws Exception {
        String html = new HtmlPage("T").downloads(List.of("a b.json", "runs/x.npy")).render();
        assertThat(Xml.all(Xml.parse(html), "a")).extracting(e -> e.getAttribute("href"))
                .containsExactly("a%20b.json", "runs/x.npy");
        for (String bad : List.of("https://example.org/x", "/etc/passwd", "../up.json", "C:\\x")) {
            assertThatThrownBy(() -> new HtmlPage("T").downloads(List.of(bad))).hasMessageContaining(bad);
        }
    }

    @Test
    void paragraphsAndKeyValuesAreEscaped() throws Exception {
        String html = new HtmlPage("a < b").paragraph("<script>alert(1)</script>")
                .keyValues(java.util.Map.of("k&", "v>")).render();
        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;");
        Document d = Xml.parse(html);
        assertThat(Xml.all(d, "h1").get(0).getTextContent()).isEqualTo("a < b");
        assertThat(Xml.all(d, "th").get(0).getTextContent()).isEqualTo("k&");
    }
}
