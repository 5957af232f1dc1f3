package netdyn.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CatMapTest extends DiscreteMapContract {
    @Override
    DiscreteMap newMap() {
        return new CatMap();
    }

    @Override
    double[] initialState() {
        return ReferenceSystems.parse("cat").initialState();
    }

    /** The step wraps 2x + y and x + y into [0, 1): differences across a wrap jump by 1. */
    @Override
    boolean nearKink(double[] x, double margin) {
        return nearInteger(2 * x[0] + x[1], margin) || nearInteger(x[0] + x[1], margin);
    }

    private static boolean nearInteger(double a, double margin) {
        return Math.abs(a - Math.rint(a)) < margin;
    }

    /** SCIENCE.md §5: ±ln((3 + √5)/2), the same at every point. */
    @Override
    double[] knownExponents() {
        return new double[] {0.962424, -0.962424};
    }

    @Override
    double exponentTolerance() {
        return 1e-6;
    }

    @Test
    void latticePointsMapExactly() {
        CatMap map = new CatMap();
        double[] out = new double[2];
        map.step(0, new double[] {0.75, 0.5}, out);
        assertThat(out).containsExactly(0, 0.25);
        map.step(0, new double[] {-1e-300, 0}, out);
        assertThat(out).containsExactly(0, 0);
        assertThat(CatMap.EXPONENT).isCloseTo(0.962424, within(1e-6));
    }
}
