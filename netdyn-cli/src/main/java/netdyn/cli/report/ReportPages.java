package netdyn.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import netdyn.BadInputException;
import netdyn.atlas.AtlasPart;
import netdyn.run.RunSpec;
import netdyn.cli.io.Json;
import netdyn.sweep.ResultStore;

/** Chooses and builds the report page for a directory: atlas, learning-rate sweep, trainability map, or any run. */
public final class ReportPages {
    /** The atlas's sub-directories. */
    public static final String LR = AtlasPart.LEARNING_RATES.directory();
    public static final String SPECTRUM = AtlasPart.SPECTRA.directory();
    public static final String MAP = AtlasPart.MAP.directory();
    public static final String ZOOM = AtlasPart.ZOOM.directory();

    public record Page(String html, String kind, int figures) {
    }

    private ReportPages() {
    }

    public static Page build(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("report: " + dir + " is not a directory");
        }
        Map<String, Object> manifest = readJson(dir.resolve("manifest.json"));
        if (manifest != null && "atlas".equals(manifest.get("command"))) {
            return atlas(dir, manifest);
        }
        if (manifest != null && "deep-zoom".equals(manifest.get("kind"))) {
            return ZoomReport.page(dir, manifest);
        }
        if (Files.isRegularFile(dir.resolve(ResultStore.FILE)) || Files.isRegularFile(dir.resolve("results.jsonl"))) {
            return sweep(dir, manifest);
        }
        if (manifest != null) {
            return RunPages.build(dir, manifest);
        }
        throw new BadInputException("report: " + dir + " holds no netdyn results (no manifest.json, results.jsonl or "
                + "store.jsonl)");
    }

    private static Page atlas(Path dir, Map<String, Object> manifest) throws IOException {
        if (!Files.isRegularFile(dir.resolve(LR).resolve(ResultStore.FILE))) {
            throw new BadInputException("report: atlas " + dir + " has no results yet (no " + LR + "/store.jsonl)");
        }
        SweepRows lr = SweepRows.read(dir.resolve(LR));
        SweepRows spectrum = optional(dir.resolve(SPECTRUM));
        SweepRows map = optional(dir.resolve(MAP));
        SweepRows zoom = optional(dir.resolve(ZOOM));
        HtmlPage page = new HtmlPage("Learning-rate atlas: " + manifest.getOrDefault("title", dir.getFileName()));
        page.paragraph("Gradient descent with learning rate η is a map on parameter space; every run below is an "
                + "orbit of it. The atlas trains the network at each η from the same initialisations, measures how "
                + "the orbit behaves (converges, oscillates, is chaotic), how fast nearby orbits separate and how "
                + "sharp the loss surface gets, and maps where the per-layer learning rates still train.");
        page.keyValues(facts(manifest));
        AtlasReport.learningRateSections(page, lr, spectrum, LR + "/");
        if (map != null) {
            AtlasReport.trainabilitySection(page, map, zoom, MAP + "/", ZOOM + "/");
        }
        page.heading("Reproduce");
        page.paragraph("Command: " + manifest.get("commandLine") + ". Every row of " + LR + "/results.csv is one "
                + "task; init 0 of a task is the run `netdyn train" + runOptions(manifest) + " --lr η --seed "
                + manifest.getOrDefault("seed", 0) + " --steps T` gives (same θ₀, same losses).");
        page.downloads(List.of("manifest.json"));
        return new Page(page.render(), "atlas", page.figureCount());
    }

    /**
     * The train command's defaults of the run settings an atlas records ({@code RunSpec.settings}): the
     * study's run, which the command line's defaults are; "test" is recorded only when given.
     */
    private static final Map<String, String> TRAIN_DEFAULTS = trainDefaults();

    private static Map<String, String> trainDefaults() {
        Map<String, String> d = new LinkedHashMap<>(RunSpec.study(1, 1).settings());
        d.put("test", "null");
        return d;
    }

    /** The options that give {@code netdyn train} the atlas's data and network: those off the train defaults. */
    private static String runOptions(Map<String, Object> manifest) {
        StringBuilder b = new StringBuilder();
        if (manifest.get("settings") instanceof Map<?, ?> settings) {
            settings.forEach((k, v) -> {
                String key = String.valueOf(k);
                String value = String.valueOf(v);
                String fallback = TRAIN_DEFAULTS.get(key);
                if (fallback != null && !fallback.equals(value)) {
                    b.append(key.equals("standardize") ? " --standardize" : " --" + key + " " + value);
                }
            });
        }
        return b.toString();
    }

    private static Map<String, String> facts(Map<String, Object> manifest) {
        Map<String, String> f = new LinkedHashMap<>();
        Object facts = manifest.get("facts");
        if (facts instanceof Map<?, ?> m) {
            m.forEach((k, v) -> f.put(String.valueOf(k), String.valueOf(v)));
        }
        return f;
    }

    private static SweepRows optional(Path dir) {
        boolean present = Files.isRegularFile(dir.resolve(ResultStore.FILE))
                || Files.isRegularFile(dir.resolve("results.jsonl"));
        if (!present) {
            return null;
        }
        try {
            return SweepRows.read(dir);
        } catch (BadInputException e) {
            return null; // a part with no rows yet is left out of the page
        }
    }

    private static Page sweep(Path dir, Map<String, Object> manifest) throws IOException {
        SweepRows rows = SweepRows.read(dir);
        HtmlPage page = new HtmlPage("netdyn sweep: " + dir.getFileName());
        Map<String, String> facts = new LinkedHashMap<>();
        if (manifest != null) {
            facts.put("command", String.valueOf(manifest.get("commandLine")));
            facts.put("tasks", rows.rows.size() + " of " + manifest.get("tasks") + " done");
            if (manifest.get("settings") instanceof Map<?, ?> s) {
                s.forEach((k, v) -> facts.put(String.valueOf(k), shorten(String.valueOf(v))));
            }
        }
        page.keyValues(facts);
        boolean map = rows.has("lr-hidden");
        if (map) {
            AtlasReport.trainabilitySection(page, rows, null, "", "");
        } else if (rows.has("lr")) {
            AtlasReport.learningRateSections(page, rows, rows.has("spectrum") ? rows : null, "");
        }
        return new Page(page.render(), map ? "trainability map" : "learning-rate sweep", page.figureCount());
    }

    private static String shorten(String s) {
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> readJson(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Json.mapper().readValue(file.toFile(), LinkedHashMap.class);
        } catch (IOException e) {
            throw new BadInputException("report: " + file + " is not valid JSON (" + e.getMessage().lines().findFirst()
                    .orElse("") + ")");
        }
    }
}
