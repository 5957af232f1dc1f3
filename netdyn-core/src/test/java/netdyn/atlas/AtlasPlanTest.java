package netdyn.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import netdyn.BadInputException;
import netdyn.run.RunSpec;
import netdyn.sweep.Measures;
import netdyn.sweep.SweepResult;
import netdyn.sweep.SweepSpec;
import netdyn.sweep.ValueRange;

class AtlasPlanTest {
    static final RunSpec BASE = RunSpec.study(1, 1).withSeed(7);

    @Test
    void qualityLevelsAreNamedAsOnTheCommandLine() {
        assertThat(AtlasQuality.parse("quick")).isEqualTo(AtlasQuality.QUICK);
        assertThat(AtlasQuality.parse(" default ")).isEqualTo(AtlasQuality.DEFAULT);
        assertThat(AtlasQuality.parse("high").id()).isEqualTo("high");
        assertThatThrownBy(() -> AtlasQuality.parse("best")).isInstanceOfSatisfying(BadInputException.class, e -> {
            assertThat(e.parameter()).isEqualTo("quality");
            assertThat(e.getMessage()).contains("quick, default, high").contains("'best'").doesNotContain("--");
        });
        assertThat(AtlasQuality.DEFAULT.learningRates()).isEqualTo(48);
        assertThat(AtlasQuality.DEFAULT.mapSide()).isEqualTo(64);
    }

