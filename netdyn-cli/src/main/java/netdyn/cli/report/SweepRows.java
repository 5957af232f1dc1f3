package netdyn.cli.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import netdyn.BadInputException;
import netdyn.analysis.ResultKeys;
import netdyn.cli.SweepWriter;
import netdyn.cli.io.NpyReader;
import netdyn.sweep.ResultStore;

/** The rows of a sweep directory (results.jsonl, else store.jsonl), with per-value grouping and statistics. */
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

    /** Rows grouped by the numeric value of {@code key}, ascending. */
    TreeMap<Double, List<Map<String, Object>>> by(String key) {
        TreeMap<Double, List<Map<String, Object>>> g = new TreeMap<>();
        for (Map<String, Object> r : rows) {
            g.computeIfAbsent(number(r, key), k -> new ArrayList<>()).add(r);
        }
        return g;
    }

    static double number(Map<String, Object> row, String key) {
        Object v = row.get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    static String text(Map<String, Object> row, String key) {
        Object v = row.get(key);
        return v == null ? "" : v.toString();
    }

    /** Finite values of {@code key} over rows. */
    static double[] values(List<Map<String, Object>> rows, String key) {
        return rows.stream().mapToDouble(r -> number(r, key)).filter(Double::isFinite).toArray();
    }

    static double mean(double[] v) {
        return v.length == 0 ? Double.NaN : Arrays.stream(v).sum() / v.length;
    }

    static double min(double[] v) {
        return v.length == 0 ? Double.NaN : Arrays.stream(v).min().getAsDouble();
    }

    static double max(double[] v) {
        return v.length == 0 ? Double.NaN : Arrays.stream(v).max().getAsDouble();
    }

    boolean has(String key) {
        return rows.stream().anyMatch(r -> r.containsKey(key));
    }

    /** A task's time series file (tasks/task-NNNNNN-NAME.npy), or null when absent. */
    double[] series(Map<String, Object> row, String name) {
        Path file = SweepWriter.seriesFile(dir, (int) number(row, ResultKeys.TASK), name);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        return NpyReader.read(file).data();
    }
}
