package netdyn.cli.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import netdyn.BadInputException;
import netdyn.analysis.ResultKeys;
import netdyn.cli.SweepWriter;
import netdyn.cli.io.NpyReader;
import netdyn.sweep.ResultRows;
import netdyn.sweep.ResultStore;

/** The rows of a sweep directory (results.jsonl, else store.jsonl), by task index, and their series files. */
public final class SweepRows {
    final Path dir;
    public final List<Map<String, Object>> rows;

    private SweepRows(Path dir, List<Map<String, Object>> rows) {
        this.dir = dir;
        this.rows = rows;
    }

    public static SweepRows read(Path dir) {
        Path results = dir.resolve("results.jsonl");
        Path store = dir.resolve(ResultStore.FILE);
        Path file = Files.isRegularFile(results) ? results : store;
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("report: " + dir + " has no sweep results (no results.jsonl or store.jsonl)");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> row = ResultStore.parseRow(line);
                if (row.containsKey(ResultKeys.TASK)) {
                    rows.add(row);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException("report: cannot read " + file + " (" + e.getMessage() + ")");
        }
        if (rows.isEmpty()) {
            throw new BadInputException("report: " + dir + " has no finished tasks yet (" + file.getFileName()
                    + " holds no rows)");
        }
        rows.sort((a, b) -> Long.compare(((Number) a.get(ResultKeys.TASK)).longValue(),
                ((Number) b.get(ResultKeys.TASK)).longValue()));
        return new SweepRows(dir, rows);
    }

    boolean has(String key) {
        return rows.stream().anyMatch(r -> r.containsKey(key));
    }

    /** A task's time series file (tasks/task-NNNNNN-NAME.npy), or null when absent. */
    double[] series(Map<String, Object> row, String name) {
        Path file = SweepWriter.seriesFile(dir, (int) ResultRows.number(row, ResultKeys.TASK), name);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        return NpyReader.read(file).data();
    }
}
