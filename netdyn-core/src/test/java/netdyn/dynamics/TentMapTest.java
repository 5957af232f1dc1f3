package netdyn.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TentMapTest extends DiscreteMapContract {
    @Override
    DiscreteMap newMap() {
        return new TentMap();
    }

    @Override
    double[] initialState() {
        return ReferenceSystems.parse("tent").initialState();
    }

    @Override
    boolean nearKink(double[] x, double margin) {
        return Math.abs(x[0] - 0.5) < margin;
    }

    @Override
    double[] knownExponents() {
        return new double[] {Math.log(1.99)};
    }

    @Override
    double exponentTolerance() {
        return 1e-9; // the slope is the same everywhere: only the rounding of 10⁶ summed logarithms
    }

    @Test
    void theKinkBelongsToTheLeftBranch() {
        TentMap map = new TentMap(1.5);
        double[] out = new double[1];
        map.step(0, new double[] {0.5}, out);
        assertThat(out[0]).isEqualTo(0.75);
        map.tangent(0, new double[] {0.5}, new double[] {1}, out);
        assertThat(out[0]).isEqualTo(1.5);
        map.tangent(0, new double[] {0.6}, new double[] {1}, out);
        assertThat(out[0]).isEqualTo(-1.5);
    }
}
