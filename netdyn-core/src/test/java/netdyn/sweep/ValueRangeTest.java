package netdyn.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import netdyn.BadInputException;

class ValueRangeTest {

    @Test
    void listsKeepTheirValuesAndOrder() {
        assertThat(ValueRange.parse("--lr", "0.01, 1,0.1")).containsExactly(0.01, 1, 0.1);
        assertThat(ValueRange.parse("--lr", " 3 ")).containsExactly(3);
    }

    @Test
    void linearRangesAreEvenlySpacedWithExactEnds() {
        assertThat(ValueRange.parse("--lr", "0:1:5")).containsExactly(0, 0.25, 0.5, 0.75, 1);
        assertThat(ValueRange.parse("--lr", "0.1:0.7:lin:4")).containsExactly(0.1, 0.3,
                0.5, 0.7);
        double[] v = ValueRange.parse("--lr", "0.3:1.7:7");
        assertThat(v[0]).isEqualTo(0.3);
        assertThat(v[6]).isEqualTo(1.7);
        for (int i = 1; i < v.length; i++) {
            assertThat(v[i] - v[i - 1]).isCloseTo(1.4 / 6, within(1e-15));
        }
    }

    @Test
    void logRangesAreGeometricWithExactEnds() {
        double[] v = ValueRange.parse("--lr", "0.001:20:log:40");
        assertThat(v).hasSize(40);
        assertThat(v[0]).isEqualTo(0.001);
        assertThat(v[39]).isEqualTo(20.0);
        double ratio = Math.pow(20 / 0.001, 1.0 / 39);
        for (int i = 1; i < v.length; i++) {
            assertThat(v[i] / v[i - 1]).as("ratio %d", i).isCloseTo(ratio, within(1e-12));
        }
        assertThat(ValueRange.parse("--lr", "1:100:log:3")[1]).isCloseTo(10, within(1e-12));
    }

    @Test
    void oneValueNeedsEqualEnds() {
        assertThat(ValueRange.parse("--lr", "0.5:0.5:1")).containsExactly(0.5);
        assertThat(ValueRange.parse("--lr", "2:2:log:1")).containsExactly(2);
        assertBad("--lr", "0.5:1:1", "1 value");
    }

    @Test
    void everyErrorNamesTheOption() {
        assertBad("--lr-hidden", "", "empty grid");
        assertBad("--lr-hidden", "   ", "empty grid");
        assertBad("--lr-hidden", "5:1:4", "reversed");
        assertBad("--lr-hidden", "5:1:log:4", "reversed");
        assertBad("--lr-hidden", "0:1:log:4", "> 0");
        assertBad("--lr-hidden", "-1:1:log:4", "> 0");
        assertBad("--lr-hidden", "0.1:1:0", "empty");
        assertBad("--lr-hidden", "0.1:1:-3", "empty");
        assertBad("--lr-hidden", "0.1:1:x", "whole number");
        assertBad("--lr-hidden", "0.1:1:2.5", "whole number");
        assertBad("--lr-hidden", "0.1:1:geo:4", "lin or log");
        assertBad("--lr-hidden", "0.1:1", "not a range");
        assertBad("--lr-hidden", "0.1:1:log:4:5", "not a range");
        assertBad("--lr-hidden", "0.1,,1", "not a finite number");
        assertBad("--lr-hidden", "0.1,abc", "abc");
        assertBad("--lr-hidden", "NaN", "not a finite number");
        assertBad("--lr-hidden", "1:Infinity:3", "not a finite number");
    }

    private static void assertBad(String option, String text, String fragment) {
        assertThatThrownBy(() -> ValueRange.parse(option, text)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(option + ": ").hasMessageContaining(fragment);
    }
}
