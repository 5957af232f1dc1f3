package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import netdyn.BadInputException;
import netdyn.cli.io.Json;
import netdyn.cli.io.OutputFiles;
import netdyn.cli.io.RunDirectory;
import netdyn.cli.report.AtlasReport;
import netdyn.cli.report.ReportPages;
import netdyn.cli.report.SweepRows;
import netdyn.run.ResolvedRun;
import netdyn.sweep.Axis;
import netdyn.sweep.Axis.Setting;
import netdyn.sweep.Measures;
import netdyn.sweep.SweepSpec;
import netdyn.sweep.ValueRange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netdyn atlas}: the main job. A learning-rate sweep with every measure, the full Lyapunov spectrum
 * per η, the trainability map and a zoom into its boundary, then the report. Each part is a resumable
 * sweep in a sub-directory, so an interrupted atlas continues where it stopped.
 */
@Command(name = "atlas", mixinStandardHelpOptions = true,
        description = "The learning-rate atlas: sweep η with several inits and perturbed replicas, measure spectra, "
                + "sharpness and the loss series' regime, map trainability over per-layer learning rates, and write "
                + "a report page. No options needed (Iris, 4-10-3 sigmoid network).",
        footer = {"", "Examples:", "  ./netdyn atlas", "  ./netdyn atlas --quality high --out out/atlas-high",
                "  ./netdyn atlas --data wine --standardize --out out/atlas-wine",
                "", "Files: index.html (the report), manifest.json, summary.json, and one sweep directory per part: "
                + "lr/, spectrum/, trainability/, trainability-zoom/ (see netdyn sweep --help)."})
