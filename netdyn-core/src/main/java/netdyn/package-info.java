/**
 * What every part of netdyn shares: {@link netdyn.BadInputException}, the one exception for a bad setting
 * (it names the setting by its Java name and the class that checks it; the command line turns that name into
 * its option), and {@link netdyn.FileErrors}, which turns a failed write into a message naming the file and
 * the cause. The science lives in the sub-packages: data, nn, dynamics, lyapunov, curvature, series, analysis,
 * run, sweep, atlas and rng.
 */
package netdyn;
