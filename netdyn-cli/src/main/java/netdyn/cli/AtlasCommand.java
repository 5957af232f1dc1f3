package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import netdyn.BadInputException;
import netdyn.atlas.Atlas;
import netdyn.atlas.AtlasFindings;
import netdyn.atlas.AtlasPart;
import netdyn.atlas.AtlasPlan;
import netdyn.atlas.AtlasQuality;
import netdyn.atlas.AtlasResult;
import netdyn.atlas.BoundaryWindow;
import netdyn.run.ResolvedRun;
import netdyn.sweep.LocalSweep;
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


    /** The progress label of each part. */
    private static final Map<AtlasPart, String> LABELS = Map.of(AtlasPart.LEARNING_RATES, "atlas 1/4 learning rates",
            AtlasPart.SPECTRA, "atlas 2/4 spectra", AtlasPart.MAP, "atlas 3/4 trainability map",
            AtlasPart.ZOOM, "atlas 4/4 zoom");
    /** The summary's timing of each part (the map and its zoom together). */
    private static final Map<AtlasPart, String> TIMINGS = Map.of(AtlasPart.LEARNING_RATES, "learningRates",
            AtlasPart.SPECTRA, "spectra", AtlasPart.MAP, "trainabilityMaps", AtlasPart.ZOOM, "trainabilityMaps");

    @Override
    public Integer call() throws IOException {
        PrintWriter err = command.commandLine().getErr();
        long started = System.nanoTime();
        AtlasQuality level = AtlasQuality.parse(quality);
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            throw new BadInputException("--threads must be >= 1 (got " + threadCount + ")");
        }
        if (network.initFrom != null) {
            throw new BadInputException("--init-from: the atlas draws its own initialisations (--seed)");
        }
        boolean lrGiven = command.commandLine().getParseResult().hasMatchedOption("--lr");
        if (lrGiven) {
            ValueRange.parse("--lr", network.lr); // a bad grid in the command line's words
        }
        AtlasPlan plan = new AtlasPlan(network.spec(1, level.steps()), level, lrGiven ? network.lr : null);
        double[] etas = plan.etas();
        ResolvedRun setup = plan.base().resolve();
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
                + AtlasReport.fmt(etas[etas.length - 1]) + (plan.defaultLearningRates() ? ", log-spaced" : ""));
        facts.put("per learning rate", level.inits() + " inits × " + level.replicas() + " perturbed replicas "
                + "(ε = 1e-8), " + level.steps() + " steps; full spectrum of init 0 over " + level.spectrumSteps()
                + " steps");
        facts.put("trainability map", level.mapSide() + " × " + level.mapSide() + " (hidden, output) learning rates "
                + AtlasPlan.MAP_RATES.replace(":log:", "").replace(":", " to ") + ", " + level.mapSteps()
                + " steps, plus a zoom");
        facts.put("quality", quality + ", seed " + network.seed);
        manifest.put("facts", facts);
        Map<String, String> settings = plan.settings();
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
                        + facts.get("per learning rate") + "; map " + level.mapSide() + "×" + level.mapSide() + " → "
                        + out);
            }
            Map<String, Object> seconds = new LinkedHashMap<>();
            AtlasResult atlas;
            try {
                atlas = Atlas.run(plan, (part, sweep) -> {
                    long t = System.nanoTime();
                    try {
                        return SweepJob.run(LocalSweep.of(sweep), out.resolve(part.directory()), false,
                                RunDirectory.manifestHeader("sweep", command), new int[] {0, 1}, threadCount, err,
                                json, LABELS.get(part)).result();
                    } catch (IOException e) {
                        throw new PartFailure(e);
                    } finally {
                        seconds.merge(TIMINGS.get(part), (System.nanoTime() - t) / 1e9,
                                (a, b) -> (Double) a + (Double) b);
                    }
                });
            } catch (PartFailure f) {
                throw f.getCause();
            }
            AtlasFindings findings = atlas.findings(); // never null: a stopped part has thrown Interrupts.Stopped

            long t = System.nanoTime();
            ReportPages.Page page = ReportPages.build(out);
            Path index = out.resolve("index.html");
            OutputFiles.writeString(index, page.html());
            seconds.put("report", (System.nanoTime() - t) / 1e9);
            double total = (System.nanoTime() - started) / 1e9;
            seconds.put("total", total);
            BoundaryWindow w = findings.zoomWindow();
            Map<String, Long> regimes = findings.regimes().isEmpty() ? null : findings.regimes();
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("page", index.toString());
            summary.put("figures", page.figures());
            summary.put("regimes", regimes);
            summary.put("onsetOfChaos", Json.number(findings.onsetOfChaos()));
            summary.put("zoomWindow", Json.ordered("lrHidden", List.of(w.hiddenFrom(), w.hiddenTo()), "lrOutput",
                    List.of(w.outputFrom(), w.outputTo())));
            summary.put("seconds", seconds);
            Json.write(out.resolve("summary.json"), summary);
            PrintWriter stdout = command.commandLine().getOut();
            if (json) {
                stdout.println(Json.write(summary));
            } else {
                stdout.printf("atlas: %s in %.0f s%n  regimes: %s%n  onset of chaos: η ≈ %s%n  open %s%n", quality, total,
                        regimes, AtlasReport.fmt(findings.onsetOfChaos()), index.toAbsolutePath());
            }
            return 0;
        });
    }

    /** A part's failed write, carried through the core's part runner to be thrown as it was. */
    private static final class PartFailure extends RuntimeException {
        PartFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
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
