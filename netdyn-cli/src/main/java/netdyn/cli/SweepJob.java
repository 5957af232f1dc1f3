package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import netdyn.sweep.ResultStore;
import netdyn.sweep.SweepRunner;
import netdyn.sweep.SweepSpec;
import netdyn.sweep.SweepTask;

/** One sweep run into a directory: open or resume it, run the pending tasks of a shard, export. */
final class SweepJob {
    private SweepJob() {
    }

    /** The summary (see {@link SweepWriter#export}). */
    static Map<String, Object> run(SweepSpec spec, NetworkOptions network, Path outDir, boolean force,
                                   Map<String, Object> manifestHeader, int[] shard, int threads, PrintWriter err,
                                   boolean quiet, String label) throws IOException {
        long started = System.nanoTime();
        SweepProblems problems = new SweepProblems(network);
        problems.check(spec);
        RunDirectory dir = SweepWriter.open(outDir, force, SweepWriter.manifest(manifestHeader, spec, shard));
        try (ResultStore store = ResultStore.open(dir.file(ResultStore.FILE), spec.settings())) {
            if (store.discardedTornLine()) {
                err.println("netdyn " + label + ": discarded a torn last line in " + store.file()
                        + " (a crash mid-write); that task runs again");
            }
            List<SweepTask> pending = SweepRunner.pending(spec, shard[0], shard[1], store::isDone);
            if (store.size() > 0 && !quiet) {
                err.println("netdyn " + label + ": resuming " + outDir + ": " + store.size() + " of "
                        + spec.taskCount() + " tasks already done, " + pending.size() + " to run");
            }
            Progress progress = new Progress(err, label, "task", null, pending.size(), quiet, 1);
            SweepRunner.run(spec, pending, threads, problems, SweepWriter.sink(dir, store),
                    (done, total) -> progress.update(done, Double.NaN));
            progress.done();
            return SweepWriter.export(dir, store, spec.taskCount(), pending.size(),
                    (System.nanoTime() - started) / 1e9);
        }
    }
}
