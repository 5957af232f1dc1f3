package netdyn.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import netdyn.cli.Main;

/**
 * Every kind of run page, written by the run itself ({@code --report}), in headless Chromium: no console
 * messages, every figure drawn, hover text on every figure, the sections a user looks for, the command line
 * once and no JSON text in the page.
 */
class RunPagesBrowserTest {
    private static final Path OUT = Path.of("target", "report-screenshots", "runs");

    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of("train", List.of("train", "--lr", "1", "--steps", "300"), 4,
                        List.of("Loss", "Accuracy", "Approach to the end state", "Final Hessian spectrum", "approach")),
                Arguments.of("train-diverged", List.of("train", "--hidden", "none", "--output", "linear", "--loss",
                        "mse", "--lr", "10", "--steps", "100"), 2, List.of("diverged at step 55")),
                Arguments.of("divergence", List.of("divergence", "--lr", "1", "--steps", "120", "--inits", "2",
                        "--replicas", "2", "--eps", "1e-8,1e-4"), 4,
                        List.of("Replica distance", "Collapse", "nMLE against ε", "perEps", "nmleShort")),
                Arguments.of("lyapunov", List.of("lyapunov", "--lr", "1", "--steps", "150", "--k", "4"), 2,
                        List.of("Running exponents", "Lyapunov spectrum", "sumRule", "twinOrbit")),
                Arguments.of("sharpness", List.of("sharpness", "--lr", "1", "--steps", "150"), 2,
                        List.of("Sharpness against 2/η", "2/η")),
                Arguments.of("regime", List.of("regime", "--lr", "5", "--steps", "600"), 1,
                        List.of("Regime: ", "second half (read by the rule)", "evidence", "lambda1")),
                Arguments.of("series", List.of("series", "--input", "SERIES"), 6,
                        List.of("Autocorrelation", "Periodogram", "0–1 test", "Neighbour divergence")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void theRunsPageShowsItsFigures(String name, List<String> args, int figures, List<String> sections)
            throws Exception {
        HeadlessBrowser browser = HeadlessBrowser.locateOrSkip();
        Path dir = OUT.resolve(name);
        Files.createDirectories(OUT);
        List<String> command = new java.util.ArrayList<>(args);
        if (command.contains("SERIES")) { // the series command reads a series: a noisy logistic-map orbit
            Path series = OUT.resolve("logistic.csv");
            StringBuilder b = new StringBuilder();
            double x = 0.3;
            for (int i = 0; i < 1500; i++) {
                x = 3.9 * x * (1 - x);
                b.append(x).append('\n');
            }
            Files.writeString(series, b.toString());
            command.set(command.indexOf("SERIES"), series.toString());
        }
        command.addAll(List.of("--out", dir.toString(), "--force", "--report"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), command.toArray(String[]::new));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).as("the text output names the page").contains("report: " + dir.resolve(
                "index.html"));
        String html = Files.readString(dir.resolve("index.html"));
        int drawn = html.split("<figure").length - 1;
        assertThat(drawn).as("figures").isEqualTo(figures);
        for (String s : sections) {
            assertThat(html).as(name).contains(s);
        }
        // the command line once (not "netdyn train train"), a reproduce line, no raw JSON in a table cell
        String first = args.get(0);
        assertThat(html).contains("netdyn " + first + " ").doesNotContain("netdyn " + first + " " + first + " ")
                .contains("Reproduce").doesNotContain("{&quot;").doesNotContain("{\"");
        // every figure carries hover text on its points (an SVG's own <title> does not count)
        Matcher fig = Pattern.compile("<figure.*?</figure>", Pattern.DOTALL).matcher(html);
        Pattern hover = Pattern.compile("<circle[^>]*><title>[^<]+</title>");
        while (fig.find()) {
            assertThat(hover.matcher(fig.group()).find()).as("hover text in a figure of " + name).isTrue();
        }

        HeadlessBrowser.Rendered r = browser.render(dir.resolve("index.html"), OUT.resolve(name + ".png"), 3200);
        assertThat(r.consoleErrors()).as("console messages").isEmpty();
        assertThat(r.figuresTotal()).isEqualTo(figures);
        assertThat(r.figuresRendered()).isEqualTo(figures);
    }
}
