package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import netdyn.BadInputException;
import netdyn.analysis.ResultKeys;
import netdyn.atlas.TrainabilityMap;
import netdyn.cli.io.Json;
import netdyn.cli.io.NpyWriter;
import netdyn.cli.io.OutputFiles;
import netdyn.cli.io.RunDirectory;
import netdyn.sweep.ResultStore;
import netdyn.sweep.ResultRows;
import netdyn.sweep.SweepSpec;
import netdyn.sweep.SweepTask;
import netdyn.sweep.TaskResult;

/**
 * The files of a sweep directory: manifest.json; store.jsonl (the durable result store, rows in order of
 * completion); tasks/task-NNNNNN-SERIES.npy (per-task time series: loss, replica distance); and the
 * exports written from the store when a run ends: results.csv and results.jsonl (one row per task,
 * by task index), loss_tail.npy ([tasks × tail]), spectrum.npy ([tasks × K], when measured) and
 * summary.json.
 */
public final class SweepWriter {
    static final String TASKS = "tasks";

    private SweepWriter() {
    }

    /**
     * The sweep directory: an existing sweep is resumed (its store must hold the same settings), anything
     * else is created as a new run directory (--force replaces an earlier run, sweep or not).
     */
    static RunDirectory open(Path dir, boolean force, Map<String, Object> manifest) throws IOException {
        // the lock first: whether a store is there to resume is only known while no one else writes
        RunDirectory held = Files.isDirectory(dir) ? RunDirectory.existing(dir) : null;
        boolean resume = !force && Files.isRegularFile(dir.resolve(ResultStore.FILE));
        RunDirectory run = resume ? held : RunDirectory.create(dir, force);
        Files.createDirectories(run.file(TASKS));
        if (!resume) {
            Json.write(run.file("manifest.json"), manifest);
        }
        return run;
    }

    static Map<String, Object> manifest(Map<String, Object> header, SweepSpec spec, int[] shard) {
        Map<String, Object> m = new LinkedHashMap<>(header);
        m.put("settings", spec.settings());
        Map<String, Object> grid = new LinkedHashMap<>();
        spec.axes().forEach(a -> grid.put(a.name(), a.values()));
        m.put("grid", grid);
        m.put("inits", spec.inits());
        m.put("tasks", spec.taskCount());
        m.put("shard", (shard[0] + 1) + "/" + shard[1]);
        m.put("taskOrder", "row-major over the grid (first axis slowest), init innermost");
        m.put("seedDerivation", "init i: InitSpec.initialize(layout, seed, i) as netdyn train --seed (seed axis "
                + "value if swept); nmle replica r of init i: Seeds.derive(that seed, \"perturbation\", i, r) as "
                + "netdyn divergence; per task: Seeds.derive(seed, \"sweep-twin\"|\"sweep-qr\"|\"sweep-lanczos\"|"
                + "\"sweep-series\", task index)");
        m.put("files", Json.ordered(
                "store.jsonl", "result store: header line with the settings, one JSON row per finished task",
                "results.csv", "one row per task by task index (scalar columns)",
                "results.jsonl", "one JSON row per task by task index, with lossTail and spectrum arrays",
                "loss_tail.npy", "[tasks × tail] last loss values (bifurcation diagram)",
                "spectrum.npy", "[tasks × K] tangent exponents (when measured)",
                "weight_tail.npy", "[tasks × tail] last values of θ[--tail-weight] (when given)",
                "tasks/task-NNNNNN-loss.npy", "the task's loss at every step",
                "tasks/task-NNNNNN-distance.npy", "replica-mean ℓ1 distance / (N_w ε) at every step",
                "tasks/task-NNNNNN-testAccuracy.npy", "test accuracy at every step (with accuracy and a test set)"));
        return m;
    }

