package netdyn.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

import org.junit.jupiter.api.Test;

import netdyn.BadInputException;
import netdyn.analysis.Regime;
import netdyn.analysis.ResultKeys;
import netdyn.run.RunSpec;
import netdyn.sweep.Axis;
import netdyn.sweep.Axis.Setting;
import netdyn.sweep.Measures;
import netdyn.sweep.SweepResult;
import netdyn.sweep.SweepSpec;
import netdyn.sweep.ValueRange;

class DeepZoomTest {

    /** A map sweep over [0.1, 10]² with {@code side} log-spaced rates per axis. */
    private static SweepSpec map(int side) {
        return new SweepSpec(RunSpec.study(1, 10), List.of(
                Axis.numeric(Setting.HIDDEN_RATE, ValueRange.parse("h", "0.1:10:log:" + side)),
                Axis.numeric(Setting.OUTPUT_RATE, ValueRange.parse("o", "0.1:10:log:" + side))), 1, 1, 1e-8,
                Measures.parse("loss"), 4, 0.9);
    }

    /** A runner whose rows say "diverged" exactly where {@code diverges(hidden, output)}; no training. */
    private static DeepZoom.LevelRunner fake(BiPredicate<Double, Double> diverges, List<SweepSpec> seen) {
        return (level, sweep) -> {
            seen.add(sweep);
            List<Map<String, Object>> rows = new ArrayList<>();
            Map<Integer, String> lines = new HashMap<>();
            Axis h = sweep.axes().get(0);
            Axis o = sweep.axes().get(1);
            for (String hv : h.values()) {
                for (String ov : o.values()) {
                    boolean d = diverges.test(Double.parseDouble(hv), Double.parseDouble(ov));
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("lr-hidden", Double.parseDouble(hv));
                    r.put("lr-output", Double.parseDouble(ov));
                    r.put("initialLoss", 1.0);
                    r.put("finalLoss", d ? 2.0 : 0.1);
                    r.put(ResultKeys.STATUS, d ? Regime.DIVERGED.label() : "converged");
                    lines.put(rows.size(), "{}");
                    rows.add(r);
                }
            }
            return new SweepResult(rows.size(), rows.size(), false, lines, rows);
        };
    }

    /** Gradient descent on ½θᵀAθ, rate per coordinate: diverges where the largest eigenvalue of D·A exceeds 2. */
    private static boolean quadraticDiverges(double hidden, double output) {
        double a = 1;
        double b = 0.8;
        double c = 2;
        // D·A = [[h a, h b], [o b, o c]]: largest eigenvalue of a 2×2 with real spectrum
        double tr = hidden * a + output * c;
        double det = hidden * output * (a * c - b * b);
        double largest = 0.5 * (tr + Math.sqrt(tr * tr - 4 * det));
        return largest > 2;
    }

    @Test
    void aSmoothBoundaryStaysASmoothCurveAtEveryScaleAndEveryWindowHoldsIt() {
        List<SweepSpec> seen = new ArrayList<>();
        DeepZoom.Result zoom = DeepZoom.run(map(65), 11, 10, fake(DeepZoomTest::quadraticDiverges, seen));
        assertThat(zoom.ended()).isNull();
        assertThat(zoom.stopped()).isFalse();
        assertThat(zoom.levels()).hasSize(11);
        ZoomWindow previous = null;
        for (DeepZoom.Level level : zoom.levels()) {
            assertThat(level.scale()).isCloseTo(Math.pow(10, -level.index()), within(1e-20));
            double fraction = level.map().unconvergedFraction();
            assertThat(fraction).as("level %s", level.index()).isStrictlyBetween(0.0, 1.0);
            assertThat(level.dimension().dimension()).as("level %s", level.index()).isCloseTo(1, within(0.1));
            ZoomWindow w = level.window();
            assertThat(w.logarithmic()).isTrue();
            if (previous != null) {
                assertThat(w.hiddenHalfWidth()).isCloseTo(previous.hiddenHalfWidth() / 10, within(1e-25));
                // nested: the new window lies inside the last one
                assertThat(w.hiddenCentre() - w.hiddenHalfWidth())
                        .isGreaterThanOrEqualTo(previous.hiddenCentre() - previous.hiddenHalfWidth() - 1e-15);
                assertThat(w.outputCentre() + w.outputHalfWidth())
                        .isLessThanOrEqualTo(previous.outputCentre() + previous.outputHalfWidth() + 1e-15);
            }
            previous = w;
        }
        // level 10: a window 1e-10 of the first, its 65 rates still distinct doubles
        double[] deepest = zoom.levels().get(10).window().outputRates();
        assertThat(deepest[64] / deepest[0] - 1).isBetween(1e-11, 1e-8);
        // level 0 is the sweep as given; the others resample the window
        assertThat(seen.get(0)).isEqualTo(map(65));
        assertThat(seen.get(3).axes().get(0).size()).isEqualTo(65);
    }

