package netdyn.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import netdyn.BadInputException;
import netdyn.rng.SplitMix64;

class LaminarPhasesTest {

    /** Gaussian bursts around 0 with constant plateaus at 10 + i planted at the given places. */
    private static double[] planted(int n, int[] starts, int[] lengths, long seed) {
        double[] x = SeriesFixtures.gaussian(n, seed);
        for (int i = 0; i < starts.length; i++) {
            for (int t = starts[i]; t < starts[i] + lengths[i]; t++) {
                x[t] = 10 + i;
            }
        }
        return x;
    }

    @Test
    void plantedPlateausAreFoundWithTheirLengths() {
        SplitMix64 rng = new SplitMix64(17);
        for (int c = 0; c < 10; c++) {
            int count = 1 + rng.nextInt(6);
            int[] starts = new int[count];
            int[] lengths = new int[count];
            int t = 5 + rng.nextInt(100);
            for (int i = 0; i < count; i++) {
                starts[i] = t;
                lengths[i] = 10 + rng.nextInt(300);
                t += lengths[i] + 20 + rng.nextInt(200);
            }
            double[] x = planted(t + 50, starts, lengths, c);
            LaminarPhasesResult r = LaminarPhases.of(x, LaminarPhasesSpec.defaults());
            assertThat(r.starts()).as("case %d", c).containsExactly(starts);
            assertThat(r.lengths()).as("case %d", c).containsExactly(lengths);
            assertThat(r.count()).isEqualTo(count);
            assertThat(r.switchingTimes()).hasSize(2 * count);
            for (int i = 0; i < count; i++) {
                assertThat(r.switchingTimes()[2 * i]).isEqualTo(starts[i]);
                assertThat(r.switchingTimes()[2 * i + 1]).isEqualTo(starts[i] + lengths[i]);
            }
            for (int i = 0; i + 1 < count; i++) {
                assertThat(r.burstLengths()[i]).isEqualTo(starts[i + 1] - starts[i] - lengths[i]);
            }
        }
    }

    @Test
    void lengthDistributionAndSurvival() {
        int[] starts = {10, 100, 200, 300, 400};
        int[] lengths = {20, 50, 20, 30, 50};
        LaminarPhasesResult r = LaminarPhases.of(planted(500, starts, lengths, 3), LaminarPhasesSpec.defaults());
        assertThat(r.distinctLengths()).containsExactly(20, 30, 50);
        assertThat(r.lengthCounts()).containsExactly(2, 1, 2);
        assertThat(r.survival()).containsExactly(1.0, 0.6, 0.4);
        assertThat(r.meanLength()).isEqualTo(34.0);
        assertThat(r.laminarFraction()).isEqualTo(170 / 500.0);
    }

    @Test
    void periodTwoPlateausNeedLagTwo() {
        double[] x = SeriesFixtures.gaussian(400, 8);
        for (int t = 100; t < 180; t++) {
            x[t] = t % 2 == 0 ? 5 : 7; // a period-2 plateau of 80 points
        }
        assertThat(LaminarPhases.of(x, LaminarPhasesSpec.defaults()).count()).isZero();
        LaminarPhasesResult r = LaminarPhases.of(x, new LaminarPhasesSpec(2, 0.1, Double.NaN, 10));
        assertThat(r.starts()).containsExactly(100);
        assertThat(r.lengths()).containsExactly(80);
        assertThat(r.period()).isEqualTo(2);
    }

    @Test
    void shortPhasesAreDroppedAndAnAbsoluteThresholdIsUsedAsGiven() {
        double[] x = planted(300, new int[] {50, 150}, new int[] {8, 40}, 4);
        LaminarPhasesResult r = LaminarPhases.of(x, LaminarPhasesSpec.defaults());
        assertThat(r.lengths()).containsExactly(40);
        LaminarPhasesResult shorter = LaminarPhases.of(x, new LaminarPhasesSpec(1, 0.1, 0.0, 5));
        assertThat(shorter.threshold()).isZero();
        assertThat(shorter.lengths()).containsExactly(8, 40);
    }

    @Test
    void edgeCases() {
        LaminarPhasesResult constant = LaminarPhases.of(new double[] {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2},
                LaminarPhasesSpec.defaults());
        assertThat(constant.starts()).containsExactly(0);
        assertThat(constant.lengths()).containsExactly(12);
        assertThat(constant.switchingTimes()).containsExactly(0); // never left
        assertThat(constant.laminarFraction()).isEqualTo(1.0);
        LaminarPhasesResult none = LaminarPhases.of(new double[] {1, 2}, LaminarPhasesSpec.defaults());
        assertThat(none.count()).isZero();
        assertThat(none.meanLength()).isNaN();
        assertThatThrownBy(() -> LaminarPhases.of(new double[0], LaminarPhasesSpec.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> LaminarPhases.of(new double[] {1, 2}, new LaminarPhasesSpec(2, 0.1, Double.NaN, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs at least 3");
        assertThatThrownBy(() -> new LaminarPhasesSpec(2, 0.1, Double.NaN, 2)).isInstanceOf(BadInputException.class)
                .hasMessage("minLength must be >= period + 1 = 3 (got 2)");
    }
}
