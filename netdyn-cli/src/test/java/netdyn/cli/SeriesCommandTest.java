package netdyn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import netdyn.cli.io.Json;
import netdyn.cli.io.NpyReader;
import netdyn.cli.io.NpyWriter;

/** {@code netdyn series} end to end: known answers through files, run directories, and every bad input. */
class SeriesCommandTest {
    @TempDir
    Path tmp;

    private static double[] logistic(double r, int n, int transient_) {
        double x = 0.3;
        for (int i = 0; i < transient_; i++) {
            x = r * x * (1 - x);
        }
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = x;
            x = r * x * (1 - x);
        }
        return s;
    }

    private Path csv(String name, String header, double[] values) throws IOException {
        StringBuilder sb = new StringBuilder(header == null ? "" : header + "\n");
        for (double v : values) {
            sb.append(String.format(Locale.ROOT, "%.17g%n", v));
        }
        Path p = tmp.resolve(name);
        Files.writeString(p, sb.toString());
        return p;
    }

    private Path npy(Path file, double[] values) throws IOException {
        try (NpyWriter w = NpyWriter.series(file)) {
            for (double v : values) {
                w.append(v);
            }
        }
        return file;
    }

    private Path text(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, content);
        return p;
    }



    @Test
    void chaoticLogisticFromCsvWithFiles() throws IOException {
        Path input = csv("logistic.csv", "x", logistic(4, 5000, 1000));
        Path out = tmp.resolve("out");
        JsonNode s = CliHarness.run("series", "--input", input.toString(), "--out", out.toString(), "--json").json();
        assertThat(s.get("n").asInt()).isEqualTo(5000);
        assertThat(s.get("zeroOneK").asDouble()).isGreaterThan(0.9);
        assertThat(s.get("acf")).hasSize(51);
        assertThat(s.get("acf").get(0).asDouble()).isEqualTo(1.0);
        assertThat(s.get("permutationEntropy").asDouble()).isBetween(0.6, 0.9);
        JsonNode lyapunov = s.get("maxLyapunov");
        assertThat(lyapunov.get("method").asText()).isEqualTo("rosenstein");
        assertThat(lyapunov.get("value").asDouble()).isCloseTo(Math.log(2), within(0.07));
        assertThat(s.get("divergence")).hasSize(2);
        assertThat(s.get("divergence").get(1).get("method").asText()).isEqualTo("kantz");
        assertThat(s.get("divergence").get(1).get("curve")).hasSize(21);
        assertThat(s.get("periodogram").get("fundamentalPeriod").isNull()).isTrue();
        assertThat(s.get("expansionRates").get("fractionPositive").asDouble()).isGreaterThan(0.95);
        assertThat(s.get("out").asText()).isEqualTo(out.toString());

        assertThat(NpyReader.read(out.resolve("series.npy")).shape()).containsExactly(5000);
        assertThat(NpyReader.read(out.resolve("acf.npy")).shape()).containsExactly(51, 4);
        assertThat(NpyReader.read(out.resolve("periodogram.npy")).shape()).containsExactly(2501, 2);
        assertThat(NpyReader.read(out.resolve("zero-one.npy")).shape()).containsExactly(100, 2);
        assertThat(NpyReader.read(out.resolve("divergence-rosenstein.npy")).shape()).containsExactly(21, 3);
        assertThat(NpyReader.read(out.resolve("expansion-rates.npy")).shape()).containsExactly(1000, 7);
        for (String png : new String[] {"series.png", "acf.png", "periodogram.png", "divergence.png",
            "expansion-rates.png", "expansion-rates-vs-value.png"}) {
            assertThat(Files.size(out.resolve(png))).as(png).isGreaterThan(1000);
        }
        JsonNode manifest = Json.mapper().readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.get("command").asText()).isEqualTo("series");
        assertThat(manifest.get("seed").asLong()).isZero();
        assertThat(manifest.get("seedDerivation").asText()).contains("acf-shuffle");
        assertThat(Json.mapper().readTree(out.resolve("summary.json").toFile()).get("zeroOneK").asDouble())
                .isEqualTo(s.get("zeroOneK").asDouble());
    }

    @Test
    void periodicLogisticFromNpy() throws IOException {
        Path input = npy(tmp.resolve("p4.npy"), logistic(3.5, 5000, 1000));
        JsonNode s = CliHarness.run("series", "--input", input.toString(), "--json", "--shuffles", "100").json();
        assertThat(s.get("zeroOneK").asDouble()).isLessThan(0.1);
        assertThat(s.get("periodogram").get("fundamentalPeriod").asDouble()).isEqualTo(4.0);
        assertThat(s.get("permutationEntropy").asDouble()).isCloseTo(Math.log(4) / Math.log(24), within(1e-6));
        assertThat(s.get("acfBand").get("shuffles").asInt()).isEqualTo(100);
    }

    @Test
    void runDirectoryLossWithSkipAndLengthAndOptions() throws IOException {
        Path run = Files.createDirectories(tmp.resolve("run"));
        double[] loss = new double[800];
        for (int t = 0; t < loss.length; t++) {
            loss[t] = 1.5 * Math.exp(-t / 200.0) + 0.25;
        }
        loss[799] = Double.POSITIVE_INFINITY; // a run that diverged at its last step: outside the window
        npy(run.resolve("loss.npy"), loss);
        JsonNode s = CliHarness.run("series", "--run", run.toString(), "--skip", "100", "--length", "500",
                "--method", "rosenstein", "--lags", "20", "--shuffles", "50", "--band", "5,95", "--order", "3",
                "--embedding", "3", "--theiler", "5", "--horizon", "15", "--fit-range", "1:8", "--json").json();
        assertThat(s.get("n").asInt()).isEqualTo(500);
        assertThat(s.get("skip").asInt()).isEqualTo(100);
        assertThat(s.get("monotonicity").get("fractionIncreasing").asDouble()).isZero();
        assertThat(s.get("permutationEntropy").asDouble()).isZero();
        assertThat(s.get("acf")).hasSize(21);
        assertThat(s.get("maxLyapunov").get("method").asText()).isEqualTo("rosenstein");
        assertThat(s.get("maxLyapunov").get("fitFrom").asInt()).isEqualTo(1);
        assertThat(s.get("maxLyapunov").get("fitTo").asInt()).isEqualTo(8);
        assertThat(s.get("divergence")).hasSize(1);
        assertThat(s.get("acfBand").get("percentiles").get(0).asDouble()).isEqualTo(5.0);
    }

    @Test
    void sameSeedSameOutputDifferentSeedDifferentBand() throws IOException {
        Path input = csv("noise.csv", null, logistic(4, 600, 100));
        String a = CliHarness.run("series", "--input", input.toString(), "--json", "--seed", "3").out();
        String b = CliHarness.run("series", "--input", input.toString(), "--json", "--seed", "3").out();
        String c = CliHarness.run("series", "--input", input.toString(), "--json", "--seed", "4").out();
        assertThat(a).isEqualTo(b);
        assertThat(Json.mapper().readTree(a).get("acfBand").get("upper"))
                .isNotEqualTo(Json.mapper().readTree(c).get("acfBand").get("upper"));
    }

    @Test
    void kantzAloneAndAFixedFitRange() throws IOException {
        Path input = npy(tmp.resolve("l.npy"), logistic(4, 5000, 1000));
        JsonNode s = CliHarness.run("series", "--input", input.toString(), "--method", "kantz", "--fit-range",
                "1:6", "--shuffles", "0", "--json").json();
        assertThat(s.get("maxLyapunov").get("method").asText()).isEqualTo("kantz");
        assertThat(s.get("maxLyapunov").get("value").asDouble()).isCloseTo(Math.log(2), within(0.07));
        assertThat(s.get("maxLyapunov").get("fitFrom").asInt()).isEqualTo(1);
        assertThat(s.get("divergence")).hasSize(1);
        assertThat(s.get("acfBand").get("lower").get(1).isNull()).isTrue(); // no shuffles: no band
    }

    @Test
    void textSummaryWithoutJson() throws IOException {
        Path input = csv("l.csv", null, logistic(4, 2000, 100));
        CliHarness r = CliHarness.run("series", "--input", input.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("0–1 test K =").contains("permutation entropy").contains("Lyapunov exponent")
                .contains("local expansion rates");
    }

    @Test
    void helpListsTheOptions() {
        CliHarness r = CliHarness.run("series", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out() + r.err()).doesNotContain("WARN");
        for (String option : new String[] {"--input", "--run", "--skip", "--length", "--seed", "--lags", "--shuffles",
            "--band", "--peaks", "--max-period", "--order", "--pe-delay", "--method", "--embedding", "--delay",
            "--theiler", "--horizon", "--fit-range", "--kantz-radius", "--expansion-radius", "--expansion-references",
            "--zero-one-c", "--laminar-period", "--json", "--out"}) {
            assertThat(r.out()).contains(option);
        }
    }

    @Test
    void badInputs() throws IOException {
        Path good = csv("good.csv", null, logistic(4, 200, 10));
        CliHarness.run("series", "--input", tmp.resolve("nope.csv").toString()).assertBadInput("nope.csv",
                "not found");
        CliHarness.run("series", "--input", text("empty.csv", "").toString()).assertBadInput("empty.csv", "empty");
        CliHarness.run("series", "--input", text("header.csv", "loss\n\n").toString()).assertBadInput("header.csv",
                "empty");
        CliHarness.run("series", "--input", text("bad.csv", "loss\n0.5\n0.25\nabc\n").toString()).assertBadInput("bad.csv line 4", "'abc' is not a number");
        CliHarness.run("series", "--input", text("nan.csv", "0.5\nNaN\n").toString()).assertBadInput("nan.csv line 2", "not a finite number");
        CliHarness.run("series", "--input", text("two.csv", "1,2\n3,4\n").toString()).assertBadInput("two.csv line 1", "2 columns");
        Path nanNpy = npy(tmp.resolve("nan.npy"), new double[] {1, 2, Double.POSITIVE_INFINITY});
        CliHarness.run("series", "--input", nanNpy.toString()).assertBadInput("nan.npy", "value 2",
                "--length 2");
        Path diverged = Files.createDirectories(tmp.resolve("diverged"));
        double[] loss = logistic(4, 300, 10);
        loss[250] = Double.NaN;
        npy(diverged.resolve("loss.npy"), loss);
        CliHarness.run("series", "--run", diverged.toString(), "--skip", "50").assertBadInput("--run", "diverged",
                "value 250 is NaN", "--length 200");
        try (NpyWriter w = NpyWriter.matrix(tmp.resolve("m.npy"), 2)) {
            w.appendRow(new double[] {1, 2}, 0);
        }
        CliHarness.run("series", "--input", tmp.resolve("m.npy").toString()).assertBadInput("m.npy", "1-D");
        Path emptyRun = Files.createDirectories(tmp.resolve("emptyrun"));
        CliHarness.run("series", "--run", emptyRun.toString()).assertBadInput("emptyrun", "loss.npy");
        CliHarness.run("series", "--input", csv("short.csv", null, logistic(4, 30, 10)).toString()).assertBadInput("short.csv", "30 values", "needs at least");
        CliHarness.run("series", "--input", good.toString(), "--embedding", "5", "--delay", "50",
                "--lags", "10").assertBadInput("--embedding 5 --delay 50", "needs at least 232");
        CliHarness.run("series", "--input", good.toString(), "--skip", "200").assertBadInput("--skip 200",
                "no values");
        CliHarness.run("series", "--input", good.toString(), "--band", "97").assertBadInput("--band");
        CliHarness.run("series", "--input", good.toString(), "--band", "97,3").assertBadInput("--band");
        CliHarness.run("series", "--input", good.toString(), "--fit-range", "x").assertBadInput("--fit-range");
        CliHarness.run("series", "--input", good.toString(), "--order", "9").assertBadInput("--order");
        CliHarness.run("series", "--input", good.toString(), "--lags", "0").assertBadInput("--lags");
        CliHarness.run("series", "--input", good.toString(), "--method", "lorenz").assertBadInput("--method");
        CliHarness.run("series").assertBadInput("--input", "--run");
        CliHarness.run("series", "--input", good.toString(), "--run", tmp.toString()).assertBadInput("--input",
                "--run");
    }
}
