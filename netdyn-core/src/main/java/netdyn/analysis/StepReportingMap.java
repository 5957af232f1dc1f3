package netdyn.analysis;

import java.util.function.LongConsumer;

import netdyn.dynamics.DiscreteMap;

/**
 * A map that tells a listener each time a new step index t is first stepped, and is otherwise the map it
 * wraps (every call is passed on unchanged, so results are bit for bit the wrapped map's). For progress
 * of estimators that step a map without a per-step callback of their own, such as the twin orbit, which
 * steps two states per step: the listener hears t once.
 */
public final class StepReportingMap implements DiscreteMap {
    private final DiscreteMap map;
    private final LongConsumer listener;
    private long last = Long.MIN_VALUE;

    /** @param listener called with t before the first step at index t */
    public StepReportingMap(DiscreteMap map, LongConsumer listener) {
        this.map = map;
        this.listener = listener;
    }

    @Override
    public int dimension() {
        return map.dimension();
    }

    @Override
    public void step(long t, double[] x, double[] out) {
        if (t != last) {
            last = t;
            listener.accept(t);
        }
        map.step(t, x, out);
    }

    @Override
    public void tangent(long t, double[] x, double[] v, double[] out) {
        map.tangent(t, x, v, out);
    }

    @Override
    public double logAbsDetJacobian(long t, double[] x) {
        return map.logAbsDetJacobian(t, x);
    }

    @Override
    public String domainViolation(double[] x) {
        return map.domainViolation(x);
    }

    @Override
    public void clampToDomain(double[] x) {
        map.clampToDomain(x);
    }

    @Override
    public double timePerStep() {
        return map.timePerStep();
    }

    @Override
    public void tangentBlock(long t, double[] x, double[] vs, int k, double[] out) {
        map.tangentBlock(t, x, vs, k, out);
    }
}
