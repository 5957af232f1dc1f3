package netdyn.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;

import netdyn.BadInputException;
import netdyn.FileErrors;

/**
 * A sweep run on this machine into a directory, resumably: the directory's result store
 * ({@code DIR/store.jsonl}, {@link ResultStore}) is created, or resumed when it holds a sweep with the
 * same settings (refused, naming the setting, when it holds another), the tasks it does not hold yet run
 * on a pool of threads ({@link SweepRunner}) and each finished task's row is appended durably. Killed at
 * any moment, the same call continues where it stopped; the rows are the same for any thread count,
 * order of completion or sharding.
 *
 * <pre>{@code
 * SweepResult r = LocalSweep.run(spec, Path.of("out/sweep"));   // every task, on every core
 * for (Map<String, Object> row : r.rows()) { ... }
 * }</pre>
 *
 * <p>{@link #of} checks the sweep before anything is written (loads every data source of the grid once
 * and sizes every network); {@link #run(Path, Options)} then runs it, as often as needed (each call
 * runs what is missing). The directory is written under its {@link DirectoryLock}: the one the caller
 * holds, or one taken for the run. Only the store is written there; a {@link Listener} may write
 * more beside it (the command line writes each task's series and, after the run, the exports).
 */
public final class LocalSweep {
    private final SweepSpec spec;
    private final TaskProblems problems;

    private LocalSweep(SweepSpec spec, TaskProblems problems) {
        this.spec = spec;
        this.problems = problems;
    }

    /**
     * The sweep, checked: every data source of the grid is loaded (once, and kept for the tasks) and every
     * network sized, so that a bad grid value fails now, before a directory is touched.
     */
    public static LocalSweep of(SweepSpec spec) {
        return new LocalSweep(spec, new TaskProblems(spec).check());
    }

    /** Runs every missing task of {@code spec} into {@code dir} on every core (see {@link #run(Path, Options)}). */
    public static SweepResult run(SweepSpec spec, Path dir) {
        return of(spec).run(dir, Options.defaults());
    }

    public SweepSpec spec() {
        return spec;
    }

    /**
     * Runs the tasks of the options' shard that the store in {@code dir} does not hold yet (creating the
     * directory and the store when absent), until all ran or the listener asks to stop.
     *
     * @return every row of the store after the run, and whether it was stopped
     * @throws BadInputException when {@code dir} holds a sweep with other settings or another process
     *                           writes there
     */
    public SweepResult run(Path dir, Options options) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(FileErrors.named(dir, e));
        }
        Listener listener = options.listener();
        try (ResultStore store = ResultStore.open(dir.resolve(ResultStore.FILE), spec.settings())) {
            List<SweepTask> pending = SweepRunner.pending(spec, options.shard(), options.shards(), store::isDone);
            listener.started(store, pending);
            boolean ranAll = SweepRunner.run(spec, pending, options.threads(), problems, (task, result) -> {
                listener.finished(task, result);
                store.append(new LinkedHashMap<>(result.values()));
            }, listener);
            return SweepResult.of(spec.taskCount(), pending.size(), !ranAll, store);
        }
    }

    /**
     * Hears what a run does. Every method has a default that does nothing (never stops).
     */
    public interface Listener extends SweepRunner.Progress {
        /** The store is open, holding {@code store.size()} finished tasks; {@code pending} run now. */
        default void started(ResultStore store, List<SweepTask> pending) {
        }

        /**
         * A task finished; called from a worker thread, one call at a time, before its row is appended, so
         * that whatever this writes for the task is complete when the store holds its row.
         */
        default void finished(SweepTask task, TaskResult result) {
        }

        @Override
        default void update(int done, int total) {
        }
    }

    /**
     * How a run goes: which shard of the tasks (dealt round-robin: task i belongs to shard i mod shards),
     * on how many threads, heard by whom.
     *
     * @param shard   0-based, below {@code shards}
     * @param threads worker threads, >= 1
     */
    public record Options(int shard, int shards, int threads, Listener listener) {
        private static final Listener SILENT = new Listener() {
        };

        public Options {
            if (threads < 1) {
                throw BadInputException.of("threads", "must be >= 1 (got " + threads + ")");
            }
            if (shards < 1 || shard < 0 || shard >= shards) {
                throw BadInputException.of("shard", "must be between 0 and shards − 1 for shards >= 1 (got shard "
                        + shard + " of " + shards + ")");
            }
            if (listener == null) {
                listener = SILENT;
            }
        }

        /** Every task, on every core, heard by no one. */
        public static Options defaults() {
            return new Options(0, 1, Runtime.getRuntime().availableProcessors(), SILENT);
        }

        public Options withThreads(int n) {
            return new Options(shard, shards, n, listener);
        }

        /** Only shard {@code index} (0-based) of {@code count}. */
        public Options withShard(int index, int count) {
            return new Options(index, count, threads, listener);
        }

        public Options withListener(Listener l) {
            return new Options(shard, shards, threads, l);
        }
    }
}
