/**
 * The command line: {@link netdyn.cli.Main} and one picocli command per verb (train, divergence, lyapunov,
 * sharpness, series, regime, sweep, report, atlas, selfcheck), each with its options and its writer. A
 * command only parses its options into a core specification ({@link netdyn.run.RunSpec},
 * {@link netdyn.sweep.SweepSpec}), calls core and writes what core returned; every number is computed in
 * netdyn-core. {@link netdyn.cli.Flags} maps the Java parameter named by a core
 * {@link netdyn.BadInputException} to the option a user typed, so a bad value gets one line naming the option
 * and exit code 2. {@link netdyn.cli.EarlyEnd} turns an interrupt or a write failure into a run directory with
 * {@code summary.json} status "interrupted" or "failed".
 *
 * <p>Dependencies: commands use {@link netdyn.cli.io} (files) and {@link netdyn.cli.report} (pages); neither
 * of those uses a command, except that the report reads the sweep directory layout from
 * {@link netdyn.cli.SweepWriter}.
 */
package netdyn.cli;
