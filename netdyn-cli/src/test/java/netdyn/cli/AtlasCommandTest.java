package netdyn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import netdyn.atlas.Atlas;
import netdyn.atlas.AtlasFindings;
import netdyn.atlas.AtlasPart;
import netdyn.atlas.AtlasPlan;
import netdyn.atlas.AtlasQuality;
import netdyn.atlas.AtlasResult;
import netdyn.atlas.BoundaryWindow;
import netdyn.atlas.RegimeMajority;
import netdyn.atlas.Trainability;
import netdyn.cli.report.AtlasReport;
import netdyn.cli.report.ReportPages;
import netdyn.cli.report.SweepRows;
import netdyn.run.RunSpec;
import netdyn.sweep.ResultStore;

/** {@code netdyn atlas --quality quick}, the report it writes, resuming it, and {@code netdyn report} on other dirs. */
class AtlasCommandTest {
    @TempDir
    static Path tmp;
    static Path atlas;
    static JsonNode summary;

    @BeforeAll
    static void runQuickAtlas() throws Exception {
        atlas = tmp.resolve("atlas");
        summary = CliHarness.run("atlas", "--quality", "quick", "--out", atlas.toString(), "--json").json();
    }

    @Test
    void theQuickAtlasShowsTheStudysThreeRegimes() {
        JsonNode regimes = summary.get("regimes");
        List<String> seen = new ArrayList<>();
        regimes.fieldNames().forEachRemaining(seen::add);
        // small η: (slow) convergence; η ≈ 1: edge of stability; large η: periodic / intermittent / chaotic
        assertThat(seen).containsAnyOf("slow convergence", "converged");
        assertThat(seen).contains("edge of stability");
        assertThat(seen).containsAnyOf("chaotic", "intermittent");
        double onset = summary.get("onsetOfChaos").asDouble();
        assertThat(onset).as("the maximal exponent turns positive between η = 0.1 and 5").isBetween(0.1, 5.0);
    }

    @Test
    void thePageHoldsEveryAtlasFigureAndLinksOnlyToFilesThatExist() throws Exception {
        String html = Files.readString(atlas.resolve("index.html"));
        assertThat(html).contains("The same for one weight");
        for (String section : List.of("Regimes across learning rates", "Bifurcation diagram", "Lyapunov exponents",
                "Edge of stability", "Loss, accuracy and speed", "Representative runs", "Trainability map")) {
            assertThat(html).contains(section);
        }
        assertThat(summary.get("figures").asInt()).isGreaterThanOrEqualTo(12);
        assertThat(html).doesNotContain("http://www.w3.org/1999/xlink\" href=\"http").doesNotContain("src=\"http");
        var links = java.util.regex.Pattern.compile("href=\"([^\"#][^\"]*)\"").matcher(html);
        int n = 0;
        while (links.find()) {
            String target = links.group(1);
            if (!target.startsWith("http")) {
                assertThat(atlas.resolve(target)).as(target).exists();
                n++;
            }
        }
        assertThat(n).isGreaterThan(5);
    }

    @Test
    void theZoomWindowLiesInsideTheMapAndOnItsBoundary() throws Exception {
        JsonNode w = summary.get("zoomWindow");
        double h0 = w.get("lrHidden").get(0).asDouble();
        double h1 = w.get("lrHidden").get(1).asDouble();
        assertThat(h0).isGreaterThanOrEqualTo(0.05).isLessThan(h1);
        assertThat(h1).isLessThanOrEqualTo(50);
        SweepRows zoom = SweepRows.read(atlas.resolve(ReportPages.ZOOM));
        long trained = zoom.rows.stream().filter(r -> Trainability.of(r) == Trainability.TRAINED).count();
        assertThat(trained).as("both trained and untrained cells in the zoom").isBetween(1L,
                (long) zoom.rows.size() - 1);
    }

