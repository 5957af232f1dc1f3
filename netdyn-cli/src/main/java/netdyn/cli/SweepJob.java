package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import netdyn.cli.io.Interrupts;
import netdyn.cli.io.Json;
import netdyn.cli.io.Progress;
import netdyn.cli.io.RunDirectory;
import netdyn.sweep.LocalSweep;
import netdyn.sweep.ResultStore;
import netdyn.sweep.SweepResult;
import netdyn.sweep.SweepSpec;
import netdyn.sweep.SweepTask;
import netdyn.sweep.TaskMeasurer;
import netdyn.sweep.TaskResult;

/**
 * One sweep run into a directory from the command line: the run directory and its manifest, the core's
 * {@link LocalSweep} run with progress, messages and interrupts, each task's series beside its row, then
 * the exports.
 */
final class SweepJob {
    /** Where the sweep stands, and the summary its exports gave (see {@link SweepWriter#export}). */
    record Outcome(SweepResult result, Map<String, Object> summary) {
    }

    private SweepJob() {
    }

    /**
     * @param jsonOut where an interrupted sweep prints its summary as JSON ({@code --json}), or null (the
     *                summary.json is written either way)
     */
    static Outcome run(LocalSweep sweep, Path outDir, boolean force, Map<String, Object> manifestHeader, int[] shard,
                       int threads, PrintWriter err, PrintWriter jsonOut, boolean quiet, String label)
            throws IOException {
        return run(sweep.spec(), (dir, listener) -> sweep.run(dir, new LocalSweep.Options(shard[0], shard[1], threads,
                listener)), outDir, force, manifestHeader, shard, err, jsonOut, quiet, label);
    }

    /** What runs the tasks into a directory: this machine's threads, or an engine ({@code SweepEngine}). */
    interface Runner {
        SweepResult run(Path dir, LocalSweep.Listener listener);
    }

    /** As above, with the tasks run by {@code runner}. */
    static Outcome run(SweepSpec spec, Runner runner, Path outDir, boolean force, Map<String, Object> manifestHeader,
                       int[] shard, PrintWriter err, PrintWriter jsonOut, boolean quiet, String label)
            throws IOException {
        long started = System.nanoTime();
        RunDirectory dir = SweepWriter.open(outDir, force, SweepWriter.manifest(manifestHeader, spec, shard));
        Listener listener = new Listener(dir, err, quiet, label, outDir, spec.taskCount(),
                TaskMeasurer.stepsPerTask(spec));
        return EarlyEnd.guard(dir, jsonOut, "run the same command again to continue (only missing tasks run)",
                () -> Json.ordered("tasksDone", listener.store == null ? 0 : listener.store.size(), "tasks",
                        spec.taskCount()), () -> {
                SweepResult result = runner.run(dir.path(), listener);
                if (result.stopped()) {
                    Interrupts.checkpoint("task", result.done() - listener.before, result.ran());
                }
                listener.progress.done();
                return new Outcome(result, SweepWriter.export(dir, result.lines(), result.rows(), spec.taskCount(),
                        result.ran(), (System.nanoTime() - started) / 1e9));
            });
    }

    /** Messages and progress on stderr, series files beside the store, stop requests from signals. */
    private static final class Listener implements LocalSweep.Listener {
        private final RunDirectory dir;
        private final PrintWriter err;
        private final boolean quiet;
        private final String label;
        private final Path outDir;
        private final int taskCount;
        private final long stepsPerTask;
        /** Steps taken inside this run's tasks, from the worker threads. */
        private final AtomicLong steps = new AtomicLong();
        private volatile int done;
        private double totalSteps;
        ResultStore store;
        int before;
        Progress progress;

        Listener(RunDirectory dir, PrintWriter err, boolean quiet, String label, Path outDir, int taskCount,
                 long stepsPerTask) {
            this.stepsPerTask = stepsPerTask;
            this.dir = dir;
            this.err = err;
            this.quiet = quiet;
            this.label = label;
            this.outDir = outDir;
            this.taskCount = taskCount;
        }

        @Override
        public void started(ResultStore opened, List<SweepTask> pending) {
            store = opened;
            before = opened.size();
            if (opened.discardedTornLine()) {
                err.println("netdyn " + label + ": discarded a torn last line in " + opened.file()
                        + " (a crash mid-write); that task runs again");
            }
            if (before > 0 && !quiet) {
                err.println("netdyn " + label + ": resuming " + outDir + ": " + before + " of " + taskCount
                        + " tasks already done, " + pending.size() + " to run");
            }
            progress = new Progress(err, label, "task", null, pending.size(), quiet, 1);
            totalSteps = (double) stepsPerTask * pending.size();
        }

        @Override
        public void finished(SweepTask task, TaskResult result) {
            SweepWriter.writeSeries(dir, task, result);
        }

        @Override
        public void update(int done, int total) {
            this.done = done;
            progress.update(done, Double.NaN, steps.get() / totalSteps);
        }

        @Override
        public void stepsDone(long n) {
            steps.addAndGet(n);
        }

        /** Between finished tasks: the share of the steps taken so far, so one long task still shows progress. */
        @Override
        public void tick() {
            progress.update(done, Double.NaN, steps.get() / totalSteps);
        }

        @Override
        public boolean stopRequested() {
            return Interrupts.stopRequested();
        }
    }
}
