package netdyn.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LorenzFlowTest extends DiscreteMapContract {
    @Override
    DiscreteMap newMap() {
        return new LorenzFlow();
    }

    @Override
    double[] initialState() {
        return ReferenceSystems.parse("lorenz").initialState();
    }

    @Override
    int transientSteps() {
        return ReferenceSystems.parse("lorenz").defaultTransient();
    }

    /** SCIENCE.md §5, per unit time. */
    @Override
    double[] knownExponents() {
        return new double[] {0.9056, 0, -14.5723};
    }

    @Override
    double exponentTolerance() {
        return 1e-2;
    }

    @Test
    void volumeContractionPerStepIsTheTraceTimesDt() {
        LorenzFlow flow = new LorenzFlow();
        double expected = -(10 + 1 + 8.0 / 3) * 0.01;
        for (double[] x : orbitPoints(11)) {
            assertThat(flow.logAbsDetJacobian(0, x)).isCloseTo(expected, within(1e-4 * Math.abs(expected)));
        }
    }

    @Test
    void aSmallerStepTracksTheSameTrajectory() {
        LorenzFlow coarse = new LorenzFlow();
        LorenzFlow fine = new LorenzFlow(10, 28, 8.0 / 3, 0.001);
        double[] a = initialState();
        double[] b = initialState();
        double[] next = new double[3];
        for (int t = 0; t < 100; t++) { // one time unit
            coarse.step(t, a, next);
            System.arraycopy(next, 0, a, 0, 3);
            for (int s = 0; s < 10; s++) {
                fine.step(s, b, next);
                System.arraycopy(next, 0, b, 0, 3);
            }
        }
        for (int i = 0; i < 3; i++) {
            assertThat(a[i]).isCloseTo(b[i], within(1e-5 * Math.max(1, Math.abs(b[i]))));
        }
    }
}
