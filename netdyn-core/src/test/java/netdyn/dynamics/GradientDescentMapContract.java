package netdyn.dynamics;

import netdyn.nn.MlpSpec;

/**
 * The map contract for gradient descent on a network: Iris's 120 training samples, θ_0 from the study's
 * init (seed 6), the velocity at 0 when there is momentum, 20 transient steps. A test names the network and
 * the optimizer.
 */
abstract class GradientDescentMapContract extends DiscreteMapContract {

    abstract MlpSpec network();

    abstract OptimizerSpec optimizer();

    @Override
    DiscreteMap newMap() {
        return new GradientDescentMap(network(), GradientDescentMapTest.IRIS, optimizer());
    }

    @Override
    double[] initialState() {
        double[] theta = GradientDescentMapTest.init(network(), 6, 0);
        double[] x = new double[newMap().dimension()]; // (θ, 0) with momentum
        System.arraycopy(theta, 0, x, 0, theta.length);
        return x;
    }

    @Override
    int transientSteps() {
        return 20;
    }

    /**
     * Second moments (RMSProp's v, Adam's v) are of the size of g², often below the difference step, and √v is
     * not smooth on that scale: the direction's second-moment components are scaled by the state's own.
     */
    @Override
    double[] direction(double[] x, double[] v) {
        UpdateRule rule = optimizer().update();
        if (!rule.adaptive()) {
            return v;
        }
        int p = x.length / rule.stateBlocks();
        int from = (rule.stateBlocks() - 1) * p;
        double[] d = v.clone();
        for (int i = from; i < x.length; i++) {
            d[i] *= x[i];
        }
        return d;
    }
}
