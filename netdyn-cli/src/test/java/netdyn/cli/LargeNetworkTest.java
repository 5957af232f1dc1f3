package netdyn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import netdyn.cli.io.Json;
import netdyn.curvature.HessianSpectrum;

/**
 * Networks above {@link HessianSpectrum#MAX_PARAMETERS}: an explicit request for a full spectrum is refused by
 * name before any work (exit 2, one line, no run directory), an automatic one is skipped and said so. The 4–500–3
 * network on Iris (P = 4003) stands in for a 784–64–10 one on MNIST (P = 50 890): the same code paths, in
 * milliseconds.
 */
class LargeNetworkTest {
    /** 4·500 + 500 + 500·3 + 3 parameters. */
    static final String[] LARGE = {"--data", "iris", "--hidden", "500"};
    static final int P = 4003;

    @TempDir
    Path tmp;

    private static String[] args(String command, String... extra) {
        String[] a = new String[1 + LARGE.length + extra.length];
        a[0] = command;
        System.arraycopy(LARGE, 0, a, 1, LARGE.length);
        System.arraycopy(extra, 0, a, 1 + LARGE.length, extra.length);
        return a;
    }

    @Test
    void theLimitIsAboveTheNetworkOfThisTest() {
        assertThat(HessianSpectrum.MAX_PARAMETERS).isLessThan(P).isGreaterThanOrEqualTo(83);
    }

    @Test
    void lyapunovKAllIsRefusedNamingTheOptionThePAndWhatToDoInstead() {
        Path out = tmp.resolve("ly");
        CliHarness.run(args("lyapunov", "--k", "all", "--steps", "5", "--out", out.toString()))
                .assertBadInput("netdyn: --k all asks for all 4003 exponents; the full spectrum is limited to P ≤ 2000 "
                        + "parameters (this network has 4003); use --k 10 for the top 10");
        assertThat(out).as("refused before any work").doesNotExist();
    }

    @Test
    void lyapunovsDefaultKAllIsRefusedTooAndSaysItWasTheDefault() {
        CliHarness.run(args("lyapunov", "--steps", "5")).assertBadInput("--k all (the default) asks for all 4003");
    }

    @Test
    void lyapunovTopKOfALargeNetworkRuns() throws IOException {
        JsonNode s = CliHarness.run(args("lyapunov", "--k", "2", "--steps", "5", "--no-twin", "--json")).json();
        assertThat(s.get("exponents")).hasSize(2);
    }

    @Test
    void lyapunovOfASystemOrASmallNetworkStillDefaultsToAll() throws IOException {
        assertThat(CliHarness.run("lyapunov", "--system", "henon", "--steps", "100", "--json").json()
                .get("exponents")).hasSize(2);
        assertThat(CliHarness.run("lyapunov", "--data", "iris", "--steps", "3", "--no-twin", "--json").json()
                .get("exponents")).hasSize(83);
    }

    @Test
    void trainSkipsTheFinalHessianAboveTheLimitSaysSoAndFallsBackToLanczos() throws IOException {
        Path out = tmp.resolve("train");
        CliHarness r = CliHarness.run(args("train", "--lr", "0.05", "--steps", "600", "--out", out.toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("final Hessian spectrum skipped: P = 4003 > 2000, the limit of the full "
                + "spectrum; top eigenvalues by Lanczos instead");
        JsonNode h = Json.mapper().readTree(out.resolve("summary.json").toFile()).get("finalHessian");
        assertThat(h.get("skipped").asText()).startsWith("P = 4003 > 2000");
        assertThat(h.get("top")).hasSize(3);
        assertThat(h.get("max").asDouble()).isEqualTo(h.get("top").get(0).asDouble()).isPositive();
        assertThat(h.has("nearZero")).isFalse();
    }

    @Test
    void aShortTrainingRunSkipsTheLanczosFallbackAsWellAndSaysWhy() throws IOException {
        Path out = tmp.resolve("short");
        JsonNode s = CliHarness.run(args("train", "--steps", "20", "--out", out.toString(), "--json")).json();
        JsonNode h = s.get("finalHessian");
        assertThat(h.get("skipped").asText()).contains("no Lanczos either (20 steps < 600");
        assertThat(h.has("max")).isFalse();
    }

    @Test
    void trainBelowTheLimitStillGivesTheFullSpectrum() throws IOException {
        JsonNode h = CliHarness.run("train", "--steps", "20", "--out", tmp.resolve("small").toString(), "--json")
                .json().get("finalHessian");
        assertThat(h.has("skipped")).isFalse();
        assertThat(h.get("nearZero").asInt()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void sharpnessRefusesAnExplicitFullAtAndSkipsTheDefaultOne() throws IOException {
        Path refused = tmp.resolve("refused");
        CliHarness.run(args("sharpness", "--steps", "4", "--full-at", "end", "--out", refused.toString()))
                .assertBadInput("--full-at end asks for the full Hessian spectrum of 4003 parameters",
                        "limited to P ≤ 2000", "use --full-at none");
        assertThat(refused).doesNotExist();

        Path out = tmp.resolve("sharp");
        CliHarness r = CliHarness.run(args("sharpness", "--steps", "4", "--every", "2", "--out", out.toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("full Hessian spectrum at the end skipped: P = 4003 > 2000");
        JsonNode s = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertThat(s.get("fullSpectraSkipped").asText()).contains("the top 3 eigenvalues come from Lanczos");
        assertThat(s.get("fullSpectra")).isEmpty();
        assertThat(s.get("sharpnessFinal").asDouble()).isPositive();
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.startsWith("hessian-spectrum"));
        }
    }

    @Test
    void sweepRefusesSpectrumAllOfALargeNetworkNamingMeasure() {
        Path out = tmp.resolve("sweep");
        CliHarness.run(args("sweep", "--lr", "0.1", "--inits", "1", "--steps", "5", "--measure", "loss,spectrum:all",
                "--out", out.toString())).assertBadInput("--measure", "spectrum:all asks for all 4003 exponents",
                "limited to P ≤ 2000", "use spectrum:10");
        assertThat(out).doesNotExist();
    }

    @Test
    void sweepRefusesAGridWhoseLargestNetworkIsAboveTheLimit() {
        CliHarness.run("sweep", "--lr", "0.1", "--vary-hidden", "5,500", "--inits", "1", "--steps", "5", "--measure",
                "loss,spectrum:all", "--out", tmp.resolve("grid").toString()).assertBadInput("4003 exponents");
    }

    @Test
    void atlasRefusesALargeNetworkBeforeAnyWork() {
        Path out = tmp.resolve("atlas");
        CliHarness.run(args("atlas", "--quality", "quick", "--out", out.toString()))
                .assertBadInput("atlas: the 4-500-3 network", "has 4003 parameters", "limited to P ≤ 2000",
                        "netdyn sweep --measure loss,accuracy,spectrum:10");
        assertThat(out).doesNotExist();
    }
}
