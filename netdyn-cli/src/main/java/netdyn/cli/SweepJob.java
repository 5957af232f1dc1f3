package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import netdyn.cli.io.Interrupts;
import netdyn.cli.io.Json;
import netdyn.cli.io.Progress;
import netdyn.cli.io.RunDirectory;
import netdyn.sweep.ResultStore;
import netdyn.sweep.SweepRunner;
import netdyn.sweep.SweepSpec;
import netdyn.sweep.SweepTask;
import netdyn.sweep.TaskProblems;

/** One sweep run into a directory: open or resume it, run the pending tasks of a shard, export. */
final class SweepJob {
    private SweepJob() {
    }

    /** The summary (see {@link SweepWriter#export}). */
    static Map<String, Object> run(SweepSpec spec, Path outDir, boolean force,
                                   Map<String, Object> manifestHeader, int[] shard, int threads, PrintWriter err,
                                   boolean quiet, String label) throws IOException {
        long started = System.nanoTime();
        TaskProblems problems = new TaskProblems(spec).check();
        RunDirectory dir = SweepWriter.open(outDir, force, SweepWriter.manifest(manifestHeader, spec, shard));
        try (ResultStore store = ResultStore.open(dir.file(ResultStore.FILE), spec.settings())) {
            if (store.discardedTornLine()) {
                err.println("netdyn " + label + ": discarded a torn last line in " + store.file()
                        + " (a crash mid-write); that task runs again");
            }
            List<SweepTask> pending = SweepRunner.pending(spec, shard[0], shard[1], store::isDone);
            int before = store.size();
            if (before > 0 && !quiet) {
                err.println("netdyn " + label + ": resuming " + outDir + ": " + before + " of "
                        + spec.taskCount() + " tasks already done, " + pending.size() + " to run");
            }
            return EarlyEnd.guard(dir, null, "run the same command again to continue (only missing tasks run)",
                    () -> Json.ordered("tasksDone", store.size(), "tasks", spec.taskCount()), () -> {
                Progress progress = new Progress(err, label, "task", null, pending.size(), quiet, 1);
                boolean complete = SweepRunner.run(spec, pending, threads, problems, SweepWriter.sink(dir, store),
                        new SweepRunner.Progress() {
                            @Override
                            public void update(int done, int total) {
                                progress.update(done, Double.NaN);
                            }

                            @Override
                            public boolean stopRequested() {
                                return Interrupts.stopRequested();
                            }
                        });
                if (!complete) {
                    Interrupts.checkpoint("task", store.size() - before, pending.size());
                }
                progress.done();
                return SweepWriter.export(dir, store, spec.taskCount(), pending.size(),
                        (System.nanoTime() - started) / 1e9);
            });
        }
    }
}