    @Test
    void theAtlasFromJavaHasTheCommandsRowsAndFindings() {
        AtlasResult java = Atlas.run(AtlasPlan.of(RunSpec.study(1, 1), AtlasQuality.QUICK), tmp.resolve("java-atlas"));
        for (AtlasPart part : AtlasPart.values()) {
            ResultStore.Snapshot command = ResultStore.read(atlas.resolve(part.directory()).resolve(ResultStore.FILE));
            assertThat(java.part(part).lines()).as(part.name()).isEqualTo(command.lines());
            assertThat(ResultStore.read(tmp.resolve("java-atlas").resolve(part.directory()).resolve(ResultStore.FILE))
                    .settings()).isEqualTo(command.settings());
        }
        AtlasFindings found = java.findings();
        assertThat(found.onsetOfChaos()).isEqualTo(summary.get("onsetOfChaos").asDouble());
        JsonNode w = summary.get("zoomWindow");
        assertThat(found.zoomWindow()).isEqualTo(new BoundaryWindow(w.get("lrHidden").get(0).asDouble(),
                w.get("lrHidden").get(1).asDouble(), w.get("lrOutput").get(0).asDouble(),
                w.get("lrOutput").get(1).asDouble()));
        Map<String, Long> regimes = new LinkedHashMap<>();
        summary.get("regimes").properties().forEach(e -> regimes.put(e.getKey(), e.getValue().asLong()));
        assertThat(found.regimes()).containsExactlyEntriesOf(regimes);
    }

    @Test
    void runningItAgainResumesEveryPartWithoutRecomputing() throws Exception {
        String before = Files.readString(atlas.resolve(ReportPages.LR).resolve("results.csv"));
        CliHarness again = CliHarness.run("atlas", "--quality", "quick", "--out", atlas.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("resuming").contains("0 to run");
        assertThat(Files.readString(atlas.resolve(ReportPages.LR).resolve("results.csv"))).isEqualTo(before);
    }

    @Test
    void anotherConfigurationInTheSameDirectoryIsRefused() throws Exception {
        String store = Files.readString(atlas.resolve(ReportPages.LR).resolve("store.jsonl"));
        CliHarness.run("atlas", "--quality", "quick", "--steps-not-an-option").assertBadInput("--steps-not-an-option");
        CliHarness.run("atlas", "--quality", "quick", "--hidden", "5", "--out", atlas.toString())
                .assertBadInput("hidden", "--force");
        assertThat(Files.readString(atlas.resolve(ReportPages.LR).resolve("store.jsonl"))).isEqualTo(store);
    }

    @Test
    void aWeightIndexOutsideThetaIsBadInput() {
        CliHarness.run("sweep", "--lr", "1", "--inits", "1", "--steps", "20", "--tail-weight", "83", "--out",
                tmp.resolve("tw").toString()).assertBadInput("--tail-weight 83", "P = 83");
        assertThat(tmp.resolve("tw")).doesNotExist();
    }

    @Test
    void badQualityIsBadInput() {
        CliHarness.run("atlas", "--quality", "best", "--out", tmp.resolve("x").toString())
                .assertBadInput("--quality", "quick, default, high");
    }

    @Test
    void reportOfATrainRunDrawsItsFiguresAndLinksItsPngs() throws Exception {
        Path run = tmp.resolve("train");
        CliHarness.run("train", "--lr", "0.5", "--steps", "200", "--out", run.toString(), "--json").json();
        JsonNode r = CliHarness.run("report", run.toString(), "--json").json();
        assertThat(r.get("kind").asText()).isEqualTo("train run");
        String html = Files.readString(run.resolve("index.html"));
        // loss, accuracy, approach, final Hessian spectrum: drawn as SVG; the PNG stays a file, linked
        assertThat(r.get("figures").asInt()).isEqualTo(4);
        assertThat(html).contains("href=\"approach.png\"").contains("href=\"loss.npy\"").contains("finalLoss")
                .contains("hessian-final.npy");
    }

    @Test
    void reportRefusesDirectoriesWithoutResults() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CliHarness.run("report", empty.toString()).assertBadInput("report", "no netdyn results");
        CliHarness.run("report", tmp.resolve("missing").toString()).assertBadInput("not a directory");
        Path sweep = Files.createDirectories(tmp.resolve("unfinished"));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("steps", "10");
        ResultStore.open(sweep.resolve("store.jsonl"), settings).close();
        CliHarness.run("report", sweep.toString()).assertBadInput("no finished tasks");
    }

    @Test
    void thePageColoursTheRegimesInTheOrderCoreBreaksTiesIn() {
        assertThat(AtlasReport.REGIME_COLORS.keySet()).containsExactlyElementsOf(RegimeMajority.ORDER);
        assertThat(AtlasReport.TRAINABILITY_COLORS).hasSize(Trainability.values().length);
    }
}
