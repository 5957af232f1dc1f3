package netdyn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import netdyn.cli.io.Json;
import netdyn.cli.io.NpyReader;

class TrainCommandTest {
    @TempDir
    Path tmp;


    @Test
    void recordsAWholeIrisRun() throws IOException {
        Path out = tmp.resolve("iris");
        JsonNode s = CliHarness.run("train", "--data", "iris", "--lr", "0.01", "--steps", "200",
                "--record-every", "50", "--out", out.toString(), "--json").json();
        assertThat(s.get("status").asText()).isEqualTo("ok");
        assertThat(s.get("steps").asLong()).isEqualTo(200);
        assertThat(s.get("parameters").asInt()).isEqualTo(83);

        NpyReader.Array loss = NpyReader.read(out.resolve("loss.npy"));
        assertThat(loss.shape()).containsExactly(201);
        assertThat(loss.data()[200]).isEqualTo(s.get("finalLoss").asDouble());
        assertThat(loss.data()[200]).isLessThan(loss.data()[0]);

        NpyReader.Array params = NpyReader.read(out.resolve("params.npy"));
        assertThat(params.shape()).containsExactly(5, 83); // steps 0, 50, 100, 150, 200
        NpyReader.Array acc = NpyReader.read(out.resolve("accuracy.npy"));
        assertThat(acc.shape()).containsExactly(5, 5);
        assertThat(acc.data()[5 * 4]).isEqualTo(200);
        assertThat(acc.data()[5 * 4 + 2]).isEqualTo(s.get("trainAccuracy").asDouble());
        assertThat(acc.data()[5 * 4 + 4]).isEqualTo(s.get("testAccuracy").asDouble());

        JsonNode manifest = Json.mapper().readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.get("data").get("train").asInt()).isEqualTo(120);
        assertThat(manifest.get("data").get("test").asInt()).isEqualTo(30);
        assertThat(manifest.get("network").get("shape").asText()).isEqualTo("4-10-3");
    }

    @Test
    void dynamicalStabilityIsReportedWithBothFitsAndTheFinalHessian() throws IOException {
        Path out = tmp.resolve("approach");
        JsonNode s = CliHarness.run("train", "--steps", "2000", "--record-every", "10", "--out", out.toString(),
                "--json").json();
        JsonNode fit = s.get("approach").get("toLateAverage");
        assertThat(fit.get("better").asText()).isIn("exponential", "power law");
        assertThat(fit.get("points").asInt()).isGreaterThan(100);
        assertThat(fit.get("aicExponential").isNumber()).isTrue();
        assertThat(fit.get("aicPowerLaw").isNumber()).isTrue();
        JsonNode h = s.get("finalHessian");
        assertThat(h.get("nearZero").asInt() + h.get("negative").asInt()).isLessThanOrEqualTo(83);
        assertThat(h.get("max").asDouble()).isPositive();
        assertThat(NpyReader.read(out.resolve("approach.npy")).shape()).containsExactly(201, 3);
        assertThat(Files.size(out.resolve("approach.png"))).isGreaterThan(1000);
    }

    @Test
    void sameSeedGivesBitIdenticalFiles() throws IOException {
        for (String name : new String[] {"a", "b"}) {
            assertThat(CliHarness.run("train", "--steps", "300", "--lr", "1", "--seed", "7", "--out",
                    tmp.resolve(name).toString()).exitCode()).isZero();
        }
        for (String f : new String[] {"loss.npy", "params.npy", "accuracy.npy"}) {
            assertThat(Files.readAllBytes(tmp.resolve("a").resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(f)));
        }
        assertThat(CliHarness.run("train", "--steps", "300", "--lr", "1", "--seed", "8", "--out",
                tmp.resolve("c").toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(tmp.resolve("c").resolve("loss.npy")))
                .isNotEqualTo(Files.readAllBytes(tmp.resolve("a").resolve("loss.npy")));
    }

    @Test
    void divergenceIsAResultNotACrash() throws IOException {
        Path out = tmp.resolve("blowup");
        JsonNode s = CliHarness.run("train", "--output", "linear", "--loss", "mse", "--lr", "50", "--steps",
                "1000", "--out", out.toString(), "--json").json();
        assertThat(s.get("status").asText()).isEqualTo("diverged");
        long t = s.get("divergedAtStep").asLong();
        assertThat(t).isBetween(1L, 999L);
        NpyReader.Array loss = NpyReader.read(out.resolve("loss.npy"));
        assertThat(loss.shape()).containsExactly(t + 1);
        assertThat(Double.isFinite(loss.data()[(int) t])).isFalse();
        assertThat(Double.isFinite(loss.data()[(int) t - 1])).isTrue();
        assertThat(s.get("finalLoss").asDouble()).isEqualTo(loss.data()[(int) t - 1]);
        assertThat(NpyReader.read(out.resolve("params.npy")).shape()[0]).isEqualTo(t);
        assertThat(Files.exists(out.resolve("summary.json"))).isTrue();
    }

    @Test
    void initFromContinuesExactlyWhereARunStopped() throws IOException {
        Path first = tmp.resolve("first");
        Path whole = tmp.resolve("whole");
        Path second = tmp.resolve("second");
        assertThat(CliHarness.run("train", "--steps", "100", "--lr", "0.5", "--out", first.toString()).exitCode())
                .isZero();
        assertThat(CliHarness.run("train", "--steps", "200", "--lr", "0.5", "--out", whole.toString()).exitCode())
                .isZero();
        assertThat(CliHarness.run("train", "--steps", "100", "--lr", "0.5", "--init-from",
                first.resolve("params.npy").toString(), "--out", second.toString()).exitCode()).isZero();
        double[] a = NpyReader.read(whole.resolve("loss.npy")).data();
        double[] b = NpyReader.read(second.resolve("loss.npy")).data();
        for (int t = 0; t <= 100; t++) {
            assertThat(b[t]).isEqualTo(a[100 + t]);
        }
    }

    @Test
    void helpListsEveryOptionWithoutFormattingWarnings() {
        CliHarness r = CliHarness.run("train", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out() + r.err()).doesNotContain("WARN");
        for (String option : new String[] {"--data", "--train", "--hidden", "--activation", "--output", "--loss",
            "--init", "--init-from", "--lr", "--steps", "--momentum", "--batch-size", "--record-every", "--json"}) {
            assertThat(r.out()).contains(option);
        }
    }

    @Test
    void jsonModePrintsOnlyJsonOnStdout() throws IOException {
        CliHarness r = CliHarness.run("train", "--steps", "5", "--out", tmp.resolve("j").toString(), "--json");
        JsonNode s = r.json();
        for (String key : new String[] {"status", "steps", "finalLoss", "trainAccuracy", "testAccuracy"}) {
            assertThat(s.has(key)).as(key).isTrue();
        }
    }

    @Test
    void optionsReachTheNetwork() throws IOException {
        JsonNode s = CliHarness.run("train", "--data", "moons:n=100,noise=0.05", "--hidden", "8,8",
                "--activation", "tanh", "--output", "sigmoid-normalized", "--loss", "mse", "--init", "glorot",
                "--momentum", "0.9", "--batch-size", "16", "--lr", "0.1", "--steps", "300", "--standardize",
                "--out", tmp.resolve("m").toString(), "--json").json();
        assertThat(s.get("parameters").asInt()).isEqualTo(2 * 8 + 8 + 8 * 8 + 8 + 8 * 2 + 2);
        assertThat(s.get("trainAccuracy").asDouble()).isGreaterThan(0.8);
    }

    @Test
    void linearLeastSquaresConvergesToTheNormalEquationsLoss() throws IOException {
        // --hidden none --output linear --loss mse is linear least squares; GD at a small η converges
        JsonNode s = CliHarness.run("train", "--hidden", "none", "--output", "linear", "--loss", "mse",
                "--standardize", "--lr", "0.5", "--steps", "20000", "--record-every", "1000",
                "--out", tmp.resolve("ls").toString(), "--json").json();
        double[] loss = NpyReader.read(tmp.resolve("ls").resolve("loss.npy")).data();
        assertThat(loss[20000]).isCloseTo(loss[19000], within(1e-12));
        assertThat(s.get("status").asText()).isEqualTo("ok");
    }
}
