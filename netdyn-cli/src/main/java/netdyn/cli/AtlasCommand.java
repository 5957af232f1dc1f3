package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import netdyn.BadInputException;
import netdyn.atlas.Atlas;
import netdyn.atlas.AtlasPart;
import netdyn.atlas.AtlasPlan;
import netdyn.atlas.AtlasPreset;
import netdyn.atlas.AtlasQuality;
import netdyn.atlas.AtlasResult;
import netdyn.cli.io.RunDirectory;
import netdyn.curvature.HessianSpectrum;
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
                "  ./netdyn atlas --preset followup          (the follow-up study on 1 000 real MNIST digits)",
                "  ./netdyn atlas --preset followup --data fashion-mnist --train 60000 --inits 50 --out out/full",
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

    @Option(names = "--preset", defaultValue = "study", paramLabel = "NAME",
            description = "study (the reproduced study's Iris atlas, default) or followup (the follow-up study, "
                    + "arXiv 2506.08523: its 16 learning rates, 201 full-batch steps, 5 replicas; defaults --data "
                    + "mnist --train 1000 --test 2000 --hidden 64 --activation tanh; no trainability map).")
    String preset;

    @Option(names = "--inits", paramLabel = "N",
            description = "Initialisations per learning rate (default: the preset's at --quality; followup: 3).")
    Integer inits;

    @Option(names = "--target-accuracy", paramLabel = "A",
            description = "Test accuracy whose first crossing is timed (default: study 0.9, followup 0.7).")
    Double targetAccuracy;

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
    private static final Map<AtlasPart, String> LABELS = Map.of(AtlasPart.LEARNING_RATES, "learning rates",
            AtlasPart.SPECTRA, "spectra", AtlasPart.MAP, "trainability map", AtlasPart.ZOOM, "zoom");
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
        if (inits != null && inits < 1) {
            throw new BadInputException("--inits must be >= 1 (got " + inits + ")"); // 0 would mean the preset's
        }
        AtlasPreset chosen = AtlasPreset.parse(preset);
        if (chosen == AtlasPreset.FOLLOWUP) {
            followupDefaults(command.commandLine().getParseResult());
        }
        AtlasPlan plan = new AtlasPlan(network.spec(1, level.steps()), level, lrGiven ? network.lr : null, chosen,
                inits == null ? 0 : inits, targetAccuracy == null ? Double.NaN : targetAccuracy);
        HeapReport.loading(network.data);
        ResolvedRun setup = plan.base().resolve();
        HeapReport.loaded(network.data, setup.trainSet().size() + (long) setup.testSet().size(),
                setup.trainSet().featureCount());
        int p = setup.theta0().length;
        if (chosen == AtlasPreset.STUDY && !HessianSpectrum.fits(p)) {
            throw new BadInputException("atlas: the " + setup.spec().shape() + " network of --data " + network.data
                    + " (--hidden " + network.hidden + ") has " + p + " parameters, and the atlas's spectrum part asks "
                    + "for all " + p + " exponents; " + HessianSpectrum.limitText(p) + "; for a large network use "
                    + "--preset followup (top 3) or netdyn sweep --measure loss,accuracy,spectrum:10");
        }
        Map<String, Object> manifest = AtlasWriter.manifest(RunDirectory.manifestHeader("atlas", command), plan, setup,
                quality);
        RunDirectory dir = AtlasWriter.open(out, force, manifest);
        return EarlyEnd.guard(dir, json ? command.commandLine().getOut() : null,
                "run the same command again to continue (finished tasks are kept)", Map::of, () -> {
            if (!json) {
                err.println(AtlasWriter.announcement(manifest, setup, plan, out));
            }
            Map<String, Object> seconds = new LinkedHashMap<>();
            AtlasResult atlas;
            try {
                atlas = Atlas.run(plan, (part, sweep) -> {
                    long t = System.nanoTime();
                    try {
                        return SweepJob.run(LocalSweep.of(sweep), out.resolve(part.directory()), false,
                                RunDirectory.manifestHeader("sweep", command), new int[] {0, 1}, threadCount, err,
                                null, json, "atlas " + (plan.parts().indexOf(part) + 1) + "/" + plan.parts().size() + " "
                                + LABELS.get(part)).result(); // the atlas prints its own summary
                    } catch (IOException e) {
                        throw new PartFailure(e);
                    } finally {
                        seconds.merge(TIMINGS.get(part), (System.nanoTime() - t) / 1e9,
                                (x, y) -> (Double) x + (Double) y);
                    }
                });
            } catch (PartFailure f) {
                throw f.getCause();
            }
            // findings are never null here: a stopped part has thrown Interrupts.Stopped
            AtlasWriter.finish(out, atlas.findings(), seconds, started, quality, json, command.commandLine().getOut());
            return 0;
        });
    }

    /** The follow-up's data and network, for every one of these options the command line does not give. */
    private void followupDefaults(picocli.CommandLine.ParseResult parse) {
        if (!parse.hasMatchedOption("--data")) {
            network.data = "mnist";
        }
        if (!parse.hasMatchedOption("--train") && ("mnist".equals(network.data.trim()))) {
            network.train = FOLLOWUP_TRAIN;
        }
        if (!parse.hasMatchedOption("--test") && ("mnist".equals(network.data.trim()))) {
            network.test = FOLLOWUP_TEST;
        }
        if (!parse.hasMatchedOption("--hidden")) {
            network.hidden = "64";
        }
        if (!parse.hasMatchedOption("--activation")) {
            network.activation = netdyn.nn.Activation.TANH;
        }
    }

    /**
     * The follow-up preset's training digits: 1 000 of the bundled 10 000, so that 16 η × 3 inits × 6 orbits ×
     * 200 steps of the 784–64–10 network fit in about 10 minutes on 2 cores; the size of the PyTorch
     * pre-study. Its test digits: 2 000 of the other 9 000 (test accuracy is evaluated at every step).
     */
    static final int FOLLOWUP_TRAIN = 1000;
    static final int FOLLOWUP_TEST = 2000;

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
}
