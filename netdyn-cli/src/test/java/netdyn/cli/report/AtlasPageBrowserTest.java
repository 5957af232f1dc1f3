package netdyn.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import netdyn.cli.Main;
import org.junit.jupiter.api.Test;

/** The atlas page in headless Chromium: it loads with no console messages and every figure renders. */
class AtlasPageBrowserTest {
    private static final Path OUT = Path.of("target", "report-screenshots");

    @Test
    void theQuickAtlasPageRendersEveryFigure() throws Exception {
        HeadlessBrowser browser = HeadlessBrowser.locateOrSkip();
        Path dir = OUT.resolve("atlas-quick");
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "atlas", "--quality", "quick",
                "--out", dir.toString(), "--force");
        assertThat(code).as(err.toString()).isZero();
        String html = Files.readString(dir.resolve("index.html"));
        int figures = html.split("<figure").length - 1;

        HeadlessBrowser.Rendered r = browser.render(dir.resolve("index.html"), OUT.resolve("atlas-quick.png"), 6400);

        assertThat(r.consoleErrors()).as("console messages").isEmpty();
        assertThat(r.figuresTotal()).isEqualTo(figures).isGreaterThanOrEqualTo(12);
        assertThat(r.figuresRendered()).isEqualTo(figures);
        assertThat(Files.size(r.screenshot())).isGreaterThan(100_000);
    }
}
