package netdyn.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class AxisTest {

    @Test
    void logTicksAreTheDecadesCoveringTheData() {
        double[] r = Axis.autoRange(true, 1e-3, 10);
        assertThat(r[0]).isLessThanOrEqualTo(1e-3);
        assertThat(r[1]).isGreaterThanOrEqualTo(10);
        Axis a = new Axis(true, r[0], r[1], 50, 500);
        List<Axis.Tick> ticks = a.ticks(48);
        assertThat(ticks).extracting(Axis.Tick::exponent).containsExactly(-3, -2, -1, 0, 1);
        assertThat(ticks).extracting(Axis.Tick::value).allSatisfy(v -> {
            double k = Math.log10(v);
            assertThat(k).isCloseTo(Math.rint(k), within(1e-12));
        });
        assertThat(ticks.get(0).exponentText()).isEqualTo("\u22123");
    }

    @Test
    void manyDecadesAreThinnedToFitAndKeepMinorTicksAtSkippedDecades() {
        Axis a = new Axis(true, 1e-12, 1e4, 0, 120);
        List<Axis.Tick> ticks = a.ticks(30);
        assertThat(ticks.size()).isLessThanOrEqualTo(4).isGreaterThanOrEqualTo(2);
        assertThat(a.minorTicks(ticks)).contains(1e-11).doesNotContain(2e-11);
    }

    @Test
    void aShortLogRangeIsLabelledAtOneTwoFive() {
        Axis a = new Axis(true, 0.015, 1.2, 300, 30);
        assertThat(a.ticks(30)).extracting(Axis.Tick::label).containsExactly("0.02", "0.05", "0.1", "0.2", "0.5",
                "1");
    }

    @Test
    void linearTicksStepByOneTwoFive() {
        assertThat(Axis.linearTicks(0, 1, 5)).extracting(Axis.Tick::label)
                .containsExactly("0", "0.2", "0.4", "0.6", "0.8", "1.0");
        assertThat(Axis.linearTicks(-1.6, 0.7, 5)).extracting(Axis.Tick::label)
                .containsExactly("\u22121.5", "\u22121.0", "\u22120.5", "0", "0.5");
        assertThat(Axis.linearTicks(0, 3e-6, 3)).extracting(Axis.Tick::label).contains("1e-6", "2e-6");
    }

    @Test
    void logMappingIsLinearInDecades() {
        Axis a = new Axis(true, 1, 100, 100, 300);
        assertThat(a.pixel(10)).isCloseTo(200, within(1e-9));
        assertThat(a.pixel(0)).isNaN();
        assertThat(a.pixel(-5)).isNaN();
        Axis y = new Axis(false, 0, 10, 400, 0);
        assertThat(y.pixel(2.5)).isCloseTo(300, within(1e-9));
    }

    @Test
    void autoRangeHandlesConstantAndMissingData() {
        assertThat(Axis.autoRange(false, 3, 3)).containsExactly(2.7, 3.3);
        assertThat(Axis.autoRange(true, 0.5, 0.5)[0]).isCloseTo(0.5 / Math.sqrt(10), within(1e-12));
        assertThat(Axis.autoRange(true, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)).containsExactly(1, 10);
        assertThatThrownBy(() -> new Axis(true, 0, 1, 0, 100)).hasMessageContaining("lo > 0");
    }

    @Test
    void coordinatesAreRoundedToATenthOfAPixel() {
        assertThat(Svg.num(12.34)).isEqualTo("12.3");
        assertThat(Svg.num(-0.06)).isEqualTo("-0.1");
        assertThat(Svg.num(7.0)).isEqualTo("7");
        assertThat(Svg.num(-0.04)).isEqualTo("0");
    }
}
