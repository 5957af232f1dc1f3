package netdyn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import netdyn.cli.io.NpyReader;

/** --optimizer on the commands: the same map as --momentum where they agree, the adaptive measures, bad input. */
class OptimizerCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void heavyBallByNameIsTheMomentumOption() throws IOException {
        CliHarness.run("train", "--lr", "0.1", "--momentum", "0.9", "--steps", "50", "--out",
                tmp.resolve("a").toString(), "--json").json();
        CliHarness.run("train", "--lr", "0.1", "--optimizer", "momentum:0.9", "--steps", "50", "--out",
                tmp.resolve("b").toString(), "--json").json();
        assertThat(NpyReader.read(tmp.resolve("b").resolve("loss.npy")).data())
                .isEqualTo(NpyReader.read(tmp.resolve("a").resolve("loss.npy")).data());
        // (θ, u) recorded for both
        assertThat(NpyReader.read(tmp.resolve("b").resolve("params.npy")).shape()[1]).isEqualTo(83);
    }

    @Test
    void adamsSharpnessIsReadAgainst38OverEta() throws IOException {
        Path out = tmp.resolve("s");
        JsonNode s = CliHarness.run("sharpness", "--optimizer", "adam", "--lr", "0.01", "--steps", "60", "--every",
                "20", "--out", out.toString(), "--json").json();
        JsonNode p = s.get("preconditionedSharpness");
        assertThat(p.get("threshold").asDouble()).isCloseTo(38 / 0.01, within(1e-9));
        assertThat(p.get("final").asDouble()).isPositive();
        assertThat(p.get("max").asDouble()).isGreaterThanOrEqualTo(p.get("final").asDouble());
        NpyReader.Array rows = NpyReader.read(out.resolve("preconditioned-sharpness.npy"));
        assertThat(rows.shape()[0]).isEqualTo(4); // steps 0, 20, 40, 60
        // plain gradient descent has no preconditioned sharpness; heavy ball names its threshold
        JsonNode gd = CliHarness.run("sharpness", "--lr", "0.01", "--steps", "20", "--every", "10", "--out",
                tmp.resolve("gd").toString(), "--json").json();
        assertThat(gd.has("preconditionedSharpness")).isFalse();
        assertThat(gd.get("stabilityThreshold").asDouble()).isCloseTo(200, within(1e-9));
        JsonNode hb = CliHarness.run("sharpness", "--lr", "0.01", "--optimizer", "momentum:0.5", "--steps", "20",
                "--every", "10", "--out", tmp.resolve("hb").toString(), "--json").json();
        assertThat(hb.get("stabilityThreshold").asDouble()).isCloseTo(300, within(1e-9));
    }

    @Test
    void theSpectrumOfAdamsMapHasThreeBlocksAndItsTwinOrbitIsFinite() throws IOException {
        JsonNode s = CliHarness.run("lyapunov", "--optimizer", "adam", "--lr", "0.01", "--steps", "200", "--k", "4",
                "--json").json();
        assertThat(s.get("dimension").asInt()).isEqualTo(3 * 83);
        assertThat(s.get("exponents")).hasSize(4);
        assertThat(s.get("twinOrbit").get("lambdaTwin").isNumber()).isTrue();
        assertThat(s.get("twinOrbit").get("failure").isNull()).isTrue();
    }

    @Test
    void badOptimizersAreOneLine() {
        Path out = tmp.resolve("bad");
        CliHarness.run("train", "--optimizer", "adagrad", "--out", out.toString())
                .assertBadInput("--optimizer", "unknown optimizer 'adagrad'");
        CliHarness.run("train", "--optimizer", "adam", "--momentum", "0.9", "--out", out.toString())
                .assertBadInput("--momentum applies to heavy ball only", "--optimizer");
        CliHarness.run("train", "--optimizer", "adam:beta1=1.5", "--out", out.toString())
                .assertBadInput("--optimizer", "beta1 in [0, 1)");
        assertThat(out).doesNotExist();
    }
}
