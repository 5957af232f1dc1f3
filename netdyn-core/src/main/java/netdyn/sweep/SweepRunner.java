package netdyn.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * Runs the pending tasks of a sweep (or of one shard of it) on a pool of threads, one task per
 * thread at a time, and hands every result to a sink as it finishes. A task's result depends on the
 * task alone, so the set of results is the same for any thread count and any order of completion.
 */
public final class SweepRunner {

    /** Receives finished tasks; called from worker threads, one call at a time. */
    public interface Sink {
        void accept(SweepTask task, TaskResult result);
    }

    /** Progress after every finished task: done and total of this run (skipped tasks excluded). */
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
        for (int i = shard; i < spec.taskCount(); i += shards) {
            if (!done.test(i)) {
                list.add(spec.task(i));
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
        AtomicInteger finished = new AtomicInteger();
        Object lock = new Object();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SweepTask task : tasks) {
                futures.add(pool.submit(() -> {
                    TaskResult result = TaskMeasurer.measure(spec, task, problems.apply(task));
                    synchronized (lock) {
                        sink.accept(task, result);
                        progress.update(finished.incrementAndGet(), tasks.size());
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
