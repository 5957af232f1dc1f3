package netdyn.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
     * already handed to the sink stay) and its exception is rethrown.
     */
    public static void run(SweepSpec spec, List<SweepTask> tasks, int threads,
                           Function<SweepTask, TaskProblem> problems, Sink sink, Progress progress) {
        if (tasks.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tasks.size())), r -> {
            Thread t = new Thread(r, "netdyn-sweep");
            t.setDaemon(true);
            return t;
        });
        CompletionService<SweepTask> done = new ExecutorCompletionService<>(pool);
        try {
            for (SweepTask task : tasks) {
                done.submit(() -> {
                    TaskResult result = TaskMeasurer.measure(spec, task, problems.apply(task));
                    synchronized (sink) {
                        sink.accept(task, result);
                    }
                    return task;
                });
            }
            for (int finished = 1; finished <= tasks.size(); finished++) {
                try {
                    done.take().get(); // in order of completion: a failure stops the sweep at once
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
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