    @Test
    void theFourPartsAreSweepsOfTheBaseSizedByTheQuality() {
        AtlasQuality q = AtlasQuality.QUICK;
        AtlasPlan plan = AtlasPlan.of(BASE, q);
        assertThat(plan.learningRateGrid()).isEqualTo("0.001:20:log:12");
        assertThat(plan.defaultLearningRates()).isTrue();

        SweepSpec lr = plan.learningRateSweep();
        assertThat(lr.axes()).hasSize(1);
        assertThat(lr.axes().get(0).name()).isEqualTo("lr");
        assertThat(lr.axes().get(0).size()).isEqualTo(12);
        assertThat(lr.axes().get(0).values().get(0)).isEqualTo("0.001");
        assertThat(lr.axes().get(0).values().get(11)).isEqualTo("20.0");
        assertThat(lr.inits()).isEqualTo(q.inits());
        assertThat(lr.replicas()).isEqualTo(q.replicas());
        assertThat(lr.steps()).isEqualTo(q.steps());
        assertThat(lr.measures()).isEqualTo(Measures.parse(Measures.DEFAULT));
        assertThat(lr.tailWeight()).isZero();
        assertThat(lr.seed()).isEqualTo(7);
        assertThat(lr.base().data()).isEqualTo(BASE.data());

        SweepSpec spectra = plan.sweep(AtlasPart.SPECTRA);
        assertThat(spectra.taskCount()).isEqualTo(12);
        assertThat(spectra.steps()).isEqualTo(q.spectrumSteps());
        assertThat(spectra.measures().spectrumK()).isEqualTo(Measures.ALL);
        assertThat(spectra.axes()).isEqualTo(lr.axes());

        SweepSpec map = plan.mapSweep();
        assertThat(map.taskCount()).isEqualTo(q.mapSide() * q.mapSide());
        assertThat(map.axes().get(0).name()).isEqualTo("lr-hidden");
        assertThat(map.axes().get(1).name()).isEqualTo("lr-output");
        assertThat(map.axes().get(1).values()).isEqualTo(map.axes().get(0).values());
        assertThat(map.axes().get(0).values().get(0)).isEqualTo("0.05");
        assertThat(map.axes().get(0).values().get(q.mapSide() - 1)).isEqualTo("50.0");
        assertThat(map.steps()).isEqualTo(q.mapSteps());
        assertThat(map.measures()).isEqualTo(Measures.parse("loss"));
        assertThat(map.tailWeight()).isEqualTo(-1);

        BoundaryWindow w = new BoundaryWindow(0.5, 2, 3, 12);
        SweepSpec zoom = plan.zoomSweep(w);
        assertThat(zoom.axes().get(0).values()).containsExactly(toText(ValueRange.parse("x", "0.5:2.0:log:12")));
        assertThat(zoom.axes().get(1).values()).containsExactly(toText(ValueRange.parse("x", "3.0:12.0:log:12")));
        assertThatThrownBy(() -> plan.sweep(AtlasPart.ZOOM)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String[] toText(double[] v) {
        String[] s = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = Double.toString(v[i]);
        }
        return s;
    }

    @Test
    void settingsAreTheBasesWithTheGridTheQualityAndTheSeed() {
        AtlasPlan plan = AtlasPlan.of(BASE, AtlasQuality.HIGH).withLearningRates("0.1, 1,10");
        assertThat(plan.defaultLearningRates()).isFalse();
        assertThat(plan.etas()).containsExactly(0.1, 1, 10);
        Map<String, String> expected = new LinkedHashMap<>(BASE.settings());
        expected.put("lr", "0.1, 1,10");
        expected.put("quality", "high");
        expected.put("seed", "7");
        assertThat(plan.settings()).containsExactlyEntriesOf(expected);
        assertThat(AtlasPlan.of(BASE.withHidden(5), AtlasQuality.HIGH).settings().get("hidden")).isEqualTo("5");
    }

    @Test
    void aBadLearningRateFailsWhenThePlanIsMadeNamingTheParameter() {
        assertThatThrownBy(() -> AtlasPlan.of(BASE, AtlasQuality.QUICK).withLearningRates("0.1,-1"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.parameter())
                        .isEqualTo("learningRate"));
        assertThatThrownBy(() -> AtlasPlan.of(BASE, AtlasQuality.QUICK).withLearningRates("1:2:x:3"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("learningRates");
    }

    @Test
    void theZoomIsTheWindowTheMapsRowsDecideAndAStoppedPartEndsTheAtlas() {
        AtlasPlan plan = AtlasPlan.of(BASE, AtlasQuality.QUICK);
        int n = AtlasQuality.QUICK.mapSide();
        List<AtlasPart> ran = new ArrayList<>();
        List<SweepSpec> specs = new ArrayList<>();
        // parts that "run" by returning rows: every η stable; the map trains in one cell only
        AtlasResult r = Atlas.run(plan, (part, sweep) -> {
            ran.add(part);
            specs.add(sweep);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < sweep.taskCount(); i++) {
                Map<String, Object> row = new LinkedHashMap<>(sweep.rowValues(sweep.task(i)));
                row.put("task", (long) i);
                row.put("status", "ok");
                row.put("initialLoss", 1.0);
                boolean trained = part == AtlasPart.MAP && i == 5 * n + 7;
                row.put("finalLoss", trained ? 0.1 : 0.9);
                row.put("lambdaTangent", -0.1);
                rows.add(row);
            }
            return new SweepResult(sweep.taskCount(), sweep.taskCount(), false, Map.of(), rows);
        });
        assertThat(ran).containsExactly(AtlasPart.LEARNING_RATES, AtlasPart.SPECTRA, AtlasPart.MAP, AtlasPart.ZOOM);
        double[] rates = ValueRange.parse("x", AtlasPlan.MAP_RATES + n);
        // window 3 × 3 (12 / 4): a window holding the one trained cell (line 5, column 7) has 2 changes with the
        // cell in a corner, 3 on an edge and 4 only with the cell in its centre: lines 4..6, columns 6..8
        BoundaryWindow expected = new BoundaryWindow(rates[4], rates[6], rates[6], rates[8]);
        assertThat(r.findings().zoomWindow()).isEqualTo(expected);
        assertThat(specs.get(3)).isEqualTo(plan.zoomSweep(expected));
        assertThat(r.findings().onsetOfChaos()).isNaN();
        assertThat(r.part(AtlasPart.ZOOM).tasks()).isEqualTo(n * n);

        List<AtlasPart> stoppedAt = new ArrayList<>();
        AtlasResult stopped = Atlas.run(plan, (part, sweep) -> {
            stoppedAt.add(part);
            return new SweepResult(sweep.taskCount(), sweep.taskCount(), part == AtlasPart.SPECTRA, Map.of(),
                    List.of());
        });
        assertThat(stoppedAt).containsExactly(AtlasPart.LEARNING_RATES, AtlasPart.SPECTRA);
        assertThat(stopped.stopped()).isTrue();
        assertThat(stopped.findings()).isNull();
        assertThat(stopped.parts()).containsOnlyKeys(AtlasPart.LEARNING_RATES, AtlasPart.SPECTRA);
    }

    @Test
    void theFollowupPresetRunsTheFollowupsProtocolWithoutMaps() {
        AtlasPlan plan = AtlasPlan.followup(BASE, AtlasQuality.DEFAULT);
        assertThat(plan.parts()).containsExactly(AtlasPart.LEARNING_RATES, AtlasPart.SPECTRA);
        SweepSpec lr = plan.learningRateSweep();
        assertThat(lr.axes().get(0).values()).containsExactly("5.0E-4", "0.001", "0.005", "0.01", "0.05", "0.1",
                "0.5", "1.0", "2.5", "5.0", "7.5", "10.0", "12.5", "15.0", "17.5", "20.0");
        assertThat(lr.inits()).isEqualTo(3);
        assertThat(lr.replicas()).isEqualTo(5);
        assertThat(lr.steps()).isEqualTo(201);
        assertThat(lr.epsilon()).isEqualTo(1e-8);
        assertThat(lr.target()).isEqualTo(0.7);
        assertThat(lr.measures()).isEqualTo(Measures.parse("loss,accuracy,nmle"));
        SweepSpec spectra = plan.spectrumSweep();
        assertThat(spectra.inits()).isEqualTo(1);
        assertThat(spectra.measures()).isEqualTo(Measures.parse("loss,twin,spectrum:3"));
        assertThat(plan.settings()).containsEntry("preset", "followup").containsEntry("inits", "3")
                .containsEntry("target-accuracy", "0.7");
        // sizes raised as a user asks for the full protocol
        AtlasPlan full = plan.withInits(50).withTarget(0.8);
        assertThat(full.learningRateSweep().inits()).isEqualTo(50);
        assertThat(full.learningRateSweep().target()).isEqualTo(0.8);
        assertThat(AtlasPlan.followup(BASE, AtlasQuality.QUICK).etas()).containsExactly(0.5, 5, 10, 20);
        // the study's settings are as before presets: its atlas directories stay resumable
        assertThat(AtlasPlan.of(BASE, AtlasQuality.DEFAULT).settings()).doesNotContainKeys("preset", "inits",
                "target-accuracy");
        assertThat(AtlasPlan.of(BASE, AtlasQuality.DEFAULT).parts()).hasSize(4);
    }

    @Test
    void theFastestLearningRateCountsRunsThatNeverReachTheTargetAsInfinitelySlow() {
        java.util.List<java.util.Map<String, Object>> rows = java.util.List.of(
                row(1, 0, 40), row(1, 1, 50), row(1, 2, -1),   // median 50
                row(5, 0, 12), row(5, 1, -1), row(5, 2, -1),   // most never: median ∞ (censored)
                row(10, 0, 30), row(10, 1, 20), row(10, 2, 90)); // median 30: the fastest
        LearningRateGroups groups = LearningRateGroups.of(rows);
        FastestTraining fastest = FastestTraining.of(groups);
        assertThat(fastest.eta()).isEqualTo(10);
        assertThat(fastest.medianSteps()).isEqualTo(30);
        assertThat(fastest.reached()).isEqualTo(3);
        assertThat(FastestTraining.medianSteps(groups.rows(1))).isInfinite();
        assertThat(FastestTraining.reachedCount(groups.rows(1))).isEqualTo(1);
        assertThat(FastestTraining.of(LearningRateGroups.of(java.util.List.of(row(1, 0, -1))))).isNull();
    }

    private static java.util.Map<String, Object> row(double eta, int init, long steps) {
        return java.util.Map.of("lr", eta, "init", (long) init, "stepsToTarget", steps);
    }
}
