package netdyn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import netdyn.cli.io.NpyReader;
import netdyn.cli.report.ReportPages;
import netdyn.cli.report.SweepRows;
import netdyn.sweep.ResultRows;

/**
 * {@code netdyn atlas --preset followup}: the follow-up study's protocol on the bundled MNIST digits, shrunk to
 * 60 training digits and two learning rates so that it runs in seconds; the 784–64–10 tanh network itself.
 */
class FollowupAtlasTest {
    @TempDir
    static Path tmp;
    static Path atlas;
    static JsonNode summary;

    @BeforeAll
    static void runSmallFollowup() throws Exception {
        atlas = tmp.resolve("followup");
        summary = CliHarness.run("atlas", "--preset", "followup", "--quality", "quick", "--train", "60", "--test",
                "100", "--lr", "1,10", "--inits", "2", "--out", atlas.toString(), "--json").json();
    }

    @Test
    void itTrainsTheFollowupsNetworkOnRealDigits() throws Exception {
        Map<String, Object> manifest = ReportPages.readJson(atlas.resolve("manifest.json"));
        assertThat(manifest.get("preset")).isEqualTo("followup");
        assertThat(String.valueOf(manifest.get("title"))).isEqualTo("mnist, 784-64-10 tanh network");
        assertThat(String.valueOf(manifest.get("facts"))).contains("mnist (60 train, 100 test samples)")
                .contains("2 inits × 5 perturbed replicas").contains("201 steps").contains("top 3 exponents");
        assertThat(atlas.resolve("trainability")).doesNotExist();
        SweepRows lr = SweepRows.read(atlas.resolve(ReportPages.LR));
        assertThat(lr.rows).hasSize(4);
        for (Map<String, Object> r : lr.rows) {
            assertThat(r).containsKeys("nmle", "nmleShort", "nmleShortPassed", "nmleShortEnd", "stepsToTarget");
            // the recorded series gives the row's step to the target: its first step at or above 0.7
            double[] acc = NpyReader.read(atlas.resolve(ReportPages.LR).resolve(String.format(
                    "tasks/task-%06d-testAccuracy.npy", (int) ResultRows.number(r, "task")))).data();
            assertThat(acc).hasSize(202);
            int first = -1;
            for (int t = 0; t < acc.length && first < 0; t++) {
                if (acc[t] >= 0.7) {
                    first = t;
                }
            }
            assertThat(ResultRows.number(r, "stepsToTarget")).isEqualTo(first);
            assertThat(ResultRows.number(r, "testAccuracy")).isEqualTo(acc[201]);
        }
        SweepRows spectrum = SweepRows.read(atlas.resolve(ReportPages.SPECTRUM));
        assertThat(spectrum.rows).hasSize(2);
        for (Map<String, Object> r : spectrum.rows) {
            assertThat((double[]) r.get("spectrum")).hasSize(3);
            assertThat(r).containsKey("lambdaTwin");
        }
    }

    @Test
    void thePageShowsSpeedAgainstChaos() throws Exception {
        String html = Files.readString(atlas.resolve("index.html"));
        for (String part : new String[] {"Steps to reach the target test accuracy", "Test accuracy along training",
                "Top 3 Lyapunov exponents", "short-phase nMLE", "tangent λ₁ (QR), init 0"}) {
            assertThat(html).contains(part);
        }
        assertThat(html).doesNotContain("Trainability map");
        assertThat(summary.has("zoomWindow")).isFalse();
        assertThat(summary.has("onsetOfChaos")).isTrue();
    }

    @Test
    void badSizesAreBadInput() {
        CliHarness.run("atlas", "--preset", "followup", "--inits", "0", "--out", tmp.resolve("i").toString())
                .assertBadInput("--inits must be >= 1 (got 0)");
        CliHarness.run("atlas", "--preset", "followup", "--test", "9001", "--out", tmp.resolve("t").toString())
                .assertBadInput("--test must be at most 9000, the size of the rows of mnist after the 1000 training "
                        + "rows (got 9001)");
        CliHarness.run("atlas", "--preset", "paper", "--out", tmp.resolve("p").toString())
                .assertBadInput("--preset must be one of study, followup (got 'paper')");
        assertThat(tmp.resolve("i")).doesNotExist();
        assertThat(tmp.resolve("t")).doesNotExist();
    }

    @Test
    void aMissingFashionMnistNamesItsPackage() {
        String key = "netdyn.data.fashion-mnist";
        System.setProperty(key, tmp.resolve("no-such-folder").toString());
        try {
            CliHarness.run("atlas", "--preset", "followup", "--data", "fashion-mnist", "--out",
                    tmp.resolve("f").toString()).assertBadInput("--data fashion-mnist", "dataset-fashion-mnist");
        } finally {
            System.clearProperty(key);
        }
        assertThat(tmp.resolve("f")).doesNotExist();
    }
}
