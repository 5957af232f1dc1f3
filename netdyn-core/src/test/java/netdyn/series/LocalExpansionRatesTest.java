package netdyn.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import netdyn.BadInputException;

class LocalExpansionRatesTest {

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    @Test
    void tentMapHasTheSameRateLnMuEverywhere() {
        // |f'| = μ everywhere: neighbours separate as μ^n until the break point or saturation
        double mu = 1.99;
        double[] x = SeriesFixtures.tent(mu, 20_000, 1000, 0.3);
        LocalExpansionRatesSpec spec = new LocalExpansionRatesSpec(1e-4, 1000, 24, 5, 10, 0.05, 0, 40, 1);
        LocalExpansionRatesResult r = LocalExpansionRates.of(x, spec);
        assertThat(r.referenceTimes()).hasSize(1000);
        assertThat(r.significantCount()).isGreaterThan(900);
        assertThat(median(r.significantRates())).isCloseTo(Math.log(mu), within(0.05 * Math.log(mu)));
        assertThat(r.fractionPositive()).isEqualTo(1.0);
    }

    @Test
    void studyProtocolOnTheLogisticMap() {
        double[] x = SeriesFixtures.logistic(4, 10_000, 1000, 0.3);
        LocalExpansionRatesResult r = LocalExpansionRates.of(x, LocalExpansionRatesSpec.study(7));
        assertThat(r.candidates()).isEqualTo(10_000 - 24);
        assertThat(r.referenceTimes()).isSorted().doesNotHaveDuplicates().hasSize(1000);
        assertThat(r.significantCount()).isGreaterThan(300);
        assertThat(r.fractionPositive()).isGreaterThan(0.95);
        assertThat(median(r.significantRates())).isBetween(0.5, 1.0);
        assertThat(r.histogram().total()).isEqualTo(r.significantCount());
        assertThat(r.significantValues()).hasSameSizeAs(r.significantRates());
        for (int i = 0; i < r.referenceTimes().length; i++) {
            assertThat(r.referenceValues()[i]).isEqualTo(x[r.referenceTimes()[i]]);
            if (r.neighbours()[i] == 0) {
                assertThat(r.rates()[i]).isNaN();
                assertThat(r.significant()[i]).isFalse();
            } else if (r.fitEnds()[i] > 0) {
                assertThat(r.fitEnds()[i]).isBetween(5, 25);
            }
            assertThat(r.significant()[i]).isEqualTo(r.pValues()[i] <= 0.05);
        }
    }

    @Test
    void oneReferenceByHand() {
        // x = 0, 1, 2, … with a neighbour planted: the protocol's δ(n) and fits, checked directly
        int n = 60;
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = 100 + t; // no two values are within the radius…
        }
        x[30] = x[0] + 1e-6; // …except 0 and 30, whose futures separate as 2^n (1, 31 are 2e-6 apart)
        for (int s = 1; s <= 24; s++) {
            x[30 + s] = x[s] + 1e-6 * Math.pow(2, s);
        }
        LocalExpansionRatesSpec spec = new LocalExpansionRatesSpec(1.5e-6, 1000, 24, 5, 10, 0.05, 0, 10, 0);
        LocalExpansionRatesResult r = LocalExpansionRates.of(x, spec);
        assertThat(r.candidates()).isEqualTo(36);
        assertThat(r.referenceTimes()).hasSize(36); // fewer candidates than references: all of them
        assertThat(r.neighbours()[0]).isEqualTo(1);
        assertThat(r.neighbours()[30]).isEqualTo(1);
        assertThat(r.neighbours()[1]).isZero();
        assertThat(r.rates()[0]).isCloseTo(Math.log(2), within(1e-7));
        assertThat(r.rates()[30]).isCloseTo(Math.log(2), within(1e-7));
        assertThat(r.r2()[0]).isCloseTo(1, within(1e-12));
        assertThat(r.significant()[0]).isTrue();
        assertThat(r.significantCount()).isEqualTo(2);
    }

    @Test
    void periodicOrbitHasNoRates() {
        double[] x = SeriesFixtures.logistic(3.5, 3000, 1000, 0.3);
        LocalExpansionRatesResult r = LocalExpansionRates.of(x, LocalExpansionRatesSpec.study(1));
        // neighbours are exact repetitions: δ(n) = 0, no finite fit, nothing significant
        assertThat(r.significantCount()).isZero();
        assertThat(Arrays.stream(r.rates()).allMatch(Double::isNaN)).isTrue();
        assertThat(r.histogram().counts()).isEmpty();
    }

    @Test
    void referencesDependOnTheSeedOnly() {
        double[] x = SeriesFixtures.logistic(4, 3000, 100, 0.3);
        LocalExpansionRatesResult a = LocalExpansionRates.of(x, LocalExpansionRatesSpec.study(3));
        LocalExpansionRatesResult b = new LocalExpansionRates(LocalExpansionRatesSpec.study(3)).run(x);
        LocalExpansionRatesResult c = LocalExpansionRates.of(x, LocalExpansionRatesSpec.study(4));
        assertThat(a.referenceTimes()).containsExactly(b.referenceTimes());
        assertThat(a.rates()).containsExactly(b.rates());
        assertThat(a.referenceTimes()).isNotEqualTo(c.referenceTimes());
    }

    @Test
    void edgeCases() {
        LocalExpansionRatesSpec spec = LocalExpansionRatesSpec.study(0);
        assertThat(spec.minimumLength()).isEqualTo(26);
        assertThatThrownBy(() -> LocalExpansionRates.of(new double[0], spec))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> LocalExpansionRates.of(new double[25], spec))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs at least 26");
        LocalExpansionRatesResult tiny = LocalExpansionRates.of(new double[26], spec);
        assertThat(tiny.referenceTimes()).containsExactly(0, 1);
        assertThatThrownBy(() -> new LocalExpansionRatesSpec(0, 10, 24, 5, 10, 0.05, 0, 10, 0))
                .isInstanceOf(BadInputException.class).hasMessage("radius must be a finite number > 0 (got 0.0)");
        assertThatThrownBy(() -> new LocalExpansionRatesSpec(1e-5, 10, 24, 5, 30, 0.05, 0, 10, 0))
                .isInstanceOf(BadInputException.class)
                .hasMessage("significanceEnd must be between 3 and horizon 24 (got 30)");
    }
}
