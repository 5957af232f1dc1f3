package netdyn.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The atlas's decisions on synthetic rows whose answer is known by construction: the trainability class, the
 * boundary window of a map, the majority regime per η and the onset of chaos.
 */
class AtlasDecisionsTest {

    static Map<String, Object> cell(double hidden, double output, boolean trained) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("lr-hidden", hidden);
        r.put("lr-output", output);
        r.put("status", "ok");
        r.put("finalLoss", trained ? 0.1 : 1.0);
        r.put("initialLoss", 1.2);
        r.put("chanceLoss", Math.log(3));
        return r;
    }

    /** An n × n map over rates 1 … n (hidden along y, output along x), trained where {@code trained[y][x]}. */
    static List<Map<String, Object>> map(boolean[][] trained) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int y = 0; y < trained.length; y++) {
            for (int x = 0; x < trained[y].length; x++) {
                rows.add(cell(y + 1, x + 1, trained[y][x]));
            }
        }
        return rows;
    }

    static Map<String, Object> run(double eta, String regime, String status, String key, double exponent) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("lr", eta);
        r.put("status", status);
        if (regime != null) {
            r.put("regime", regime);
        }
        if (key != null) {
            r.put(key, exponent);
        }
        return r;
    }

    private static Map<String, Object> loss(String status, double fin, double init, double chance) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("status", status);
        r.put("finalLoss", fin);
        r.put("initialLoss", init);
        r.put("chanceLoss", chance);
        return r;
    }

    @Test
    void trainabilityReadsTheChanceLevelTheInitialLossAndTheStatus() {
        double ln3 = Math.log(3);
        assertThat(Trainability.of(loss("ok", 0.1, 2.0, ln3))).isEqualTo(Trainability.TRAINED);
        assertThat(Trainability.of(loss("ok", 0.5 * ln3, 2.0, ln3))).as("exactly half: not below").isEqualTo(
                Trainability.STALLED);
        assertThat(Trainability.of(loss("ok", 1.0, 2.0, ln3))).as("at chance: stalled").isEqualTo(Trainability.STALLED);
        assertThat(Trainability.of(loss("ok", 2.5, 2.0, ln3))).as("rose").isEqualTo(Trainability.DIVERGED);
        assertThat(Trainability.of(loss("diverged", Double.NaN, 2.0, ln3))).isEqualTo(Trainability.DIVERGED);
        assertThat(Trainability.of(loss("ok", Double.POSITIVE_INFINITY, 2.0, ln3))).isEqualTo(Trainability.DIVERGED);
        assertThat(Trainability.of(loss("ok", 0.4, 1.0, Double.NaN))).as("mse: half the initial")
                .isEqualTo(Trainability.TRAINED);
        assertThat(Trainability.of(loss("ok", 0.45, 0.8, ln3))).as("an initial loss below chance is the reference")
                .isEqualTo(Trainability.STALLED);
        assertThat(Trainability.DIVERGED.label()).isEqualTo("diverged");
    }

    @Test
    void theBoundaryWindowIsTheCheckerboardPatchOfAnOtherwiseTrainedMap() {
        // 16 × 16: a quarter per side is 4; a 4 × 4 checkerboard at lines 9..12, columns 3..6 has all 24 inner
        // pairs differing, any other 4 × 4 window fewer
        boolean[][] t = new boolean[16][16];
        for (boolean[] line : t) {
            java.util.Arrays.fill(line, true);
        }
        for (int y = 9; y < 13; y++) {
            for (int x = 3; x < 7; x++) {
                t[y][x] = (x + y) % 2 == 0;
            }
        }
        TrainabilityMap map = TrainabilityMap.of(map(t));
        assertThat(map.hidden()).hasSize(16).startsWith(1.0, 2.0).endsWith(16.0);
        assertThat(map.at(9, 3)).isEqualTo(Trainability.TRAINED);
        assertThat(map.at(9, 4)).isEqualTo(Trainability.STALLED);
        assertThat(map.at(0, 0)).isEqualTo(Trainability.TRAINED);
        assertThat(map.boundaryWindow()).isEqualTo(new BoundaryWindow(10, 13, 4, 7));
    }

    @Test
    void aStraightBoundaryTiesEveryWindowAcrossItAndTheFirstWins() {
        // 8 × 8, trained left of output rate 5.5: every 2 × 2 window on columns 4 and 5 holds 2 changes
        boolean[][] t = new boolean[8][8];
        for (boolean[] line : t) {
            for (int x = 0; x < 5; x++) {
                line[x] = true;
            }
        }
        assertThat(TrainabilityMap.of(map(t)).boundaryWindow()).isEqualTo(new BoundaryWindow(1, 2, 5, 6));
    }

    @Test
    void cellsNoRowReachedCountAsUntrainedAndRowsMayComeInAnyOrder() {
        boolean[][] t = new boolean[4][4];
        for (boolean[] line : t) {
            java.util.Arrays.fill(line, true);
        }
        List<Map<String, Object>> rows = new ArrayList<>(map(t));
        rows.removeIf(r -> (double) r.get("lr-hidden") == 3 && (double) r.get("lr-output") == 4); // cell (2, 3)
        java.util.Collections.reverse(rows);
        TrainabilityMap map = TrainabilityMap.of(rows);
        assertThat(map.at(2, 3)).isNull();
        // window 2 × 2; the hole makes the windows around it the only ones with changes: first (1, 2)
        assertThat(map.boundaryWindow()).isEqualTo(new BoundaryWindow(2, 3, 3, 4));
    }

    @Test
    void aMapOneCellWideHasAWindowOneCellWide() {
        boolean[][] t = {{true}, {false}, {true}};
        assertThat(TrainabilityMap.of(map(t)).boundaryWindow()).isEqualTo(new BoundaryWindow(1, 2, 1, 1));
    }

    @Test
    void theMajorityRegimeCountsDivergedRunsAsDivergedAndBreaksTiesTowardsLargerRates() {
        List<Map<String, Object>> rows = List.of(run(1, "chaotic", "ok", null, 0), run(1, "converged", "ok", null, 0),
                run(1, "converged", "ok", null, 0), run(1, "chaotic", "diverged", null, 0),
                run(1, null, "ok", null, 0));
        Map<String, Integer> counts = RegimeMajority.counts(rows);
        assertThat(counts).containsExactly(Map.entry("chaotic", 1), Map.entry("converged", 2),
                Map.entry("diverged", 1));
        assertThat(RegimeMajority.of(counts)).isEqualTo("converged");
        assertThat(RegimeMajority.of(Map.of("converged", 2, "chaotic", 2, "plateau", 1))).as("tie").isEqualTo(
                "chaotic");
        assertThat(RegimeMajority.of(Map.of("periodic", 3, "diverged", 3))).isEqualTo("diverged");
        assertThat(RegimeMajority.of(Map.of("something else", 5))).isEmpty();
        assertThat(RegimeMajority.of(Map.of())).isEmpty();
    }

    @Test
    void groupsRunByAscendingRateAndGiveTheMajorityAtEach() {
        List<Map<String, Object>> rows = List.of(run(2, "chaotic", "ok", null, 0), run(0.5, "converged", "ok", null, 0),
                run(2, "periodic", "ok", null, 0), run(0.5, "plateau", "ok", null, 0),
                run(2, "chaotic", "ok", null, 0), run(0.5, "converged", "ok", null, 0));
        LearningRateGroups g = LearningRateGroups.of(rows);
        assertThat(g.eta()).containsExactly(0.5, 2);
        assertThat(g.rows(1)).hasSize(3).allMatch(r -> (double) r.get("lr") == 2);
        assertThat(g.majorityRegime()).containsExactly("converged", "chaotic");
        assertThat(g.regimeCounts(1)).containsExactly(Map.entry("chaotic", 2), Map.entry("periodic", 1));
    }

    @Test
    void theOnsetOfChaosIsTheFirstRateWhoseMeanExponentExceedsTheThreshold() {
        double t = LearningRateGroups.CHAOS_THRESHOLD;
        List<Map<String, Object>> rows = new ArrayList<>();
        // η = 0.5: both below; η = 1: one init far above, mean below; η = 2: mean just above; η = 4: above
        for (double[] r : new double[][] {{0.5, -0.2}, {0.5, 0.005}, {1, 3 * t}, {1, -2 * t}, {2, t}, {2, 1.2 * t},
                {4, 0.3}, {4, 0.4}}) {
            rows.add(run(r[0], null, "ok", "lambdaTangent", r[1]));
        }
        LearningRateGroups g = LearningRateGroups.of(rows);
        assertThat(g.chaosExponent()).isEqualTo("lambdaTangent");
        assertThat(g.mean("lambdaTangent")[1]).isCloseTo(0.5 * t, within(1e-15));
        assertThat(g.onsetOfChaos()).isEqualTo(2);

        rows.add(run(1, null, "diverged", "lambdaTangent", Double.NaN)); // not finite: left out of the mean
        assertThat(LearningRateGroups.of(rows).onsetOfChaos()).isEqualTo(2);
        rows.add(run(1, null, "ok", "lambdaTangent", 0.1));
        assertThat(LearningRateGroups.of(rows).onsetOfChaos()).isEqualTo(1);
    }

    @Test
    void withoutTheTangentExponentTheOnsetReadsTheTwinOrbitThenTheNmleAndIsNanWhenNothingIsChaotic() {
        List<Map<String, Object>> twin = List.of(run(0.1, null, "ok", "lambdaTwin", 0), run(3, null, "ok",
                "lambdaTwin", 0.2));
        assertThat(LearningRateGroups.of(twin).chaosExponent()).isEqualTo("lambdaTwin");
        assertThat(LearningRateGroups.of(twin).onsetOfChaos()).isEqualTo(3);
        List<Map<String, Object>> nmle = List.of(run(0.1, null, "ok", "nmle", 0.5), run(3, null, "ok", "nmle", 0.2));
        assertThat(LearningRateGroups.of(nmle).chaosExponent()).isEqualTo("nmle");
        assertThat(LearningRateGroups.of(nmle).onsetOfChaos()).isEqualTo(0.1);
        List<Map<String, Object>> calm = List.of(run(0.1, null, "ok", "lambdaTangent", -0.1), run(3, null, "ok",
                "lambdaTangent", LearningRateGroups.CHAOS_THRESHOLD));
        assertThat(LearningRateGroups.of(calm).onsetOfChaos()).isNaN();
        assertThat(LearningRateGroups.of(List.of()).onsetOfChaos()).isNaN();
    }

    @Test
    void findingsCountTheRegimeLabelsInOrderOfFirstAppearance() {
        boolean[][] t = {{true, false}, {false, false}};
        List<Map<String, Object>> lr = List.of(run(1, "periodic", "ok", "lambdaTangent", 0),
                run(1, "converged", "ok", "lambdaTangent", 0), run(5, "chaotic", "diverged", "lambdaTangent", 1),
                run(5, "periodic", "ok", "lambdaTangent", 1));
        AtlasFindings f = AtlasFindings.of(lr, map(t));
        assertThat(f.regimes()).containsExactly(Map.entry("periodic", 2L), Map.entry("converged", 1L),
                Map.entry("chaotic", 1L));
        assertThat(f.onsetOfChaos()).isEqualTo(5);
        assertThat(f.majorityRegime()).containsExactly("periodic", "diverged");
        assertThat(f.zoomWindow()).isEqualTo(new BoundaryWindow(1, 2, 1, 2));
    }
}
