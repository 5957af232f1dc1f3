package netdyn.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * Runs the pending tasks of a sweep (or of one shard of it) on a pool of threads, one task per
 * thread at a time, and hands every result to a sink as it finishes. A task's result depends on the
 * task alone, so the set of results is the same for any thread count and any order of completion.
 */
public final class SweepRunner {

    /** Receives finished tasks; called from worker threads, one call at a time (synchronised on the sink). */
    public interface Sink {
        void accept(SweepTask task, TaskResult result);
    }

    /** Progress after every finished task, on the calling thread: done and total of this run. */
    public interface Progress {
        void update(int done, int total);

        /**
         * Asked on the calling thread while tasks run (every finished task, and at least every 100 ms): true
         * stops the sweep at a task boundary.
         */
        default boolean stopRequested() {
            return false;
        }

        /**
         * {@code n} more training steps were taken inside the running tasks ({@link TaskMeasurer#stepsPerTask}
         * per task); called from worker threads, concurrently: keep it to an atomic add.
         */
        default void stepsDone(long n) {
        }

        /** Called on the calling thread at least every 100 ms while tasks run: a moment to show progress. */
        default void tick() {
        }
    }

    private SweepRunner() {
    }

    /**
     * The task indices of shard {@code shard} of {@code shards} that {@code done} does not hold,
     * ascending.
     */
    public static List<SweepTask> pending(SweepSpec spec, int shard, int shards, IntPredicate done) {
        List<SweepTask> list = new ArrayList<>();
        for (int i = 0; i < spec.taskCount(); i++) {
            SweepTask task = spec.task(i);
            if (task.inShard(shard, shards) && !done.test(i)) {
                list.add(task);
            }
        }
        return list;
    }

    /**
     * Runs {@code tasks} on {@code threads} threads. The first task to fail stops the others (results
     * already handed to the sink stay) and its exception is rethrown. When {@code progress} asks to stop,
     * the tasks in flight are abandoned: no result reaches the sink after this method returns.
     *
     * @return true when every task ran, false when stopped (the sink holds the tasks that finished before)
     */
    public static boolean run(SweepSpec spec, List<SweepTask> tasks, int threads,
                          Function<SweepTask, TaskProblem> problems, Sink sink, Progress progress) {
        if (tasks.isEmpty()) {
            return true;
        }
        if (progress.stopRequested()) {
            return false;
        }
        boolean[] closed = {false}; // guarded by sink: once set, late results are dropped
        // set when this method leaves: a worker starts no further task (each worker finishes at most the one
        // it is in, which the closed sink then drops), however fast the tasks are against the stop polling
        AtomicBoolean leaving = new AtomicBoolean();
        List<Future<SweepTask>> submitted = new ArrayList<>(tasks.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tasks.size())), r -> {
            Thread t = new Thread(r, "netdyn-sweep");
            t.setDaemon(true);
            return t;
        });
        CompletionService<SweepTask> done = new ExecutorCompletionService<>(pool);
        try {
            for (SweepTask task : tasks) {
                submitted.add(done.submit(() -> {
                    if (leaving.get()) {
                        return task;
                    }
                    TaskResult result = TaskMeasurer.measure(spec, task, problems.apply(task), progress::stepsDone);
                    synchronized (sink) {
                        if (!closed[0]) {
                            sink.accept(task, result);
                        }
                    }
                    return task;
                }));
            }
            for (int finished = 1; finished <= tasks.size(); finished++) {
                try {
                    Future<SweepTask> next;
                    while ((next = done.poll(100, TimeUnit.MILLISECONDS)) == null) {
                        if (progress.stopRequested()) {
                            return false;
                        }
                        progress.tick();
                    }
                    next.get(); // in order of completion: a failure stops the sweep at once
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
                progress.update(finished, tasks.size());
                if (finished < tasks.size() && progress.stopRequested()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } finally {
            leaving.set(true);
            synchronized (sink) {
                closed[0] = true;
            }
            // tasks not started never start; running ones are not interrupted (a worker inside a write would
            // have its file channel closed under it): they finish their task and the closed sink drops it
            submitted.forEach(f -> f.cancel(false));
            pool.shutdown();
        }
    }
}
