/**
 * One run, one specification (DESIGN.md): {@link netdyn.run.RunSpec} says everything a training run is
 * (data source with its split, shuffle and scaling; network; initialisation; optimizer; steps; seed), is
 * immutable and serializable, and is validated when built. Commands parse their options into it, sweep
 * axes vary it ({@code spec → spec}), and {@link netdyn.run.RunSpec#resolve} turns it into data, network
 * and θ₀ ready to train ({@link netdyn.run.ResolvedRun}).
 */
package netdyn.run;
