package netdyn.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogisticMapTest extends DiscreteMapContract {
    @Override
    DiscreteMap newMap() {
        return new LogisticMap();
    }

    @Override
    double[] initialState() {
        return ReferenceSystems.parse("logistic").initialState();
    }

    @Override
    double[] knownExponents() {
        return new double[] {Math.log(2)};
    }

    @Test
    void fixedPointExponentBelowThePeriodDoublingIsLnAbsTwoMinusR() {
        LogisticMap map = new LogisticMap(2.8);
        double[] x = {0.3};
        double[] spectrum = naiveSpectrum(map, x, 20_000);
        assertThat(spectrum[0]).isCloseTo(Math.log(Math.abs(2 - 2.8)), within(1e-3));
    }

    @Test
    void domainIsTheUnitInterval() {
        LogisticMap map = new LogisticMap();
        assertThat(map.domainViolation(new double[] {0})).isNull();
        assertThat(map.domainViolation(new double[] {1})).isNull();
        assertThat(map.domainViolation(new double[] {1.2})).contains("x = 1.2", "[0, 1]");
        assertThat(map.domainViolation(new double[] {-1e-9})).contains("[0, 1]");
    }

    @Test
    void rejectsANonPositiveRate() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LogisticMap(0))
                .withMessage("r must be a finite number > 0 (got 0.0)");
    }
}
