package netdyn.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import netdyn.run.RunSpec;
import netdyn.sweep.Axis;
import netdyn.sweep.Axis.Setting;
import netdyn.sweep.LocalSweep;
import netdyn.sweep.Measures;
import netdyn.sweep.ResultStore;
import netdyn.sweep.SweepResult;
import netdyn.sweep.SweepSpec;
import netdyn.sweep.ValueRange;

/**
 * README "The same in Java", "A sweep and the atlas": the code there is the code here (checked line by line),
 * and it runs, from core alone: a small learning-rate sweep and the quick atlas.
 */
class SameInJavaTest {
    static final String BEGIN = "// README: A sweep and the atlas, begin";
    static final String END = "// README: A sweep and the atlas, end";

    @TempDir
    Path tmp;

    @Test
    void theReadmeSweepAndAtlasRunFromCoreAlone() {
        Path out = tmp;
        // README: A sweep and the atlas, begin
        // ./netdyn sweep --lr 0.01:10:log:8 --inits 2 --steps 500 --measure loss,accuracy,nmle,series --out out/lr-sweep
        SweepSpec sweep = new SweepSpec(RunSpec.study(1, 500),   // Iris, 4–10–3 sigmoid; η is the axis's
                List.of(Axis.numeric(Setting.LEARNING_RATE, ValueRange.parse("lr", "0.01:10:log:8"))),
                2, 4, 1e-8, Measures.parse("loss,accuracy,nmle,series"), 64, 0.9);  // inits, replicas, ε, measures, tail, target
        SweepResult result = LocalSweep.run(sweep, out.resolve("lr-sweep"));   // run it again: only missing tasks run
        LearningRateGroups byEta = LearningRateGroups.of(result.rows());       // one row per task, as in results.jsonl
        String[] regimes = byEta.majorityRegime();                             // the regime of most inits, per η
        double onset = byEta.onsetOfChaos();                                   // first η whose mean nMLE exceeds 0.01

        // ./netdyn atlas --quality quick --out out/atlas, without the page
        AtlasPlan plan = AtlasPlan.of(RunSpec.study(1, 1), AtlasQuality.QUICK);  // steps and η come from the plan
        AtlasResult atlas = Atlas.run(plan, out.resolve("atlas"));   // out/atlas/lr, spectrum, trainability, trainability-zoom
        AtlasFindings found = atlas.findings();
        double onsetOfChaos = found.onsetOfChaos();                  // from the tangent λ₁ of the learning-rate part
        String[] regimeByEta = found.majorityRegime();               // along found.learningRates().eta()
        BoundaryWindow zoom = found.zoomWindow();                    // where the map's trained and untrained cells mix most
        // README: A sweep and the atlas, end

        assertThat(result.complete()).isTrue();
        assertThat(result.rows()).hasSize(16);
        assertThat(regimes).hasSize(8).doesNotContain("");
        assertThat(regimes[0]).as("η = 0.01 for 500 steps is still on its way down").isIn("slow convergence",
                "plateau", "converged");
        assertThat(Double.isNaN(onset) || onset > 0.1).as("no chaos at small η").isTrue();
        assertThat(LocalSweep.run(sweep, out.resolve("lr-sweep")).ran()).as("resumed: nothing left").isZero();

        assertThat(atlas.stopped()).isFalse();
        for (AtlasPart part : AtlasPart.values()) {
            assertThat(atlas.part(part).complete()).as(part.name()).isTrue();
            assertThat(out.resolve("atlas").resolve(part.directory()).resolve(ResultStore.FILE)).exists();
        }
        assertThat(atlas.part(AtlasPart.LEARNING_RATES).rows()).hasSize(12 * 2);
        // the study's three regimes along η, and the onset of chaos where the CLI's quick atlas finds it
        assertThat(regimeByEta).hasSize(12).contains("edge of stability");
        assertThat(Arrays.asList(regimeByEta)).containsAnyOf("chaotic", "intermittent");
        assertThat(onsetOfChaos).isBetween(0.1, 5.0);
        assertThat(zoom.hiddenFrom()).isGreaterThanOrEqualTo(0.05).isLessThan(zoom.hiddenTo());
        assertThat(zoom.outputFrom()).isGreaterThanOrEqualTo(0.05).isLessThan(zoom.outputTo());
        assertThat(zoom.hiddenTo()).isLessThanOrEqualTo(50);
        long trained = atlas.part(AtlasPart.ZOOM).rows().stream()
                .filter(r -> Trainability.of(r) == Trainability.TRAINED).count();
        assertThat(trained).as("the zoom holds the boundary").isBetween(1L, (long) 12 * 12 - 1);
        assertThat(Atlas.run(plan, out.resolve("atlas")).findings().zoomWindow()).as("resumed").isEqualTo(zoom);
    }

    @Test
    void theReadmeShowsThisCode() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int heading = readme.indexOf("### A sweep and the atlas");
        assertThat(heading).as("README section").isPositive();
        int open = readme.subList(heading, readme.size()).indexOf("```java") + heading;
        int close = readme.subList(open + 1, readme.size()).indexOf("```") + open + 1;
        List<String> shown = readme.subList(open + 1, close);
        assertThat(shown.get(0)).isEqualTo("Path out = Path.of(\"out\");");

        String source = Files.readString(Path.of("src", "test", "java", "netdyn", "atlas",
                "SameInJavaTest.java"), StandardCharsets.UTF_8);
        List<String> tested = source.substring(source.lastIndexOf(BEGIN) + BEGIN.length(), source.lastIndexOf(END))
                .lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> readmeCode = shown.subList(1, shown.size()).stream().map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
        assertThat(readmeCode).containsExactlyElementsOf(tested);
    }
}
