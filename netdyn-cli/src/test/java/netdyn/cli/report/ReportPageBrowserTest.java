package netdyn.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample page in headless Chromium: every figure renders, nothing is logged, the screenshot is real. */
class ReportPageBrowserTest {

    private static final Path OUT = Path.of("target", "report-screenshots");

    @Test
    void everyFigureRendersWithoutConsoleMessages() throws Exception {
        HeadlessBrowser browser = HeadlessBrowser.locateOrSkip();
        HtmlPage page = ReportSamples.page();
        assertThat(page.figureCount()).isEqualTo(ReportSamples.FIGURES);
        Files.createDirectories(OUT);
        Path html = OUT.resolve("sample.html");
        Files.writeString(html, page.render(), StandardCharsets.UTF_8);

        HeadlessBrowser.Rendered r = browser.render(html, OUT.resolve("sample.png"), 3600);

        assertThat(r.consoleErrors()).as("console messages").isEmpty();
        assertThat(r.figuresTotal()).as("data-figures total in %s", html).isEqualTo(ReportSamples.FIGURES);
        assertThat(r.figuresRendered()).as("data-figures rendered").isEqualTo(ReportSamples.FIGURES);
        assertThat(r.screenshot()).exists();
        assertThat(Files.size(r.screenshot())).isGreaterThan(10_000);
    }

    @Test
    void theHarnessNoticesAnEmptyFigureAndAConsoleMessage() throws Exception {
        HeadlessBrowser browser = HeadlessBrowser.locateOrSkip();
        String empty = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"50\"></svg>";
        String page = new HtmlPage("broken")
                .figure(SvgChart.of("fine", "x", "y").line("l", new double[] {0, 1}, new double[] {0, 1}, null)
                        .render(), "renders")
                .figure(empty, "draws nothing")
                .html("<script>console.error('boom from the page');</script>")
                .render();
        Files.createDirectories(OUT);
        Path html = OUT.resolve("broken.html");
        Files.writeString(html, page, StandardCharsets.UTF_8);

        HeadlessBrowser.Rendered r = browser.render(html, OUT.resolve("broken.png"), 900);

        assertThat(r.figuresTotal()).isEqualTo(2);
        assertThat(r.figuresRendered()).isEqualTo(1);
        assertThat(r.consoleErrors()).anySatisfy(line -> assertThat(line).contains("boom from the page"));
    }

    @Test
    void theBrowserIsLookedForAndNeverInstalled(@TempDir Path tmp) throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.writeString(bin.resolve("chromium-browser"), "not executable");
        assertThat(HeadlessBrowser.find(List.of("", empty.toString(), bin.toString()))).as("nothing to run: skip")
                .isNull();
        Path chrome = Files.writeString(bin.resolve("google-chrome"), "#!/bin/sh\n");
        assertThat(chrome.toFile().setExecutable(true)).isTrue();
        assertThat(HeadlessBrowser.find(List.of(empty.toString(), bin.toString()))).isEqualTo(chrome.toString());
    }

    @Test
    void consoleFilterKeepsPageMessagesAndDropsChromiumNoise() {
        String stderr = """
                [1:2:1129/211033.654020:ERROR:dbus/bus.cc:405] Failed to connect to the bus: No such file
                [3:3:1129/211033.740018:WARNING:media/gpu/vaapi/vaapi_wrapper.cc:1655] drmGetDevices2() found none
                /usr/bin/chromium: 9: [: 25276502016: unexpected operator
                [1:1:1129/211034.048137:INFO:CONSOLE:1] "bad thing", source: file:///tmp/t.html (1)
                [1:1:1129/211034.066958:INFO:CONSOLE:1] "Uncaught ReferenceError: f is not defined", source: x (1)
                """;
        assertThat(HeadlessBrowser.consoleErrors(stderr)).containsExactly(
                "\"bad thing\", source: file:///tmp/t.html (1)",
                "\"Uncaught ReferenceError: f is not defined\", source: x (1)");
    }
}
