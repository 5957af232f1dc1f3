package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import netdyn.BadInputException;
import netdyn.atlas.AtlasFindings;
import netdyn.atlas.AtlasPart;
import netdyn.atlas.AtlasPlan;
import netdyn.atlas.AtlasPreset;
import netdyn.atlas.AtlasQuality;
import netdyn.atlas.BoundaryWindow;
import netdyn.atlas.FastestTraining;
import netdyn.cli.io.Json;
import netdyn.cli.io.OutputFiles;
import netdyn.cli.io.RunDirectory;
import netdyn.cli.report.AtlasReport;
import netdyn.cli.report.ReportPages;
import netdyn.run.ResolvedRun;
import netdyn.sweep.ResultStore;

/**
 * The files and text of {@code netdyn atlas} around its parts' sweep directories: the atlas directory with
 * its manifest (the facts the page shows, the plan's settings), and at the end the page, summary.json and
 * the summary on stdout.
 */
final class AtlasWriter {
    private AtlasWriter() {
    }

    /**
     * manifest.json: the command line, a title, the seed, the facts (data, network, η grid, runs per η, map,
     * quality as typed) and the plan's settings.
     */
    static Map<String, Object> manifest(Map<String, Object> header, AtlasPlan plan, ResolvedRun setup, String quality) {
        String data = plan.base().data().source();
        long seed = plan.base().seed();
        AtlasQuality level = plan.quality();
        double[] etas = plan.etas();
        String shape = setup.spec().shape();
        Map<String, Object> manifest = new LinkedHashMap<>(header);
        manifest.put("title", data + ", " + shape + " " + setup.spec().activation().id() + " network");
        manifest.put("seed", seed);
        Map<String, Object> facts = new LinkedHashMap<>();
        boolean followup = plan.preset() == AtlasPreset.FOLLOWUP;
        facts.put("data", data + " (" + setup.trainSet().size() + " train, " + setup.testSet().size()
                + " test samples)");
        facts.put("network", shape + ", " + setup.spec().activation().id() + " hidden, " + setup.spec().output().id()
                + " output, " + setup.spec().loss().id() + " loss, init " + setup.init().weightsText());
        facts.put("learning rates", etas.length + " values, " + AtlasReport.fmt(etas[0]) + " to "
                + AtlasReport.fmt(etas[etas.length - 1]) + (plan.defaultLearningRates() && !followup ? ", log-spaced" : ""));
        facts.put("per learning rate", plan.inits() + " inits × " + plan.replicas() + " perturbed replicas "
                + "(ε = 1e-8), " + plan.steps() + " steps; " + (followup ? "top " + plan.spectrumK() + " exponents"
                : "full spectrum") + " of init 0 over " + plan.spectrumSteps() + " steps");
        facts.put("target accuracy", AtlasReport.fmt(plan.target()) + " on the test samples");
        if (plan.parts().contains(AtlasPart.MAP)) {
            facts.put("trainability map", level.mapSide() + " × " + level.mapSide() + " (hidden, output) learning "
                    + "rates " + AtlasPlan.MAP_RATES.replace(":log:", "").replace(":", " to ") + ", "
                    + level.mapSteps() + " steps, plus a zoom");
        }
        facts.put("quality", quality + (followup ? ", preset followup" : "") + ", seed " + seed);
        manifest.put("facts", facts);
        manifest.put("settings", plan.settings());
        manifest.put("preset", plan.preset().id());
        manifest.put("parts", followup ? Json.ordered(ReportPages.LR, "learning-rate sweep (netdyn sweep directory)",
                ReportPages.SPECTRUM, "top " + plan.spectrumK() + " Lyapunov exponents, init 0 per η")
                : Json.ordered(ReportPages.LR, "learning-rate sweep (netdyn sweep directory)",
                ReportPages.SPECTRUM, "full Lyapunov spectrum, init 0 per η",
                ReportPages.MAP, "trainability map over (hidden, output) learning rates",
                ReportPages.ZOOM, "the same map zoomed into its boundary"));
        return manifest;
    }

    /** The first line on stderr: what the atlas computes and where. */
    @SuppressWarnings("unchecked")
    static String announcement(Map<String, Object> manifest, ResolvedRun setup, AtlasPlan plan, Path out) {
        Map<String, Object> facts = (Map<String, Object>) manifest.get("facts");
        int side = plan.quality().mapSide();
        return "netdyn atlas: " + facts.get("data") + ", " + setup.spec().shape() + "; " + facts.get("learning rates")
                + "; " + facts.get("per learning rate")
                + (plan.parts().contains(AtlasPart.MAP) ? "; map " + side + "×" + side : "; target test accuracy "
                + AtlasReport.fmt(plan.target())) + " → " + out;
    }

    /** Opens an atlas directory: {@link #openParent} for manifests whose command is "atlas". */
    static RunDirectory open(Path out, boolean force, Map<String, Object> manifest) throws IOException {
        return openParent(out, force, manifest, "atlas");
    }

