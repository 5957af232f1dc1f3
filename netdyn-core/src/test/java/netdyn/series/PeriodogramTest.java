package netdyn.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import netdyn.BadInputException;
import netdyn.rng.SplitMix64;

class PeriodogramTest {

    @Test
    void pureSineGivesItsPeriodExactly() {
        SplitMix64 rng = new SplitMix64(2);
        int[] periods = {2, 3, 7, 10, 25, 100};
        for (int period : periods) {
            int n = 5000 - 5000 % period; // a whole number of cycles: the period falls on a bin
            double[] x = SeriesFixtures.sine(n, period, 0.5 + rng.nextDouble(), rng.nextDouble() * 6, 3);
            PeriodogramResult r = Periodogram.of(x, PeriodogramSpec.defaults());
            assertThat(r.dominantPeriod()).as("period %d", period).isEqualTo(period);
            assertThat(r.fundamentalPeriod()).as("period %d", period).isEqualTo(period);
            assertThat(r.transformLength()).isEqualTo(n);
        }
    }

    @Test
    void sineIsFoundOnAZeroPaddedGridToWithinABin() {
        double[] x = SeriesFixtures.sine(5000, 10, 1, 0.3, 0);
        PeriodogramResult r = Periodogram.of(x, new PeriodogramSpec(3, true, 1000, 0.01));
        assertThat(r.transformLength()).isEqualTo(8192);
        assertThat(r.frequencies()).hasSize(4097);
        int bin = r.peaks().get(0).bin();
        assertThat(Math.abs(bin - 819.2)).isLessThan(1);
        assertThat(r.dominantPeriod()).isCloseTo(10, within(0.02));
        assertThat(r.fundamentalPeriod()).isEqualTo(10); // decided in the time domain, exact
    }

    @Test
    void aNoisySineHasItsPeakButIsNotPeriodic() {
        double[] x = SeriesFixtures.sine(5000, 8, 1, 0.2, 0);
        double[] noise = SeriesFixtures.gaussian(5000, 6);
        for (int t = 0; t < x.length; t++) {
            x[t] += 0.5 * noise[t];
        }
        PeriodogramResult r = Periodogram.of(x, PeriodogramSpec.defaults());
        assertThat(r.dominantPeriod()).isEqualTo(8);
        assertThat(r.fundamentalPeriod()).isNaN();
        // a non-integer period is periodic only at the common multiple: sin(2πt/7.5) repeats after 15 steps
        assertThat(Periodogram.of(SeriesFixtures.sine(3000, 7.5, 1, 0.1, 0), PeriodogramSpec.defaults())
                .fundamentalPeriod()).isEqualTo(15);
    }

    @Test
    void periodFourLogisticHasFundamentalFourBehindItsPeriodTwoHarmonic() {
        double[] x = SeriesFixtures.logistic(3.5, 5000, 1000, 0.3);
        PeriodogramResult r = Periodogram.of(x, PeriodogramSpec.defaults());
        assertThat(r.fundamentalPeriod()).isEqualTo(4);
        // the highest line is f = 1/2; f = 1/4 carries 2.4 % of its power
        assertThat(r.peaks().get(0).period()).isEqualTo(2);
        assertThat(r.peaks().get(1).period()).isEqualTo(4);
        assertThat(r.peaks().get(1).power() / r.peaks().get(0).power()).isBetween(0.02, 0.03);
    }

    @Test
    void aTrendDoesNotHideThePeriod() {
        // a period-3 pattern riding on a slow decay (the loss on a drifting period-3 orbit)
        double[] x = new double[6000];
        double[] pattern = {1.2, 2.0, 1.5};
        for (int t = 0; t < x.length; t++) {
            x[t] = pattern[t % 3] + 0.5 * Math.exp(-t / 3000.0);
        }
        PeriodogramResult r = Periodogram.of(x, PeriodogramSpec.defaults());
        assertThat(r.peaks().get(0).period()).isEqualTo(3);
        assertThat(r.peaks().stream().anyMatch(p -> p.period() > 3000)).isTrue(); // the trend is a peak…
        assertThat(r.fundamentalPeriod()).isEqualTo(3); // …but the orbit is still period 3
        // a smooth decay alone is not periodic
        double[] decay = new double[2000];
        for (int t = 0; t < decay.length; t++) {
            decay[t] = Math.exp(-t / 500.0);
        }
        assertThat(Periodogram.of(decay, PeriodogramSpec.defaults()).fundamentalPeriod()).isNaN();
    }