    @Test
    void theSameRowsGiveTheSameWindows() {
        DeepZoom.Result a = DeepZoom.run(map(33), 4, 4, fake(DeepZoomTest::quadraticDiverges, new ArrayList<>()));
        DeepZoom.Result b = DeepZoom.run(map(33), 4, 4, fake(DeepZoomTest::quadraticDiverges, new ArrayList<>()));
        for (int k = 0; k < 4; k++) {
            assertThat(b.levels().get(k).window()).isEqualTo(a.levels().get(k).window());
        }
    }

    @Test
    void theZoomEndsWhereThereIsNoBoundary() {
        DeepZoom.Result zoom = DeepZoom.run(map(33), 5, 10, fake((h, o) -> false, new ArrayList<>()));
        assertThat(zoom.levels()).hasSize(1);
        assertThat(zoom.ended()).contains("level 0 has no boundary");
        assertThat(zoom.levels().get(0).dimension().defined()).isFalse();
    }

    @Test
    void theNextWindowIsCentredOnTheDensestBoundary() {
        // a vertical boundary at output rate 1 (the middle column of a 33-rate grid over [0.1, 10])
        DeepZoom.Result zoom = DeepZoom.run(map(33), 2, 4, DeepZoom.Target.DENSEST, fake((h, o) -> o > 1.0000001,
                new ArrayList<>()));
        ZoomWindow w = zoom.levels().get(1).window();
        // the boundary blocks sit half a spacing to the right of log10 = 0; the window centres on one of them
        assertThat(w.outputCentre()).isCloseTo(2.0 / 32 / 2, within(1e-12));
        assertThat(w.outputHalfWidth()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void nearestFollowsTheBoundaryThroughTheCentreAndDensestTheSpeckle() {
        // a straight boundary through the centre, and a checkerboard (all boundary) in the corner of low rates
        BiPredicate<Double, Double> map = (h, o) -> {
            if (h < 0.2 && o < 0.2) {
                int i = (int) Math.round(Math.log10(h) * 16);
                int j = (int) Math.round(Math.log10(o) * 16);
                return ((i + j) & 1) == 0;
            }
            return h > 1.0000001;
        };
        ZoomWindow nearest = DeepZoom.run(map(33), 2, 4, DeepZoom.Target.NEAREST, fake(map, new ArrayList<>()))
                .levels().get(1).window();
        ZoomWindow densest = DeepZoom.run(map(33), 2, 4, DeepZoom.Target.DENSEST, fake(map, new ArrayList<>()))
                .levels().get(1).window();
        assertThat(nearest.hiddenCentre()).isCloseTo(1.0 / 32, within(1e-12)); // half a spacing above log10 = 0
        assertThat(Math.abs(nearest.outputCentre())).isLessThan(0.1);
        assertThat(densest.hiddenCentre()).isLessThan(-0.5);
        assertThat(densest.outputCentre()).isLessThan(-0.5);
    }

    @Test
    void onlyASquareMapOfAtLeast17RatesZooms() {
        SweepSpec lr = new SweepSpec(RunSpec.study(1, 10), List.of(Axis.numeric(Setting.LEARNING_RATE,
                new double[] {0.1, 1})), 1, 1, 1e-8, Measures.parse("loss"), 4, 0.9);
        assertThatThrownBy(() -> DeepZoom.run(lr, 2, 10, (l, s) -> null)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("lr-hidden and lr-output");
        assertThatThrownBy(() -> DeepZoom.run(map(9), 2, 10, (l, s) -> null)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("at least 17");
        assertThatThrownBy(() -> DeepZoom.run(map(17), 2, 1, (l, s) -> null)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("factor");
    }
}
