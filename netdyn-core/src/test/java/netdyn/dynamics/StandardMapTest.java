package netdyn.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StandardMapTest extends DiscreteMapContract {
    @Override
    DiscreteMap newMap() {
        return new StandardMap();
    }

    @Override
    double[] initialState() {
        return ReferenceSystems.parse("standard").initialState();
    }

    /** The step wraps p' and θ' = θ + p' into [0, 2π): differences across a wrap jump by 2π. */
    @Override
    boolean nearKink(double[] x, double margin) {
        double p = x[1] + StandardMap.CLASSIC_K * Math.sin(x[0]);
        return nearMultiple(p, margin) || nearMultiple(x[0] + p, margin);
    }

    private static boolean nearMultiple(double a, double margin) {
        double r = Math.IEEEremainder(a, StandardMap.TWO_PI);
        return Math.abs(r) < margin;
    }

    /**
     * Area preservation makes them ±λ; λ = 1.138 is this reference iteration's value at 10⁶ steps
     * (the large-K estimate ln(K/2) = 1.099 is only asymptotic), so this guards against regressions
     * and against a default state in a regular island (λ = 0).
     */
    @Override
    double[] knownExponents() {
        return new double[] {1.138, -1.138};
    }

    @Override
    double exponentTolerance() {
        return 1e-2;
    }

    @Test
    void stateIsReducedIntoTheTorus() {
        StandardMap map = new StandardMap();
        double[] out = new double[2];
        for (double[] x : new double[][] {{-1, -20}, {100, 3}, {0, -1e-300}, {StandardMap.TWO_PI, 0}}) {
            map.step(0, x, out);
            assertThat(out[0]).isGreaterThanOrEqualTo(0).isLessThan(StandardMap.TWO_PI);
            assertThat(out[1]).isGreaterThanOrEqualTo(0).isLessThan(StandardMap.TWO_PI);
        }
        assertThat(StandardMap.wrap(-1e-300)).isEqualTo(0);
        assertThat(StandardMap.wrap(3 * StandardMap.TWO_PI + 1)).isCloseTo(1, within(1e-14));
    }
}
