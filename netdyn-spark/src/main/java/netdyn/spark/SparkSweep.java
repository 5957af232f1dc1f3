package netdyn.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import netdyn.run.DataSpec;
import netdyn.sweep.LocalSweep;
import netdyn.sweep.ResultStore;
import netdyn.sweep.SweepResult;
import netdyn.sweep.SweepRunner;
import netdyn.sweep.SweepSpec;
import netdyn.sweep.SweepTask;
import netdyn.sweep.TaskMeasurer;
import netdyn.sweep.TaskProblems;
import netdyn.sweep.TaskResult;

/**
 * A sweep run on Apache Spark into a directory on the driver, with the rows a local run gives, bit for bit.
 *
 * <p>The sweep is checked and its data loaded once on the driver ({@link TaskProblems#check}) and broadcast,
 * so executors read no file of the user's. The tasks the driver's result store ({@code DIR/store.jsonl})
 * does not hold yet go out by index in chunks, one asynchronous Spark job per chunk, two at a time; each
 * task is measured on an executor exactly as on one machine ({@link TaskMeasurer}: every random draw comes from the sweep seed and
 * the task's init or index, never from a partition, executor or thread), and the chunk's rows come back
 * and are appended to the store durably, in task order. A killed driver loses only the chunks in flight; run
 * again, only the missing tasks go out. A row for a task the store already holds is compared with it and
 * refused when different.
 */
public final class SparkSweep {
    /** Tasks per Spark job unless given: enough to keep executors busy, few enough to lose little. */
    public static final int DEFAULT_CHUNK = 64;
    /** Chunk jobs out at once: the next runs while the driver appends the last. */
    static final int IN_FLIGHT = 2;

    /**
     * Executor-side problems per (broadcast, sweep): the batches are built once per JVM, not once per task. The
     * sweep is part of the key because broadcast ids start again at 0 in every Spark context, and a JVM may see
     * several (a driver in local mode, a Java caller that opens engines one after another); the last few are
     * kept, so the levels of a deep zoom do not pile up their data.
     */
    private static final Map<ProblemKey, TaskProblems> PROBLEMS = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<ProblemKey, TaskProblems> eldest) {
                    return size() > 4;
                }
            });

    private record ProblemKey(long broadcast, SweepSpec sweep) {
    }

    private SparkSweep() {
    }

    /**
     * A task's result as it travels back to the driver: its row values, its series, and which JVM computed it
     * ({@code pid@host}; told to a {@link Listener}, never stored).
     */
    record Row(int task, LinkedHashMap<String, Object> values, LinkedHashMap<String, double[]> series,
               String worker) implements Serializable {
    }

    /** A local sweep's listener that also hears where each task was computed (given to {@link #run}). */
    public interface Listener extends LocalSweep.Listener {
        /** Task {@code task} was computed in the JVM {@code worker} ({@code pid@host}). */
        default void computedBy(int task, String worker) {
        }
    }

    /**
     * Runs every task of {@code spec} that the store in {@code dir} does not hold, on {@code spark}.
     *
     * @param chunk    tasks per Spark job
     * @param listener hears the start, every finished task (on the driver, before its row is appended) and
     *                 progress; on its stop request no further chunk is sent, and the chunks out are finished
     */
    public static SweepResult run(JavaSparkContext spark, SweepSpec spec, Path dir, int chunk,
                                  LocalSweep.Listener listener) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be >= 1 (got " + chunk + ")");
        }
        TaskProblems checked = new TaskProblems(spec).check();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Broadcast<Map<DataSpec, DataSpec.Data>> data = spark.broadcast(new LinkedHashMap<>(checked.loaded()));
        try (ResultStore store = ResultStore.open(dir.resolve(ResultStore.FILE), spec.settings())) {
            List<SweepTask> pending = SweepRunner.pending(spec, 0, 1, store::isDone);
            listener.started(store, pending);
            // chunks go out as asynchronous jobs, IN_FLIGHT at a time, so executors move on to the next chunk
            // while the driver appends the last; their rows are appended in chunk order
            List<List<Integer>> chunks = new ArrayList<>();
            for (int from = 0; from < pending.size(); from += chunk) {
                List<Integer> indices = new ArrayList<>();
                for (SweepTask t : pending.subList(from, Math.min(pending.size(), from + chunk))) {
                    indices.add(t.index());
                }
                chunks.add(indices);
            }
            java.util.ArrayDeque<JavaFutureAction<List<Row>>> inFlight = new java.util.ArrayDeque<>();
            int next = 0;
            int done = 0;
            boolean stopped = false;
            while (next < chunks.size() || !inFlight.isEmpty()) {
                if (!stopped && listener.stopRequested()) {
                    stopped = true; // finish the chunks already out, send no more
                }
                if (stopped && inFlight.isEmpty()) {
                    break;
                }
                while (!stopped && next < chunks.size() && inFlight.size() < IN_FLIGHT) {
                    List<Integer> indices = chunks.get(next++);
                    inFlight.add(spark.parallelize(indices, indices.size()).map(i -> measure(spec, data, i))
                            .collectAsync());
                }
                JavaFutureAction<List<Row>> job = inFlight.peek();
                List<Row> rows = null;
                while (rows == null) {
                    if (!stopped && listener.stopRequested()) {
                        stopped = true; // finish the chunks already out, send no more
                    }
                    try {
                        rows = job.get(100, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException e) {
                        // poll the stop request again
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        inFlight.forEach(j -> j.cancel(true));
                        throw new IllegalStateException("interrupted while waiting for Spark", e);
                    } catch (ExecutionException e) {
                        inFlight.forEach(j -> j.cancel(true));
                        throw new IllegalStateException("a Spark job failed: " + e.getCause(), e.getCause());
                    }
                }
                inFlight.poll();
                List<Row> sorted = new ArrayList<>(rows);
                sorted.sort(java.util.Comparator.comparingInt(Row::task));
                for (Row r : sorted) {
                    append(store, spec.task(r.task()), r, listener);
                    listener.update(++done, pending.size());
                }
            }
            stopped = stopped && done < pending.size();
            return SweepResult.of(spec.taskCount(), pending.size(), stopped, store);
        } finally {
            data.destroy();
        }
    }

    /** On an executor: one task, measured as a local sweep measures it. */
    private static Row measure(SweepSpec spec, Broadcast<Map<DataSpec, DataSpec.Data>> data, int index) {
        TaskProblems problems = PROBLEMS.computeIfAbsent(new ProblemKey(data.id(), spec),
                key -> TaskProblems.of(spec, data.value()));
        SweepTask task = spec.task(index);
        TaskResult result = TaskMeasurer.measure(spec, task, problems.apply(task));
        return new Row(index, new LinkedHashMap<>(result.values()), new LinkedHashMap<>(result.series()),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getName());
    }

    /** Appends a returned row, or checks it against the row the store already holds for its task. */
    static void append(ResultStore store, SweepTask task, Row r, LocalSweep.Listener listener) {
        if (listener instanceof Listener hears) {
            hears.computedBy(r.task(), r.worker());
        }
        if (store.isDone(r.task())) {
            String held = store.lines().get(r.task());
            if (!held.equals(ResultStore.rowLine(r.values()))) {
                throw new IllegalStateException("task " + r.task() + " came back with a row different from the one "
                        + store.file() + " holds: refused");
            }
            return;
        }
        TaskResult result = new TaskResult();
        r.values().forEach(result::put);
        r.series().forEach(result::series);
        listener.finished(task, result);
        store.append(r.values());
    }
}
