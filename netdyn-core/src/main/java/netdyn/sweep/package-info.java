/**
 * Sweeps over grids of settings (learning rate first of all): the grid and its tasks with derived
 * seeds ({@link netdyn.sweep.SweepSpec}), what a task measures ({@link netdyn.sweep.TaskMeasurer}),
 * a local thread-pool executor with sharding ({@link netdyn.sweep.SweepRunner}), the durable,
 * resumable result store ({@link netdyn.sweep.ResultStore}), a whole sweep run into a directory's store
 * ({@link netdyn.sweep.LocalSweep}, {@link netdyn.sweep.SweepResult}) and reading its rows
 * ({@link netdyn.sweep.ResultRows}).
 */
package netdyn.sweep;
