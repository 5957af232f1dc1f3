package netdyn.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * R replicas of one training map advanced together: states are one [R × dimension] row-major
 * array and one call steps them all, split into contiguous slices over a fixed pool of threads,
 * each thread with its own {@link GradientDescentMap} (own workspace); with fewer replicas than
 * threads, the replicas go one after another and the threads share each layer product instead
 * (what a single large network needs). Each replica's arithmetic is the same whatever the slicing
 * and splitting, so results are bit-identical on any thread count.
 */
public final class Ensemble implements AutoCloseable {
    private final GradientDescentMap[] maps;
    private final ExecutorService pool;
    private final int dimension;

    /**
     * @param maps    makes one map per thread (all for the same network, data and optimiser)
     * @param threads worker threads (1 runs on the caller's thread)
     */
    public Ensemble(Supplier<GradientDescentMap> maps, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
        }
        this.maps = new GradientDescentMap[threads];
        for (int i = 0; i < threads; i++) {
            this.maps[i] = maps.get();
        }
        this.dimension = this.maps[0].dimension();
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "netdyn-ensemble");
            th.setDaemon(true);
            return th;
        });
    }

    public int dimension() {
        return dimension;
    }

    /** The map of the first worker: the one that steps row 0 (every row with one thread). */
    public GradientDescentMap firstMap() {
        return maps[0];
    }

    /**
     * Steps replicas 0..replicas−1: next[r] = F_t(states[r]); losses[r] = L(states[r]) and
     * correct[r] its correctly classified training samples (correct may be null).
     */
    public void step(long t, double[] states, double[] next, int replicas, double[] losses, int[] correct) {
        if (states.length < (long) replicas * dimension || next.length < (long) replicas * dimension
                || losses.length < replicas) {
            throw new IllegalArgumentException("ensemble of " + replicas + " replicas × " + dimension
                    + " needs arrays of " + (long) replicas * dimension + " (states " + states.length + ", next "
                    + next.length + ") and losses of " + replicas + " (got " + losses.length + ")");
        }
        int threads = maps.length;
        if (pool == null || replicas < threads) {
            // fewer orbits than threads: one after another, each step's layer products shared by all threads
            maps[0].setThreads(threads);
            run(maps[0], t, states, next, 0, replicas, losses, correct);
            return;
        }
        maps[0].setThreads(1);
        List<Future<?>> futures = new ArrayList<>(threads);
        for (int k = 0; k < threads; k++) {
            int from = (int) ((long) replicas * k / threads);
            int to = (int) ((long) replicas * (k + 1) / threads);
            GradientDescentMap map = maps[k];
            futures.add(pool.submit(() -> run(map, t, states, next, from, to, losses, correct)));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ensemble step interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("ensemble step failed: " + e.getCause(), e.getCause());
        }
    }

    private void run(GradientDescentMap map, long t, double[] states, double[] next, int from, int to,
                     double[] losses, int[] correct) {
        map.stepRows(t, states, from, to, next, losses, correct);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