    /** Writes a task's series (before its row is appended: a row in the store means its files are complete). */
    static void writeSeries(RunDirectory dir, SweepTask task, TaskResult result) {
        try {
            for (Map.Entry<String, double[]> e : result.series().entrySet()) {
                NpyWriter.write(seriesFile(dir.path(), task.index(), e.getKey()), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path seriesFile(Path dir, int task, String name) {
        return dir.resolve(TASKS).resolve(String.format(Locale.ROOT, "task-%06d-%s.npy", task, name));
    }

    /**
     * The exports, from every row of the store ({@code lines} as stored and {@code rows} parsed, by task
     * index); returns the summary ({@code ran}: the tasks this invocation computed or merged).
     */
    static Map<String, Object> export(RunDirectory dir, Map<Integer, String> lines, List<Map<String, Object>> rows,
                                      int taskCount, int ran, double seconds) throws IOException {
        Set<String> columns = new LinkedHashSet<>();
        for (Map<String, Object> r : rows) {
            r.forEach((k, v) -> {
                if (!(v instanceof double[])) {
                    columns.add(k);
                }
            });
        }
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
        for (Map<String, Object> r : rows) {
            List<String> cells = new ArrayList<>();
            for (String c : columns) {
                cells.add(csvCell(r.get(c)));
            }
            csv.append(String.join(",", cells)).append('\n');
        }
        OutputFiles.writeString(dir.file("results.csv"), csv);
        StringBuilder jsonl = new StringBuilder();
        lines.values().forEach(line -> jsonl.append(line).append('\n'));
        OutputFiles.writeString(dir.file("results.jsonl"), jsonl);
        writeMatrix(dir.file("loss_tail.npy"), rows, ResultKeys.LOSS_TAIL);
        writeMatrix(dir.file("spectrum.npy"), rows, ResultKeys.SPECTRUM);
        writeMatrix(dir.file("weight_tail.npy"), rows, ResultKeys.WEIGHT_TAIL);

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("tasks", taskCount);
        summary.put("done", rows.size());
        summary.put("complete", rows.size() == taskCount);
        long diverged = rows.stream().filter(ResultRows::diverged).count();
        summary.put("diverged", diverged);
        Map<String, Long> regimes = ResultRows.regimeLabels(rows);
        if (!regimes.isEmpty()) {
            summary.put("regimes", regimes);
        }
        Map<String, Object> boundary = boundary(rows);
        if (boundary != null) {
            summary.put("boundaryDimension", boundary);
        }
        summary.put("ran", ran);
        summary.put("seconds", seconds);
        Json.write(dir.file("summary.json"), summary);
        return summary;
    }

    /**
     * The box-counting dimension of a trainability map's boundary ({@link TrainabilityMap#boundaryDimension}),
     * when the rows are one per cell of a (lr-hidden, lr-output) map; else null.
     */
    private static Map<String, Object> boundary(List<Map<String, Object>> rows) {
        if (rows.isEmpty() || !rows.get(0).containsKey("lr-hidden") || !rows.get(0).containsKey("lr-output")) {
            return null;
        }
        TrainabilityMap map = TrainabilityMap.of(rows);
        if ((long) map.hidden().length * map.output().length != rows.size()) {
            return null; // several inits or other axes per cell: no one two-class map
        }
        Map<String, Object> m = DeepZoomJob.dimension(map.boundaryDimension());
        m.put("unconvergedFraction", map.unconvergedFraction());
        return m;
    }

    private static void writeMatrix(Path file, List<Map<String, Object>> rows, String key) throws IOException {
        int width = 0;
        for (Map<String, Object> r : rows) {
            if (r.get(key) instanceof double[] a) {
                width = Math.max(width, a.length);
            }
        }
        if (width == 0) {
            Files.deleteIfExists(file);
            return;
        }
        try (NpyWriter w = NpyWriter.matrix(file, width)) {
            double[] row = new double[width];
            for (Map<String, Object> r : rows) {
                java.util.Arrays.fill(row, Double.NaN);
                if (r.get(key) instanceof double[] a) {
                    System.arraycopy(a, 0, row, width - a.length, a.length); // short tails are right-aligned
                }
                w.appendRow(row, 0);
            }
        }
    }

    private static String csvCell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? Double.toString(d) : "";
        }
        String s = v.toString();
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /** The text summary of a sweep run. */
    static void printText(PrintWriter out, Path dir, Map<String, Object> summary) {
        out.printf(Locale.ROOT, "sweep: %s of %s tasks done (%s run now, %.1f s)%s%n", summary.get("done"),
                summary.get("tasks"), summary.get("ran"), (Double) summary.get("seconds"),
                Boolean.TRUE.equals(summary.get("complete")) ? "" : " — incomplete: run the same command to resume");
        out.printf(Locale.ROOT, "  diverged: %s%n", summary.get("diverged"));
        if (summary.get("regimes") != null) {
            out.printf(Locale.ROOT, "  regimes: %s%n", summary.get("regimes"));
        }
        if (summary.get("boundaryDimension") instanceof Map<?, ?> d) {
            out.printf(Locale.ROOT, "  trainability boundary: %s%n", d.get("undefined") != null
                    ? "dimension undefined (" + d.get("undefined") + ")"
                    : String.format(Locale.ROOT, "box-counting D = %.3f (R² %.3f, %s boundary cells)",
                    (Double) d.get("boundaryDimension"), (Double) d.get("r2"), d.get("boundaryCells")));
        }
        out.printf(Locale.ROOT, "  results: %s (also results.jsonl, loss_tail.npy); report: ./netdyn report %s%n",
                dir.resolve("results.csv"), dir);
    }

    /**
     * The stores of {@code sources}, read without changing them, after checking that every one is a sweep
     * with the settings of the first: nothing is written when one does not fit.
     */
    static List<ResultStore.Snapshot> readForMerge(List<Path> sources) {
        List<ResultStore.Snapshot> stores = new ArrayList<>();
        for (Path src : sources) {
            Path file = src.resolve(ResultStore.FILE);
            if (!Files.isRegularFile(file)) {
                throw new BadInputException("--merge " + src + ": no " + ResultStore.FILE + " (not a sweep directory)");
            }
            ResultStore.Snapshot s = ResultStore.read(file);
            if (!stores.isEmpty()) {
                String diff = ResultStore.difference(stores.get(0).settings(), s.settings());
                if (diff != null) {
                    throw new BadInputException("--merge " + src + " is a different sweep from " + sources.get(0)
                            + " (" + diff + ")");
                }
            }
            stores.add(s);
        }
        return stores;
    }

    /** Merges the rows (and task series) of {@code sources} into {@code store}; a task in two must agree. */
    static int merge(List<Path> sources, List<ResultStore.Snapshot> snapshots, RunDirectory dir, ResultStore store)
            throws IOException {
        int added = 0;
        for (int i = 0; i < sources.size(); i++) {
            for (Map.Entry<Integer, String> e : snapshots.get(i).lines().entrySet()) {
                if (store.isDone(e.getKey())) {
                    if (!store.lines().get(e.getKey()).equals(e.getValue())) {
                        throw new BadInputException("--merge " + sources.get(i) + ": task " + e.getKey()
                                + " differs from the same task in another directory");
                    }
                    continue;
                }
                copySeries(sources.get(i), dir.path(), e.getKey());
                store.append(ResultStore.parseRow(e.getValue()));
                added++;
            }
        }
        return added;
    }

    private static void copySeries(Path from, Path to, int task) throws IOException {
        String prefix = String.format(Locale.ROOT, "task-%06d-", task);
        Path dir = from.resolve(TASKS);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.getFileName().toString().startsWith(prefix)) {
                    Files.copy(p, to.resolve(TASKS).resolve(p.getFileName()),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
