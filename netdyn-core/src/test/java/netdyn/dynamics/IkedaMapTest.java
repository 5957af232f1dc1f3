package netdyn.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import netdyn.rng.SplitMix64;

class IkedaMapTest extends DiscreteMapContract {
    @Override
    DiscreteMap newMap() {
        return new IkedaMap();
    }

    @Override
    double[] initialState() {
        return ReferenceSystems.parse("ikeda").initialState();
    }

    /** Sprott, Chaos and Time-Series Analysis (2003), appendix A. */
    @Override
    double[] knownExponents() {
        return new double[] {0.5076, -0.7183};
    }

    @Test
    void determinantIsUSquaredEverywhereNotOnlyOnTheAttractor() {
        IkedaMap map = new IkedaMap(0.7);
        SplitMix64 rng = new SplitMix64(1);
        for (int i = 0; i < 100; i++) {
            double[] x = {3 * rng.nextGaussian(), 3 * rng.nextGaussian()};
            double det = CommonOps_DDRM.det(jacobian(map, x));
            assertThat(det).isCloseTo(0.49, within(1e-12));
        }
    }
}
