package netdyn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import netdyn.cli.io.NpyReader;

/** lyapunov, sharpness and selfcheck end to end, and their bad inputs. */
class DynamicsCommandsTest {
    @TempDir
    Path tmp;



    @Test
    void henonSpectrumWithFilesAndJson() throws IOException {
        Path out = tmp.resolve("henon");
        JsonNode s = CliHarness.run("lyapunov", "--system", "henon", "--steps", "200000", "--out", out.toString(),
                "--json").json();
        assertThat(s.get("exponents").get(0).asDouble()).isCloseTo(0.41922, within(0.005));
        assertThat(s.get("exponents").get(1).asDouble()).isCloseTo(-1.62319, within(0.01));
        assertThat(s.get("sumRule").get("error").asDouble()).isLessThan(1e-9);
        assertThat(s.get("twinOrbit").get("lambdaTwin").asDouble()).isCloseTo(0.41922, within(0.02));
        double ky = 1 + 0.41922 / 1.62319;
        assertThat(s.get("kaplanYorkeDimension").asDouble()).isCloseTo(ky, within(0.01));
        assertThat(NpyReader.read(out.resolve("exponents.npy")).shape()).containsExactly(2);
        NpyReader.Array running = NpyReader.read(out.resolve("running.npy"));
        assertThat(running.shape()[1]).isEqualTo(3);
        assertThat(Files.size(out.resolve("running.png"))).isGreaterThan(1000);
    }

    @Test
    void gradientDescentSpectrumOfTheIrisNetwork() throws IOException {
        JsonNode s = CliHarness.run("lyapunov", "--data", "iris", "--lr", "1", "--steps", "100", "--k", "all",
                "--json").json();
        assertThat(s.get("dimension").asInt()).isEqualTo(83);
        assertThat(s.get("exponents")).hasSize(83);
        assertThat(s.get("sumRule").get("error").asDouble()).isLessThan(1e-7);
        double previous = Double.POSITIVE_INFINITY;
        for (JsonNode e : s.get("exponents")) {
            assertThat(e.asDouble()).isLessThanOrEqualTo(previous);
            previous = e.asDouble();
        }
    }

    @Test
    void sharpnessSeriesAndFullSpectrum() throws IOException {
        Path out = tmp.resolve("sharp");
        JsonNode s = CliHarness.run("sharpness", "--lr", "0.5", "--steps", "200", "--every", "20", "--full-at",
                "0,end", "--out", out.toString(), "--json").json();
        assertThat(s.get("twoOverEta").asDouble()).isEqualTo(4.0);
        assertThat(s.get("fullSpectra")).hasSize(2);
        NpyReader.Array series = NpyReader.read(out.resolve("sharpness.npy"));
        assertThat(series.shape()).containsExactly(11, 5);
        NpyReader.Array spectrum = NpyReader.read(out.resolve("hessian-spectrum-200.npy"));
        assertThat(spectrum.shape()).containsExactly(83);
        // Lanczos λ_max at the end equals the full spectrum's largest eigenvalue
        assertThat(series.data()[10 * 5 + 2]).isCloseTo(spectrum.data()[0], within(1e-8 * spectrum.data()[0]));
        assertThat(Files.size(out.resolve("sharpness.png"))).isGreaterThan(1000);
    }