final class AtlasCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    NetworkOptions network;

    @Option(names = "--quality", defaultValue = "default", paramLabel = "LEVEL",
            description = "quick (a smoke test, ~10 s), default (~2 min on 2 cores) or high (~10 min).")
    String quality;

    @Option(names = "--out", defaultValue = "out/atlas", paramLabel = "DIR",
            description = "Atlas directory (default: ${DEFAULT-VALUE}); an existing atlas with the same settings "
                    + "is resumed.")
    Path out;

    @Option(names = "--force", description = "Start over in an existing atlas directory.")
    boolean force;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--json", description = "Print the summary as one JSON object on stdout, nothing else there.")
    boolean json;


    /** How much of everything each quality level computes. */
    record Plan(int etas, int inits, int replicas, long steps, long spectrumSteps, int map, long mapSteps) {
        static Plan of(String quality) {
            return switch (quality) {
                case "quick" -> new Plan(12, 2, 2, 600, 300, 12, 200);
                case "default" -> new Plan(48, 5, 4, 3000, 1500, 64, 500);
                case "high" -> new Plan(100, 10, 8, 5000, 3000, 128, 1000);
                default -> throw new BadInputException("--quality: unknown level '" + quality
                        + "' (valid: quick, default, high)");
            };
        }
    }

    static final String ETA_RANGE = "0.001:20:log:";
    static final String MAP_RANGE = "0.05:50:log:";
    /** The weight of the second bifurcation diagram: W1[0][0], input 0 (sepal length on Iris) to hidden unit 0. */
    static final int TAIL_WEIGHT = 0;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = command.commandLine().getErr();
        long started = System.nanoTime();
        Plan plan = Plan.of(quality.trim());
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            throw new BadInputException("--threads must be >= 1 (got " + threadCount + ")");
        }
        if (network.initFrom != null) {
            throw new BadInputException("--init-from: the atlas draws its own initialisations (--seed)");
        }
        boolean lrGiven = command.commandLine().getParseResult().hasMatchedOption("--lr");
        String etaGrid = lrGiven ? network.lr : ETA_RANGE + plan.etas();
        double[] etas = ValueRange.parse("--lr", etaGrid);
        SweepSpec main = spec(Axis.numeric(Setting.LEARNING_RATE, etas), plan.inits(), plan.replicas(), plan.steps(),
                SweepOptions.DEFAULT_MEASURES);
        SweepSpec spectrum = spec(Axis.numeric(Setting.LEARNING_RATE, etas), 1, 1, plan.spectrumSteps(), "loss,spectrum:all");
        ResolvedRun setup = network.spec(1, plan.steps()).resolve();
        String shape = setup.spec().shape();

        Map<String, Object> manifest = RunDirectory.manifestHeader("atlas", command);
        manifest.put("title", network.data + ", " + shape + " " + setup.spec().activation().id() + " network");
        manifest.put("seed", network.seed);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("data", network.data + " (" + setup.trainSet().size() + " train, " + setup.testSet().size()
                + " test samples)");
        facts.put("network", shape + ", " + setup.spec().activation().id() + " hidden, " + setup.spec().output().id()
                + " output, " + setup.spec().loss().id() + " loss, init " + setup.init().weightsText());
        facts.put("learning rates", etas.length + " values, " + AtlasReport.fmt(etas[0]) + " to "
                + AtlasReport.fmt(etas[etas.length - 1]) + (lrGiven ? "" : ", log-spaced"));
        facts.put("per learning rate", plan.inits() + " inits × " + plan.replicas() + " perturbed replicas (ε = 1e-8), "
                + plan.steps() + " steps; full spectrum of init 0 over " + plan.spectrumSteps() + " steps");
        facts.put("trainability map", plan.map() + " × " + plan.map() + " (hidden, output) learning rates " + MAP_RANGE
                .replace(":log:", "") .replace(":", " to ") + ", " + plan.mapSteps() + " steps, plus a zoom");
        facts.put("quality", quality + ", seed " + network.seed);
        manifest.put("facts", facts);
        Map<String, String> settings = new LinkedHashMap<>(setup.run().settings());
        settings.put("lr", etaGrid);
        settings.put("quality", quality.trim());
        settings.put("seed", Long.toString(network.seed));
        manifest.put("settings", settings);
        manifest.put("parts", Json.ordered(ReportPages.LR, "learning-rate sweep (netdyn sweep directory)",
                ReportPages.SPECTRUM, "full Lyapunov spectrum, init 0 per η",
                ReportPages.MAP, "trainability map over (hidden, output) learning rates",
                ReportPages.ZOOM, "the same map zoomed into its boundary"));
        RunDirectory dir = openDirectory(manifest, settings);
        return EarlyEnd.guard(dir, json ? command.commandLine().getOut() : null,
                "run the same command again to continue (finished tasks are kept)", Map::of, () -> {
            if (!json) {
                err.println("netdyn atlas: " + facts.get("data") + ", " + shape + "; " + facts.get("learning rates") + "; "
                        + facts.get("per learning rate") + "; map " + plan.map() + "×" + plan.map() + " → " + out);
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            Map<String, Object> seconds = new LinkedHashMap<>();
            long t = System.nanoTime();
            Map<String, Object> lr = part(main, ReportPages.LR, "atlas 1/4 learning rates", threadCount, err);
            seconds.put("learningRates", (System.nanoTime() - t) / 1e9);
            t = System.nanoTime();
            part(spectrum, ReportPages.SPECTRUM, "atlas 2/4 spectra", threadCount, err);
            seconds.put("spectra", (System.nanoTime() - t) / 1e9);
            t = System.nanoTime();
            SweepSpec map = mapSpec(MAP_RANGE + plan.map(), MAP_RANGE + plan.map(), plan.mapSteps());
            part(map, ReportPages.MAP, "atlas 3/4 trainability map", threadCount, err);
            double[] w = AtlasReport.boundaryWindow(SweepRows.read(out.resolve(ReportPages.MAP)));
            SweepSpec zoom = mapSpec(w[0] + ":" + w[1] + ":log:" + plan.map(), w[2] + ":" + w[3] + ":log:" + plan.map(),
                    plan.mapSteps());
            part(zoom, ReportPages.ZOOM, "atlas 4/4 zoom", threadCount, err);
            seconds.put("trainabilityMaps", (System.nanoTime() - t) / 1e9);

            t = System.nanoTime();
            ReportPages.Page page = ReportPages.build(out);
            Path index = out.resolve("index.html");
            OutputFiles.writeString(index, page.html());
            seconds.put("report", (System.nanoTime() - t) / 1e9);
            double total = (System.nanoTime() - started) / 1e9;
            seconds.put("total", total);
            AtlasReport.EtaStats stats = AtlasReport.stats(SweepRows.read(out.resolve(ReportPages.LR)));
            summary.put("page", index.toString());
            summary.put("figures", page.figures());
            summary.put("regimes", lr.get("regimes"));
            summary.put("onsetOfChaos", Json.number(AtlasReport.onsetOfChaos(stats)));
            summary.put("zoomWindow", Json.ordered("lrHidden", List.of(w[0], w[1]), "lrOutput", List.of(w[2], w[3])));
            summary.put("seconds", seconds);
            Json.write(out.resolve("summary.json"), summary);
            PrintWriter stdout = command.commandLine().getOut();
            if (json) {
                stdout.println(Json.write(summary));
            } else {
                stdout.printf("atlas: %s in %.0f s%n  regimes: %s%n  onset of chaos: η ≈ %s%n  open %s%n", quality, total,
                        lr.get("regimes"), AtlasReport.fmt(AtlasReport.onsetOfChaos(stats)), index.toAbsolutePath());
            }
            return 0;
        });
    }

    private SweepSpec spec(Axis lr, int inits, int replicas, long steps, String measures) {
        return new SweepSpec(network.spec(1, steps), List.of(lr), inits, replicas, 1e-8, Measures.parse(measures), 64,
                0.9, TAIL_WEIGHT);
    }

    private SweepSpec mapSpec(String hidden, String output, long steps) {
        return new SweepSpec(network.spec(1, steps), List.of(
                Axis.numeric(Setting.HIDDEN_RATE, ValueRange.parse("--lr-hidden", hidden)),
                Axis.numeric(Setting.OUTPUT_RATE, ValueRange.parse("--lr-output", output))), 1, 1, 1e-8,
                Measures.parse("loss"), 8, 0.9);
    }

    private Map<String, Object> part(SweepSpec spec, String name, String label, int threadCount, PrintWriter err)
            throws IOException {
        return SweepJob.run(spec, out.resolve(name), false, RunDirectory.manifestHeader("sweep", command),
                new int[] {0, 1}, threadCount, err, json, label);
    }

    /**
     * An existing atlas with the same settings is resumed (its parts skip finished tasks); one with other
     * settings is refused, naming the first that differs; anything else is created as a new run directory.
     * The directory's lock is taken before its manifest is read (another atlas writing there is refused).
     */
    private RunDirectory openDirectory(Map<String, Object> manifest, Map<String, String> settings)
            throws IOException {
        // the lock before the manifest is read; RunDirectory.create below keeps it
        RunDirectory dir = java.nio.file.Files.isDirectory(out) ? RunDirectory.existing(out) : null;
        Map<String, Object> existing = ReportPages.readJson(out.resolve("manifest.json"));
        boolean resume = !force && existing != null && "atlas".equals(existing.get("command"));
        if (resume) {
            Map<String, String> before = new LinkedHashMap<>();
            if (existing.get("settings") instanceof Map<?, ?> m) {
                m.forEach((k, v) -> before.put(String.valueOf(k), String.valueOf(v)));
            }
            String difference = netdyn.sweep.ResultStore.difference(before, settings);
            if (difference != null) {
                throw new BadInputException("--out " + out + " holds an atlas with other settings (" + difference
                        + "); use another --out, or --force to replace it");
            }
        } else {
            dir = RunDirectory.create(out, force);
        }
        Json.write(dir.file("manifest.json"), manifest);
        return dir;
    }
}
