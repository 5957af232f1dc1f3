package netdyn.dynamics;

class RosslerFlowTest extends DiscreteMapContract {
    @Override
    DiscreteMap newMap() {
        return new RosslerFlow();
    }

    @Override
    double[] initialState() {
        return ReferenceSystems.parse("rossler").initialState();
    }

    @Override
    int transientSteps() {
        return ReferenceSystems.parse("rossler").defaultTransient();
    }

    /** Sprott, Chaos and Time-Series Analysis (2003), appendix A, per unit time. */
    @Override
    double[] knownExponents() {
        return new double[] {0.0714, 0, -5.3943};
    }

    @Override
    double exponentTolerance() {
        return 5e-3;
    }
}
