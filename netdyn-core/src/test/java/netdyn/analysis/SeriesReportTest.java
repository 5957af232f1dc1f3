package netdyn.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeriesReportTest {

    static double[] logistic(double r, int n) {
        double[] x = new double[n];
        double v = 0.3;
        for (int t = 0; t < 1000; t++) {
            v = r * v * (1 - v);
        }
        for (int t = 0; t < n; t++) {
            v = r * v * (1 - v);
            x[t] = v;
        }
        return x;
    }

    @Test
    void theDefaultReportOfAChaoticAndAPeriodicSeries() {
        SeriesReport.Result chaotic = SeriesReport.of(logistic(4, 5000), SeriesReport.Spec.defaults(1));
        assertThat(chaotic.zeroOne().k()).isGreaterThan(0.9);
        assertThat(chaotic.maxLyapunov().exponent()).isCloseTo(Math.log(2), within(0.07));
        assertThat(chaotic.exponents()).hasSize(2); // Rosenstein and Kantz by default

        SeriesReport.Result periodic = SeriesReport.of(logistic(3.5, 5000), SeriesReport.Spec.defaults(1));
        assertThat(periodic.zeroOne().k()).isLessThan(0.1);
        assertThat(periodic.periodogram().fundamentalPeriod()).isEqualTo(4);
    }

    @Test
    void tooShortASeriesNamesBothSizes() {
        SeriesReport.Spec spec = SeriesReport.Spec.defaults(1);
        assertThat(spec.minimumLength()).isGreaterThan(3);
        assertThatThrownBy(() -> SeriesReport.of(new double[3], spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(" 3 values").hasMessageContaining("at least " + spec.minimumLength());
    }
}