    @Test
    void selfcheckPassesAndPrintsEveryRow() throws IOException {
        JsonNode s = CliHarness.run("selfcheck", "--json").json();
        assertThat(s.get("passed").asBoolean()).isTrue();
        assertThat(s.get("rows").size()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void badInputs() {
        CliHarness.run("lyapunov", "--system", "duffing").assertBadInput("unknown system 'duffing'", "henon",
                "lorenz");
        CliHarness.run("lyapunov", "--system", "henon:c=1").assertBadInput("unknown parameter 'c'", "a, b");
        CliHarness.run("lyapunov", "--system", "henon", "--k", "3").assertBadInput("--k 3 exceeds the dimension 2");
        CliHarness.run("lyapunov", "--system", "henon", "--q", "0").assertBadInput("--q must be >= 1");
        CliHarness.run("lyapunov", "--system", "henon", "--lr", "1").assertBadInput("--system and --lr");
        for (String[] o : new String[][] {{"--bias-init", "normal:1"}, {"--shuffle", "3"}, {"--seed", "2"},
            {"--label-column", "0"}}) {
            CliHarness.run("lyapunov", "--system", "henon", o[0], o[1]).assertBadInput("--system and " + o[0]);
        }
        CliHarness.run("sharpness", "--full-at", "99999", "--steps", "10").assertBadInput("--full-at", "outside");
    }

    @Test
    void anOrbitThatLeavesTheDomainKeepsWhatWasComputed() throws IOException {
        JsonNode s = CliHarness.run("lyapunov", "--system", "logistic:r=4.2", "--steps", "1000", "--json").json();
        assertThat(s.get("status").asText()).isEqualTo("stopped");
        assertThat(s.get("failure").asText()).contains("step");
    }

    @Test
    void divergingTrainingIsFlagged() throws IOException {
        JsonNode s = CliHarness.run("lyapunov", "--hidden", "none", "--output", "linear", "--loss", "mse",
                "--lr", "1", "--steps", "3000", "--k", "2", "--json").json();
        assertThat(s.get("status").asText()).isEqualTo("stopped");
        assertThat(s.get("failure").asText()).contains("non-finite");
        assertThat(s.get("steps").asLong()).isPositive();
    }

    @Test
    void divergenceJsonFilesAndFigures() throws IOException {
        Path out = tmp.resolve("div");
        JsonNode s = CliHarness.run("divergence", "--lr", "1", "--steps", "150", "--inits", "6", "--replicas", "3",
                "--eps", "1e-12:1e-2:3", "--out", out.toString(), "--json", "--threads", "2").json();
        assertThat(s.get("perEps")).hasSize(3);
        JsonNode nmle = s.get("nmle");
        for (String key : new String[] {"mean", "std", "passed", "total"}) {
            assertThat(nmle.has(key)).as(key).isTrue();
        }
        assertThat(nmle.get("total").asInt()).isEqualTo(6);
        assertThat(s.get("perEps").get(0).get("normalizedDistance").get("initial").asDouble()).isCloseTo(0.5,
                within(0.1));
        assertThat(NpyReader.read(out.resolve("replica-distance-eps0.npy")).shape()).containsExactly(18, 151);
        assertThat(NpyReader.read(out.resolve("mean-distance-eps2.npy")).shape()).containsExactly(6, 151);
        assertThat(NpyReader.read(out.resolve("nmle.npy")).shape()).containsExactly(3, 9);
        assertThat(NpyReader.read(out.resolve("per-weight.npy")).shape()).containsExactly(83, 3);
        for (String png : new String[] {"distance.png", "collapse.png", "nmle.png", "weight-norm.png",
            "weight-displacement.png", "weight-importance.png"}) {
            assertThat(Files.size(out.resolve(png))).as(png).isGreaterThan(1000);
        }
    }

    @Test
    void theNmleKeyIsTheSmallestEpsilonsWhateverTheOrder() throws IOException {
        String[] common = {"divergence", "--lr", "1", "--steps", "120", "--inits", "3", "--replicas", "2", "--json"};
        JsonNode both = CliHarness.run(concat(common, "--eps", "1e-2,1e-8", "--out", tmp.resolve("e2").toString()))
                .json();
        JsonNode small = CliHarness.run(concat(common, "--eps", "1e-8", "--out", tmp.resolve("e1").toString())).json();
        assertThat(both.get("perEps").get(0).get("eps").asDouble()).isEqualTo(1e-8);
        assertThat(both.get("nmle")).isEqualTo(small.get("nmle"));
    }

    private static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void divergenceBadInputs() {
        CliHarness.run("divergence", "--eps", "1e-2:1e-8:5").assertBadInput("--eps", "0 < FROM < TO");
        CliHarness.run("divergence", "--eps", "tiny").assertBadInput("--eps", "not a number");
        CliHarness.run("divergence", "--inits", "0").assertBadInput("--inits must be >= 1");
        CliHarness.run("divergence", "--steps", "100", "--perturb-at", "100").assertBadInput("--perturb-at");
        CliHarness.run("divergence", "--preset", "study-large").assertBadInput("unknown preset", "study-eos");
        CliHarness.run("divergence", "--norm", "l3").assertBadInput("--norm", "l1, l2, linf");
        CliHarness.run("divergence", "--perturb", "biases").assertBadInput("--perturb", "weights, all");
    }

    @Test
    void regimeLabelsTheStudysSmallAndEdgeOfStabilityRuns() throws IOException {
        JsonNode small = CliHarness.run("regime", "--lr", "0.01", "--steps", "2000", "--json").json();
        assertThat(small.get("regime").asText()).isEqualTo("slow convergence");
        assertThat(Math.abs(small.get("evidence").get("lambda1").asDouble())).isLessThan(1e-3);
        JsonNode eos = CliHarness.run("regime", "--lr", "1", "--steps", "2000", "--json").json();
        assertThat(eos.get("regime").asText()).isEqualTo("edge of stability");
        assertThat(eos.get("evidence").get("eosRatioFinal").asDouble()).isGreaterThan(0.9);
        assertThat(eos.get("reasons").size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void divergenceLabelsTheRegimesOfItsReferenceRuns() throws IOException {
        JsonNode s = CliHarness.run("divergence", "--lr", "5", "--steps", "600", "--inits", "3", "--replicas", "2",
                "--regimes", "--json").json();
        JsonNode regimes = s.get("regimes");
        assertThat(regimes.get("perInit")).hasSize(3);
        int total = 0;
        for (JsonNode c : regimes.get("counts")) {
            total += c.asInt();
        }
        assertThat(total).isEqualTo(3);
    }
}
