package netdyn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import netdyn.atlas.DeepZoom;
import netdyn.cli.io.Json;
import netdyn.run.RunSpec;
import netdyn.sweep.Axis;
import netdyn.sweep.Axis.Setting;
import netdyn.sweep.LocalSweep;
import netdyn.sweep.Measures;
import netdyn.sweep.ResultStore;
import netdyn.sweep.SweepSpec;
import netdyn.sweep.ValueRange;

/** netdyn sweep --deep-zoom: levels as sweeps, windows as core chooses them, resumable, its bad inputs. */
class DeepZoomCommandTest {
    @TempDir
    Path tmp;

    private static final String[] ZOOM = {"sweep", "--lr-hidden", "0.5:50:log:17", "--lr-output", "0.5:50:log:17",
        "--steps", "60", "--measure", "loss", "--deep-zoom", "3", "--zoom-factor", "4"};

    private static String[] with(String[] base, String... more) {
        String[] a = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, a, base.length, more.length);
        return a;
    }

    @Test
    void everyLevelIsAMapOfItsWindowWithItsDimensionAndJavaChoosesTheSameWindows() throws IOException {
        Path out = tmp.resolve("zoom");
        JsonNode s = CliHarness.run(with(ZOOM, "--out", out.toString(), "--json")).json();
        JsonNode levels = s.get("levels");
        assertThat(levels.size()).as("ended: %s", s.get("ended")).isEqualTo(3);
        double firstWidth = Math.log10(levels.get(0).get("outputRates").get(1).asDouble()
                / levels.get(0).get("outputRates").get(0).asDouble());
        for (int k = 0; k < 3; k++) {
            JsonNode l = levels.get(k);
            Path level = out.resolve(DeepZoom.directory(k));
            assertThat(level.resolve(ResultStore.FILE)).exists();
            JsonNode summary = Json.mapper().readTree(level.resolve("summary.json").toFile());
            assertThat(summary.get("tasks").asInt()).as("one init per cell by default").isEqualTo(17 * 17);
            // the level's own sweep summary carries the same dimension as the zoom's
            assertThat(summary.get("boundaryDimension").get("boundaryDimension").asDouble())
                    .isEqualTo(l.get("boundaryDimension").asDouble());
            double width = Math.log10(l.get("outputRates").get(1).asDouble() / l.get("outputRates").get(0).asDouble());
            assertThat(width / firstWidth).isCloseTo(Math.pow(4, -k), within(1e-9));
            assertThat(l.get("scale").asDouble()).isEqualTo(Math.pow(4, -k));
            assertThat(l.get("unconvergedFraction").asDouble()).isStrictlyBetween(0.0, 1.0);
            assertThat(l.get("boundaryDimension").asDouble()).isBetween(0.8, 2.05);
            assertThat(l.get("boxSizes").size()).isEqualTo(3); // 16 blocks per side: boxes of 1, 2, 4
        }
        assertThat(Files.readAllLines(out.resolve("zoom.csv"))).hasSize(4);
        assertThat(Files.readString(out.resolve("index.html"))).contains("Dimension against scale", "Level 2");

        // the same zoom from Java: the same windows and the same rows, level by level
        SweepSpec first = new SweepSpec(RunSpec.study(1, 60), java.util.List.of(
                Axis.numeric(Setting.HIDDEN_RATE, ValueRange.parse("h", "0.5:50:log:17")),
                Axis.numeric(Setting.OUTPUT_RATE, ValueRange.parse("o", "0.5:50:log:17"))), 1, 4, 1e-8,
                Measures.parse("loss"), 64, 0.9);
        Path java = tmp.resolve("java");
        DeepZoom.Result zoom = DeepZoom.run(first, 3, 4, (k, sweep) -> LocalSweep.of(sweep)
                .run(java.resolve(DeepZoom.directory(k)), LocalSweep.Options.defaults()));
        for (int k = 0; k < 3; k++) {
            // rows arrive in the order tasks finish; each task's line is the same
            assertThat(Files.readAllLines(java.resolve(DeepZoom.directory(k)).resolve(ResultStore.FILE)))
                    .containsExactlyInAnyOrderElementsOf(Files.readAllLines(out.resolve(DeepZoom.directory(k))
                            .resolve(ResultStore.FILE)));
            assertThat(zoom.levels().get(k).dimension().dimension())
                    .isEqualTo(levels.get(k).get("boundaryDimension").asDouble());
        }

        // run again: every level resumes complete, nothing is computed, the same windows
        JsonNode again = CliHarness.run(with(ZOOM, "--out", out.toString(), "--json")).json();
        for (int k = 0; k < 3; k++) {
            assertThat(again.get("levels").get(k).get("outputRates")).isEqualTo(levels.get(k).get("outputRates"));
            JsonNode summary = Json.mapper().readTree(out.resolve(DeepZoom.directory(k)).resolve("summary.json")
                    .toFile());
            assertThat(summary.get("ran").asInt()).isZero();
        }
        // other settings in the same directory are refused
        CliHarness.run(with(ZOOM, "--out", out.toString(), "--steps", "61")).assertBadInput("other settings",
                "steps");
    }

    @Test
    void aPresetIsHisNetworkOnHisDataWithTheRatesOfTheCommandLine() throws IOException {
        Path out = tmp.resolve("preset");
        JsonNode s = CliHarness.run("sweep", "--preset", "sohl-dickstein-identity", "--lr-hidden", "0.01:100:log:17",
                "--lr-output", "0.01:100:log:17", "--steps", "40", "--out", out.toString(), "--json").json();
        assertThat(s.get("tasks").asInt()).isEqualTo(289);
        assertThat(s.get("boundaryDimension").has("boundaryDimension")).isTrue();
        JsonNode settings = Json.mapper().readTree(out.resolve("manifest.json").toFile()).get("settings");
        assertThat(settings.get("data").asText()).isEqualTo("gaussian:n=16,d=16,outputs=1,seed=0");
        assertThat(settings.get("hidden").asText()).isEqualTo("16");
        assertThat(settings.get("activation").asText()).isEqualTo("linear");
        assertThat(settings.get("loss").asText()).isEqualTo("mse");
        assertThat(settings.get("bias-init").asText()).isEqualTo("none");
        assertThat(settings.get("init").asText()).isEqualTo("normal:0.25,0.0625");
        assertThat(settings.get("tail").asText()).isEqualTo("20");
        // the same sweep spelled out with the network options
        Path spelled = tmp.resolve("spelled");
        CliHarness.run("sweep", "--data", "gaussian:n=16,d=16", "--hidden", "16", "--activation", "linear",
                "--output", "linear", "--loss", "mse", "--init", "normal:0.25,0.0625", "--bias-init", "none",
                "--lr-hidden", "0.01:100:log:17", "--lr-output", "0.01:100:log:17", "--steps", "40", "--inits", "1",
                "--tail", "20", "--measure", "loss", "--out", spelled.toString(), "--json").json();
        assertThat(Files.readAllLines(spelled.resolve("results.csv")))
                .isEqualTo(Files.readAllLines(out.resolve("results.csv")));
    }

    @Test
    void badInputIsOneLineWithExitTwoAndNoDirectory() {
        Path out = tmp.resolve("bad");
        String[] map = {"sweep", "--lr-hidden", "0.5:50:log:17", "--lr-output", "0.5:50:log:17", "--steps", "20",
            "--measure", "loss", "--out", out.toString()};
        CliHarness.run(with(map, "--deep-zoom", "0")).assertBadInput("--deep-zoom must be >= 1");
        CliHarness.run(with(map, "--deep-zoom", "2", "--zoom-factor", "1")).assertBadInput("--zoom-factor");
        CliHarness.run(with(map, "--deep-zoom", "2", "--shard", "1/2")).assertBadInput("--shard", "deep zoom");
        CliHarness.run("sweep", "--lr", "0.1,1", "--deep-zoom", "2", "--out", out.toString())
                .assertBadInput("--deep-zoom needs a trainability map");
        CliHarness.run("sweep", "--lr-hidden", "0.5:50:log:9", "--lr-output", "0.5:50:log:9", "--deep-zoom", "2",
                "--out", out.toString()).assertBadInput("--lr-hidden", "at least 17");
        CliHarness.run("sweep", "--lr-hidden", "0.5:50:log:17", "--lr-output", "0.5:50:log:21", "--deep-zoom", "2",
                "--out", out.toString()).assertBadInput("as many hidden as output");
        CliHarness.run("sweep", "--preset", "sohl-dickstein-tanh", "--data", "iris", "--out", out.toString())
                .assertBadInput("--data: --preset sohl-dickstein-tanh fixes");
        CliHarness.run("sweep", "--preset", "mandelbrot", "--out", out.toString())
                .assertBadInput("--preset", "unknown preset 'mandelbrot'", "sohl-dickstein-relu");
        CliHarness.run("train", "--init", "normal:1,2,3", "--out", out.toString())
                .assertBadInput("--init", "3 scales for a network of 2 layers");
        CliHarness.run("train", "--bias-init", "none,1", "--out", out.toString()).assertBadInput("--bias-init");
        CliHarness.run("train", "--data", "gaussian:n=0", "--out", out.toString()).assertBadInput("--data",
                "whole numbers >= 1");
        CliHarness.run("train", "--data", "gaussian:k=3", "--out", out.toString()).assertBadInput("--data",
                "unknown parameter 'k'");
        assertThat(out).doesNotExist();
    }
}