    @Test
    void broadBandSpectraHaveNoFundamental() {
        assertThat(Periodogram.of(SeriesFixtures.logistic(4, 5000, 1000, 0.3), PeriodogramSpec.defaults())
                .fundamentalPeriod()).isNaN();
        assertThat(Periodogram.of(SeriesFixtures.gaussian(4096, 3), PeriodogramSpec.defaults())
                .fundamentalPeriod()).isNaN();
        // two incommensurate lines (quasi-periodic)
        double[] a = SeriesFixtures.sine(5000, 10, 1, 0, 0);
        double[] b = SeriesFixtures.sine(5000, 10 * (1 + Math.sqrt(5)) / 2, 1, 0, 0);
        double[] sum = new double[5000];
        for (int t = 0; t < 5000; t++) {
            sum[t] = a[t] + b[t];
        }
        PeriodogramResult q = Periodogram.of(sum, PeriodogramSpec.defaults());
        assertThat(q.fundamentalPeriod()).isNaN();
        // …though it nearly recurs after 550 = 55 · 10 ≈ 34 · 10φ steps, within 1 %
        assertThat(Periodogram.of(sum, new PeriodogramSpec(5, false, 1000, 0.01)).fundamentalPeriod()).isEqualTo(550);
        assertThat(q.peaks().get(0).period()).isEqualTo(10);
    }

    @Test
    void parsevalAndMeanRemoval() {
        double[] x = SeriesFixtures.gaussian(1000, 12);
        for (int t = 0; t < x.length; t++) {
            x[t] += 100;
        }
        PeriodogramResult r = Periodogram.of(x, PeriodogramSpec.defaults());
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double variance = 0;
        for (double v : x) {
            variance += (v - mean) * (v - mean);
        }
        // one-sided sum: I_0 + 2 Σ_{0<k<n/2} I_k + I_{n/2} = Σ_k I_k over all n bins = Σ (x − x̄)²
        double[] p = r.power();
        double sum = p[0] + p[p.length - 1];
        for (int k = 1; k < p.length - 1; k++) {
            sum += 2 * p[k];
        }
        assertThat(p[0]).isZero();
        assertThat(sum).isCloseTo(variance, within(1e-9 * variance));
        assertThat(r.frequencies()[p.length - 1]).isEqualTo(0.5);
    }

    @Test
    void edgeCases() {
        assertThatThrownBy(() -> Periodogram.of(new double[0], PeriodogramSpec.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> Periodogram.of(new double[] {1}, PeriodogramSpec.defaults()))
                .isInstanceOf(IllegalArgumentException.class);
        PeriodogramResult constant = Periodogram.of(new double[] {0.1, 0.1, 0.1, 0.1, 0.1}, PeriodogramSpec.defaults());
        assertThat(constant.peaks()).isEmpty();
        assertThat(constant.dominantPeriod()).isNaN();
        assertThat(constant.fundamentalPeriod()).isNaN();
        PeriodogramResult two = Periodogram.of(new double[] {1, -1}, PeriodogramSpec.defaults());
        assertThat(two.dominantPeriod()).isEqualTo(2);
        assertThat(two.fundamentalPeriod()).isNaN(); // one cycle is not a repetition
        assertThatThrownBy(() -> new PeriodogramSpec(0, false, 1000, 0.01)).isInstanceOf(BadInputException.class)
                .hasMessage("peaks must be >= 1 (got 0)");
        assertThatThrownBy(() -> new PeriodogramSpec(5, false, 1, 0.01)).isInstanceOf(BadInputException.class)
                .hasMessage("maxPeriod must be >= 2 (got 1)");
        assertThatThrownBy(() -> new PeriodogramSpec(5, false, 10, 1)).isInstanceOf(BadInputException.class)
                .hasMessage("periodTolerance must be in (0, 1) (got 1.0)");
    }
}
