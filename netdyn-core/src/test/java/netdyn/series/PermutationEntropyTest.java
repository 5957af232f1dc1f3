package netdyn.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import netdyn.BadInputException;

class PermutationEntropyTest {

    @Test
    void monotoneSeriesHasZeroEntropy() {
        double[] x = new double[100];
        for (int t = 0; t < x.length; t++) {
            x[t] = -t * 0.5;
        }
        PermutationEntropyResult r = PermutationEntropy.of(x, PermutationEntropySpec.defaults());
        assertThat(r.entropy()).isZero();
        assertThat(r.distinctPatterns()).isEqualTo(1);
        // strictly decreasing: c_i = d − 1 − i, the largest Lehmer code d! − 1
        assertThat(r.counts()[23]).isEqualTo(97);
    }

    @Test
    void periodFourOrbitShowsFourPatterns() {
        double[] x = SeriesFixtures.logistic(3.5, 5000, 1000, 0.3);
        for (int d = 4; d <= 6; d++) {
            PermutationEntropyResult r = PermutationEntropy.of(x, new PermutationEntropySpec(d, 1));
            assertThat(r.distinctPatterns()).isEqualTo(4);
            // the four phases of the orbit are (almost exactly) equally frequent
            double factorial = d == 4 ? 24 : d == 5 ? 120 : 720;
            assertThat(r.entropy()).isCloseTo(Math.log(4) / Math.log(factorial), within(1e-6));
        }
        assertThat(PermutationEntropy.of(x, PermutationEntropySpec.defaults()).entropy()).isLessThan(0.45);
    }

    @Test
    void whiteNoiseIsNearOneAndChaosIsInBetweenWithForbiddenPatterns() {
        for (int d = 3; d <= 5; d++) {
            PermutationEntropyResult noise = PermutationEntropy.of(SeriesFixtures.gaussian(5000, d),
                    new PermutationEntropySpec(d, 1));
            assertThat(noise.entropy()).as("order %d", d).isGreaterThan(0.99);
            assertThat(noise.missingPatterns()).isZero();
        }
        // the logistic map at r = 4 never shows three decreasing values in a row (Amigó et al. 2006)
        PermutationEntropyResult chaos = PermutationEntropy.of(SeriesFixtures.logistic(4, 5000, 1000, 0.3),
                new PermutationEntropySpec(3, 1));
        assertThat(chaos.missingPatterns()).isEqualTo(1);
        assertThat(chaos.counts()[5]).isZero(); // x_t > x_{t+1} > x_{t+2}: Lehmer code 2·2! + 1·1! = 5
        assertThat(chaos.entropy()).isBetween(0.7, 0.95);
    }

    @Test
    void tiesAreBrokenByOrderOfOccurrenceAndDelaySpacesTheValues() {
        // (1, 1, 1): no value is smaller than a later equal one, code 0; entropy 0
        PermutationEntropyResult ties = PermutationEntropy.of(new double[] {1, 1, 1, 1, 1},
                new PermutationEntropySpec(3, 1));
        assertThat(ties.counts()[0]).isEqualTo(3);
        assertThat(ties.entropy()).isZero();
        // (2, 1, 2): c = (1, 0) → code 2; (1, 2, 1): c = (0, 1) → code 1
        PermutationEntropyResult mixed = PermutationEntropy.of(new double[] {2, 1, 2, 1},
                new PermutationEntropySpec(3, 1));
        assertThat(mixed.counts()[2]).isEqualTo(1);
        assertThat(mixed.counts()[1]).isEqualTo(1);
        assertThat(mixed.entropyNats()).isCloseTo(Math.log(2), within(1e-15));
        // delay 2 on 0, 9, 1, 8, 2, 7: windows (0, 1, 2) and (9, 8, 7)
        PermutationEntropyResult delayed = PermutationEntropy.of(new double[] {0, 9, 1, 8, 2, 7},
                new PermutationEntropySpec(3, 2));
        assertThat(delayed.patterns()).isEqualTo(2);
        assertThat(delayed.counts()[0]).isEqualTo(1);
        assertThat(delayed.counts()[5]).isEqualTo(1);
    }

    @Test
    void edgeCases() {
        PermutationEntropySpec spec = new PermutationEntropySpec(4, 2);
        assertThat(spec.minimumLength()).isEqualTo(7);
        assertThatThrownBy(() -> PermutationEntropy.of(new double[0], spec))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> PermutationEntropy.of(new double[6], spec))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs at least 7");
        assertThat(PermutationEntropy.of(new double[] {3, 1, 4, 1, 5, 9, 2}, spec).patterns()).isEqualTo(1);
        assertThatThrownBy(() -> new PermutationEntropySpec(9, 1)).isInstanceOf(BadInputException.class)
                .hasMessage("order must be between 2 and 8 (got 9)");
        assertThatThrownBy(() -> new PermutationEntropySpec(3, 0)).isInstanceOf(BadInputException.class)
                .hasMessage("delay must be >= 1 (got 0)");
    }
}
