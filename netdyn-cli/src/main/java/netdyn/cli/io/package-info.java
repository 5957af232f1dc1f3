/**
 * What a command writes and reads on disk, and how a long run talks to its user: JSON ({@link
 * netdyn.cli.io.Json}, numbers as Java's shortest round-trip text, NaN as null), NPY version 1.0 little-endian
 * float64 ({@link netdyn.cli.io.NpyWriter} streams rows and keeps every complete row on failure;
 * {@link netdyn.cli.io.NpyReader}), run directories held by one writer at a time ({@link
 * netdyn.cli.io.RunDirectory}, on core's {@link netdyn.sweep.DirectoryLock}), text files written so that a
 * failure names the file ({@link netdyn.cli.io.OutputFiles}), PNG plots for papers ({@link netdyn.cli.io.Plots}),
 * progress with an ETA ({@link netdyn.cli.io.Progress}) and SIGINT/SIGTERM as a stop at the next step or task
 * boundary ({@link netdyn.cli.io.Interrupts}; {@code Progress.update} is that boundary).
 */
package netdyn.cli.io;
