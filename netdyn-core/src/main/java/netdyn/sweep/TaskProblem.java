package netdyn.sweep;

import netdyn.dynamics.OptimizerSpec;
import netdyn.nn.Batch;
import netdyn.nn.InitSpec;
import netdyn.nn.MlpSpec;

/**
 * What one task trains: the network, its data (test may be null), how it is initialised (with
 * {@code initSeed}, see {@link SweepSpec}) and the optimizer.
 */
public record TaskProblem(MlpSpec spec, Batch train, Batch test, InitSpec init, long initSeed,
                          OptimizerSpec optimizer) {
}
