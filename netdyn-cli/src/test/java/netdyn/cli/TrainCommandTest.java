package netdyn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import netdyn.analysis.ApproachFit;
import netdyn.cli.io.Json;
import netdyn.cli.io.NpyReader;
import netdyn.curvature.HessianSpectrum;
import netdyn.data.DataSources;
import netdyn.data.Dataset;
import netdyn.data.Standardizer;
import netdyn.nn.Batch;
import netdyn.nn.MlpEvaluator;
import netdyn.nn.MlpSpec;

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
        // the fits are those of approach.npy's columns over the middle 80 % of the run, the better by AIC
        NpyReader.Array approach = NpyReader.read(out.resolve("approach.npy"));
        assertThat(approach.shape()).containsExactly(201, 3);
        double[] t = column(approach, 0);
        for (String[] fit : new String[][] {{"toFinal", "1"}, {"toLateAverage", "2"}}) {
            ApproachFit expected = ApproachFit.of(t, column(approach, Integer.parseInt(fit[1])), 200, 1800);
            JsonNode f = s.get("approach").get(fit[0]);
            assertThat(f.get("points").asInt()).as(fit[0]).isEqualTo(expected.points()).isEqualTo(161);
            assertThat(f.get("exponentialRate").asDouble()).as(fit[0]).isEqualTo(expected.rate());
            assertThat(f.get("powerLawExponent").asDouble()).as(fit[0]).isEqualTo(expected.powerExponent());
            assertThat(f.get("better").asText()).as(fit[0]).isEqualTo(
                    f.get("aicPowerLaw").asDouble() < f.get("aicExponential").asDouble() ? "power law" : "exponential");
        }
        // the final Hessian is that of θ(T), the last row of params.npy, on the training set
        NpyReader.Array params = NpyReader.read(out.resolve("params.npy"));
        double[] thetaT = java.util.Arrays.copyOfRange(params.data(), 200 * 83, 201 * 83);
        Batch train = Batch.of(DataSources.load("iris", null, null).split(120).train());
        HessianSpectrum expected = HessianSpectrum.of(new MlpEvaluator(MlpSpec.study(4, 3), train.size()), thetaT,
                train, HessianSpectrum.DEFAULT_TOLERANCE);
        JsonNode h = s.get("finalHessian");
        assertThat(h.get("max").asDouble()).isEqualTo(expected.max());
        assertThat(h.get("min").asDouble()).isEqualTo(expected.eigenvalues()[82]);
        assertThat(h.get("negative").asInt()).isEqualTo(expected.negative());
        assertThat(h.get("nearZero").asInt()).isEqualTo(expected.nearZero())
                .as("softmax: output biases together, and each hidden unit's 3 outgoing weights together, are flat")
                .isGreaterThanOrEqualTo(11);
        assertThat(Files.size(out.resolve("approach.png"))).isGreaterThan(1000);
    }

    private static double[] column(NpyReader.Array a, int c) {
        int rows = (int) a.shape()[0];
        int cols = (int) a.shape()[1];
        double[] v = new double[rows];
        for (int r = 0; r < rows; r++) {
            v[r] = a.data()[r * cols + c];
        }
        return v;
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
        assertThat(s.get("status").asText()).isEqualTo("ok");
        // the minimum of (1/N) Σ ½‖[x, 1] B − y‖² from the normal equations (X̃ᵀX̃) B = X̃ᵀY, solved here
        Dataset train = DataSources.load("iris", null, null).split(120).train();
        Dataset z = Standardizer.fit(train).apply(train);
        int n = z.size();
        int f = z.featureCount() + 1;
        int k = z.classCount();
        double[][] a = new double[f][f + k]; // [X̃ᵀX̃ | X̃ᵀY]
        for (int r = 0; r < n; r++) {
            double[] x = java.util.Arrays.copyOf(z.features()[r], f);
            x[f - 1] = 1;
            for (int i = 0; i < f; i++) {
                for (int j = 0; j < f; j++) {
                    a[i][j] += x[i] * x[j];
                }
                a[i][f + z.labels()[r]] += x[i];
            }
        }
        double[][] b = solve(a, f, k);
        double minimum = 0;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < k; c++) {
                double e = b[f - 1][c] - (z.labels()[r] == c ? 1 : 0);
                for (int i = 0; i < f - 1; i++) {
                    e += z.features()[r][i] * b[i][c];
                }
                minimum += 0.5 * e * e / n;
            }
        }
        assertThat(s.get("finalLoss").asDouble()).isCloseTo(minimum, within(1e-12));
        double[] loss = NpyReader.read(tmp.resolve("ls").resolve("loss.npy")).data();
        assertThat(loss[0]).isGreaterThan(minimum + 0.1);
    }

    /** Gauss–Jordan elimination with partial pivoting of [A | R] (A f × f): returns A⁻¹R, f × k. */
    private static double[][] solve(double[][] m, int f, int k) {
        for (int c = 0; c < f; c++) {
            int pivot = c;
            for (int r = c + 1; r < f; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] swap = m[c];
            m[c] = m[pivot];
            m[pivot] = swap;
            for (int r = 0; r < f; r++) {
                if (r != c) {
                    double q = m[r][c] / m[c][c];
                    for (int j = c; j < f + k; j++) {
                        m[r][j] -= q * m[c][j];
                    }
                }
            }
        }
        double[][] x = new double[f][k];
        for (int i = 0; i < f; i++) {
            for (int j = 0; j < k; j++) {
                x[i][j] = m[i][f + j] / m[i][i];
            }
        }
        return x;
    }
}
