package netdyn.dynamics;

class LoziMapTest extends DiscreteMapContract {
    @Override
    DiscreteMap newMap() {
        return new LoziMap();
    }

    @Override
    double[] initialState() {
        return ReferenceSystems.parse("lozi").initialState();
    }

    @Override
    boolean nearKink(double[] x, double margin) {
        return Math.abs(x[0]) < margin;
    }

    /** Sprott, Chaos and Time-Series Analysis (2003), appendix A. */
    @Override
    double[] knownExponents() {
        return new double[] {0.4703, -1.1634};
    }
}
