package netdyn.dynamics;

class HenonMapTest extends DiscreteMapContract {
    @Override
    DiscreteMap newMap() {
        return new HenonMap();
    }

    @Override
    double[] initialState() {
        return ReferenceSystems.parse("henon").initialState();
    }

    /** SCIENCE.md §5. */
    @Override
    double[] knownExponents() {
        return new double[] {0.41922, -1.62319};
    }
}
