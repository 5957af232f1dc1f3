package netdyn.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a sweep stands after {@link LocalSweep#run}: every row its store holds (the tasks finished by this
 * run and by earlier ones), how many tasks this run set out to compute, and whether it was stopped before
 * they all finished.
 *
 * @param tasks   the sweep's task count
 * @param ran     the tasks this run set out to compute (the pending tasks of its shard)
 * @param stopped whether a stop request ended the run before all of them finished
 * @param lines   the store's rows as stored, by task index (ascending)
 * @param rows    the same rows parsed, in the same order (read-only)
 */
public record SweepResult(int tasks, int ran, boolean stopped, Map<Integer, String> lines,
                          List<Map<String, Object>> rows) {

    public SweepResult {
        lines = Collections.unmodifiableMap(new TreeMap<>(lines));
        rows = List.copyOf(rows);
    }

    /** The result of a run that ended with {@code store} holding these rows. */
    public static SweepResult of(int tasks, int ran, boolean stopped, ResultStore store) {
        Map<Integer, String> lines = store.lines();
        List<Map<String, Object>> rows = new ArrayList<>(lines.size());
        for (String line : lines.values()) {
            rows.add(Collections.unmodifiableMap(ResultStore.parseRow(line)));
        }
        return new SweepResult(tasks, ran, stopped, lines, rows);
    }

    /** The tasks the store holds (finished now or before). */
    public int done() {
        return lines.size();
    }

    /** Whether every task of the sweep is in the store (never for one shard of several). */
    public boolean complete() {
        return done() == tasks;
    }
}