    /**
     * Opens a directory of sweeps run one after another (an atlas's parts, a deep zoom's levels): an existing one
     * of the same {@code kind} (its manifest's "kind", else "command") with the same settings is resumed (its
     * sweeps skip finished tasks); one with other settings is refused, naming the first that differs; anything
     * else is created as a new run directory. The directory's lock is taken before its manifest is read (another
     * command writing there is refused). The manifest is written either way.
     */
    @SuppressWarnings("unchecked")
    static RunDirectory openParent(Path out, boolean force, Map<String, Object> manifest, String kind)
            throws IOException {
        Map<String, String> settings = (Map<String, String>) manifest.get("settings");
        // the lock before the manifest is read; RunDirectory.create below keeps it
        RunDirectory dir = Files.isDirectory(out) ? RunDirectory.existing(out) : null;
        Map<String, Object> existing = ReportPages.readJson(out.resolve("manifest.json"));
        boolean resume = !force && existing != null
                && kind.equals(existing.getOrDefault("kind", existing.get("command")));
        if (resume) {
            Map<String, String> before = new LinkedHashMap<>();
            if (existing.get("settings") instanceof Map<?, ?> m) {
                m.forEach((k, v) -> before.put(String.valueOf(k), String.valueOf(v)));
            }
            String difference = ResultStore.difference(before, settings);
            if (difference != null) {
                throw new BadInputException("--out " + out + " holds " + ("atlas".equals(kind) ? "an atlas" : "a " + kind)
                        + " with other settings (" + difference + "); use another --out, or --force to replace it");
            }
        } else {
            dir = RunDirectory.create(out, force);
        }
        Json.write(dir.file("manifest.json"), manifest);
        return dir;
    }

    /**
     * The page (index.html), summary.json (page, figures, regime counts, onset of chaos, zoom window, seconds)
     * and the summary on stdout: the JSON object, or a few lines of text.
     */
    static void finish(Path out, AtlasFindings findings, Map<String, Object> seconds, long started, String quality,
                       boolean json, PrintWriter stdout) throws IOException {
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
        if (w != null) {
            summary.put("zoomWindow", Json.ordered("lrHidden", List.of(w.hiddenFrom(), w.hiddenTo()), "lrOutput",
                    List.of(w.outputFrom(), w.outputTo())));
        }
        if (findings.map() != null) {
            // two boundaries: Sohl-Dickstein's (converged or not) and the one the map is drawn and zoomed by
            Map<String, Object> dims = new LinkedHashMap<>();
            dims.put("map", DeepZoomJob.dimension(findings.map().boundaryDimension()));
            dims.put("mapTrained", DeepZoomJob.dimension(findings.map().trainedBoundaryDimension()));
            if (findings.zoom() != null) {
                dims.put("zoom", DeepZoomJob.dimension(findings.zoom().boundaryDimension()));
                dims.put("zoomTrained", DeepZoomJob.dimension(findings.zoom().trainedBoundaryDimension()));
            }
            summary.put("boundaryDimension", dims);
        }
        FastestTraining fastest = FastestTraining.of(findings.learningRates());
        if (fastest != null) {
            summary.put("fastestToTarget", Json.ordered("lr", fastest.eta(), "medianSteps", fastest.medianSteps(),
                    "reached", fastest.reached(), "inits", fastest.inits()));
        }
        summary.put("seconds", seconds);
        Json.write(out.resolve("summary.json"), summary);
        if (json) {
            stdout.println(Json.write(summary));
        } else {
            stdout.printf(Locale.ROOT, "atlas: %s in %.0f s%n", quality, total);
            if (regimes != null) {
                stdout.printf(Locale.ROOT, "  regimes: %s%n", regimes);
            }
            stdout.printf(Locale.ROOT, "  onset of chaos: η ≈ %s%n", AtlasReport.fmt(findings.onsetOfChaos()));
            if (findings.map() != null) {
                stdout.printf(Locale.ROOT, "  boundary, converged or not (Sohl-Dickstein): box-counting D %s on the map, "
                        + "%s on the zoom%n", dimensionText(findings.map().boundaryDimension()), findings.zoom() == null
                        ? "—" : dimensionText(findings.zoom().boundaryDimension()));
                stdout.printf(Locale.ROOT, "  boundary, trained or not: box-counting D %s on the map, %s on the zoom%n",
                        dimensionText(findings.map().trainedBoundaryDimension()), findings.zoom() == null ? "—"
                                : dimensionText(findings.zoom().trainedBoundaryDimension()));
            }
            if (fastest != null) {
                stdout.printf(Locale.ROOT, "  fastest to the target test accuracy: η = %s (median %.0f steps; %d of "
                        + "%d inits reach it)%n", AtlasReport.fmt(fastest.eta()), fastest.medianSteps(), fastest.reached(),
                        fastest.inits());
            }
            stdout.printf(Locale.ROOT, "  open %s%n", index.toAbsolutePath());
        }
    }

    /** "= 1.43" or "undefined (the reason)". */
    private static String dimensionText(netdyn.fractal.BoundaryDimension d) {
        return d.defined() ? "= " + AtlasReport.fmt(d.dimension()) : "undefined (" + d.reason() + ")";
    }
}
