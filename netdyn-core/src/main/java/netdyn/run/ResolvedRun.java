package netdyn.run;

import netdyn.data.Dataset;
import netdyn.dynamics.OptimizerSpec;
import netdyn.nn.InitSpec;
import netdyn.nn.MlpSpec;

/**
 * A {@link RunSpec} made concrete: its data loaded and prepared, the network sized to the data, the
 * training map's settings and θ₀ (init 0 of the spec's seed, unless replaced with {@link #withTheta0}).
 */
public record ResolvedRun(RunSpec run, DataSpec.Data data, MlpSpec spec, OptimizerSpec optimizer, double[] theta0) {

    public Dataset trainSet() {
        return data.train();
    }

    public Dataset testSet() {
        return data.test();
    }

    public InitSpec init() {
        return run.init();
    }

    /** The same run from another starting point (e.g. parameters read from a file). */
    public ResolvedRun withTheta0(double[] theta) {
        if (theta.length != theta0.length) {
            throw new IllegalArgumentException("θ₀ has " + theta.length + " values, the network " + theta0.length);
        }
        return new ResolvedRun(run, data, spec, optimizer, theta.clone());
    }
}
