package netdyn.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import netdyn.BadInputException;

class MonotonicityTest {

    @Test
    void decreasingSeriesNeverRises() {
        double[] x = new double[1000];
        for (int t = 0; t < x.length; t++) {
            x[t] = 1.5 * Math.exp(-t / 300.0) + 0.25;
        }
        MonotonicityResult r = Monotonicity.of(x, MonotonicitySpec.strict());
        assertThat(r.fractionIncreasing()).isZero();
        assertThat(r.risingSteps()).isZero();
        assertThat(r.rises()).isZero();
        assertThat(r.largestRise()).isZero();
        assertThat(r.largestRiseAt()).isEqualTo(-1);
        assertThat(r.fallingSteps()).isEqualTo(999);
        assertThat(r.nonIncreasing()).isTrue();
        assertThat(r.netChange()).isEqualTo(x[999] - x[0]);
    }

    @Test
    void countsRisesRunsAndTheLargestRise() {
        double[] x = {5, 4, 4.5, 4.7, 3, 3, 3.1, 2, 6, 1};
        // steps: −1, +.5, +.2, −1.7, 0, +.1, −1.1, +4, −5
        MonotonicityResult r = Monotonicity.of(x, MonotonicitySpec.strict());
        assertThat(r.risingSteps()).isEqualTo(4);
        assertThat(r.fallingSteps()).isEqualTo(4);
        assertThat(r.flatSteps()).isEqualTo(1);
        assertThat(r.fractionIncreasing()).isCloseTo(4 / 9.0, within(1e-15));
        assertThat(r.rises()).isEqualTo(3);
        assertThat(r.longestRise()).isEqualTo(2);
        assertThat(r.largestRise()).isCloseTo(4, within(1e-15));
        assertThat(r.largestRiseAt()).isEqualTo(7);

        MonotonicityResult tolerant = Monotonicity.of(x, new MonotonicitySpec(0.15));
        assertThat(tolerant.risingSteps()).isEqualTo(3); // +0.1 is within the tolerance
        assertThat(tolerant.flatSteps()).isEqualTo(2);
    }

    @Test
    void edgeCases() {
        assertThatThrownBy(() -> Monotonicity.of(new double[0], MonotonicitySpec.strict()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> Monotonicity.of(new double[] {1}, MonotonicitySpec.strict()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs at least 2");
        assertThatThrownBy(() -> Monotonicity.of(new double[] {1, Double.POSITIVE_INFINITY},
                MonotonicitySpec.strict())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("series[1]");
        MonotonicityResult two = Monotonicity.of(new double[] {1, 2}, MonotonicitySpec.strict());
        assertThat(two.fractionIncreasing()).isEqualTo(1);
        assertThatThrownBy(() -> new MonotonicitySpec(-1)).isInstanceOf(BadInputException.class);
    }
}
