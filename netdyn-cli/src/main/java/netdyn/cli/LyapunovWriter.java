package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import netdyn.analysis.ResultKeys;
import netdyn.cli.io.Json;
import netdyn.cli.io.NpyWriter;
import netdyn.cli.io.Plots;
import netdyn.cli.io.RunDirectory;
import netdyn.dynamics.DiscreteMap;
import netdyn.lyapunov.SpectrumResult;
import netdyn.lyapunov.SpectrumSpec;
import netdyn.lyapunov.TwinOrbitEstimator;
import picocli.CommandLine.Model.CommandSpec;

/** Summary, text, files and figure of {@code netdyn lyapunov}; collects the running estimates as they come. */
final class LyapunovWriter {
    /**
     * Runs of steps the figure draws each line through (the minimum and maximum of each, {@link
     * Plots.Line#envelope}): one per 1.6 pixel columns of the 800-pixel plot area, so the figure looks as with
     * every step, and its cost stops growing with the steps (83 lines of 2000 points took about as long to draw
     * as the Iris spectrum's 2000 QR steps).
     */
    static final int PLOT_COLUMNS = 500;

    private final SpectrumSpec spec;
    private final long every;
    private final List<double[]> running = new ArrayList<>();
    private double[] latest;
    private long latestStep = -1;

    LyapunovWriter(SpectrumSpec spec) {
        this.spec = spec;
        this.every = Math.max(1, spec.steps() / 5000); // keep at most ~5000 rows of running estimates
    }

    /** manifest.json: the command line, the map and the spectrum settings. */
    static void writeManifest(RunDirectory dir, CommandSpec command, Map<String, Object> config, SpectrumSpec spec)
            throws IOException {
        Map<String, Object> manifest = RunDirectory.manifestHeader("lyapunov", command);
        manifest.putAll(config);
        manifest.put("steps", spec.steps());
        manifest.put("transient", spec.transient_());
        manifest.put("k", spec.k());
        manifest.put("qrEvery", spec.qrEvery());
        manifest.put("frameSeed", spec.seed());
        manifest.put("seedDerivation", "start frame: Seeds.derive(frameSeed, \"lyapunov-frame\"); twin direction: "
                + "Seeds.derive(frameSeed, \"twin-direction\")");
        manifest.put("files", Json.ordered("exponents.npy", "the k exponents, descending",
                "running.npy", "[M × (1+k)]: step, running estimate of each exponent (QR order)",
                "running.png", "running estimates against steps"));
        Json.write(dir.file("manifest.json"), manifest);
    }

    /** Keeps the running estimates after {@code step} (every few steps, and the last). */
    void running(long step, double[] estimates) {
        latest = estimates.clone();
        latestStep = step;
        if (step % every == 0 || step == spec.steps()) {
            int k = spec.k();
            double[] row = new double[k + 1];
            row[0] = step;
            System.arraycopy(estimates, 0, row, 1, k);
            running.add(row);
        }
    }

    /** What a run stopped early keeps: running.npy as far as it went, and the latest running estimates. */
    Map<String, Object> partial(RunDirectory dir) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        if (latest != null) {
            m.put("runningExponents", Json.numbers(latest));
            m.put("runningAtStep", latestStep);
        }
        if (dir != null && !running.isEmpty()) {
            NpyWriter.writeRows(dir.file("running.npy"), running, spec.k() + 1);
        }
        return m;
    }

    /** The summary (stdout with --json, summary.json with --out); non-finite numbers as null. */
    static Map<String, Object> summary(String label, DiscreteMap map, SpectrumResult result,
                                       TwinOrbitEstimator.Result twin, double twinDistance) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("system", label);
        summary.put("dimension", map.dimension());
        summary.put("unit", map.timePerStep() == 1 ? "per step" : "per unit time (Δt = " + map.timePerStep() + ")");
        summary.put(ResultKeys.STATUS, result.completed() ? "ok" : "stopped");
        summary.put("failure", result.failure());
        summary.put(ResultKeys.STEPS, result.steps());
        summary.put(ResultKeys.EXPONENTS, Json.numbers(result.exponents()));
        summary.put(ResultKeys.LAMBDA_TANGENT, Json.number(result.exponents()[0]));
        summary.put(ResultKeys.KAPLAN_YORKE_DIMENSION, Json.number(result.kaplanYorkeDimension()));
        Map<String, Object> sumRule = new LinkedHashMap<>();
        sumRule.put(ResultKeys.SPECTRUM_SUM, Json.number(result.sumOfExponents()));
        sumRule.put("meanLogAbsDet", Json.number(result.meanLogDet()));
        sumRule.put("error", Json.number(result.sumRuleError()));
        summary.put("sumRule", sumRule);
        if (twin != null) {
            Map<String, Object> tw = new LinkedHashMap<>();
            tw.put(ResultKeys.LAMBDA_TWIN, Json.number(twin.exponent()));
            tw.put("steps", twin.steps());
            tw.put("failure", twin.failure());
            tw.put("distance", twinDistance);
            summary.put("twinOrbit", tw);
        }
        return summary;
    }

    /** summary.json, exponents.npy, running.npy and running.png. */
    void writeFiles(RunDirectory dir, Map<String, Object> summary, SpectrumResult result, String label, double dt)
            throws IOException {
        Json.write(dir.file("summary.json"), summary);
        NpyWriter.write(dir.file("exponents.npy"), result.exponents());
        int k = spec.k();
        NpyWriter.writeRows(dir.file("running.npy"), running, k + 1);
        double[] steps = new double[running.size()];
        List<Plots.Line> lines = new ArrayList<>();
        for (int r = 0; r < steps.length; r++) {
            steps[r] = running.get(r)[0];
        }
        for (int i = 0; i < k; i++) {
            double[] y = new double[steps.length];
            for (int r = 0; r < steps.length; r++) {
                y[r] = running.get(r)[i + 1];
            }
            lines.add(Plots.Line.envelope("λ" + (i + 1), steps, y, PLOT_COLUMNS));
        }
        if (steps.length > 0) {
            lines.add(Plots.Line.horizontal("0", steps[0], steps[steps.length - 1], 0));
        }
        Plots.lineChart(dir.file("running.png"), "Running Lyapunov exponents — " + label, "step",
                dt == 1 ? "exponent per step" : "exponent per unit time", lines, false);
    }

    /** The text report on stdout (without --json). */
    static void printText(PrintWriter out, String label, Map<String, Object> summary, SpectrumResult result,
                          TwinOrbitEstimator.Result twin, RunDirectory dir) {
        out.printf(Locale.ROOT, "%s: %s over %d steps%n",
                label, result.completed() ? "ok" : "stopped: " + result.failure(),
                result.steps());
        out.printf(Locale.ROOT, "  exponents (%s): %s%n", summary.get("unit"), preview(result.exponents()));
        out.printf(Locale.ROOT, "  Kaplan–Yorke dimension %.6g; sum %.6g vs ⟨ln|det J|⟩ %s%n",
                result.kaplanYorkeDimension(),
                result.sumOfExponents(), Double.isNaN(result.meanLogDet()) ? "n/a"
                        : String.format(Locale.ROOT, "%.6g", result.meanLogDet()));
        if (twin != null) {
            out.printf(Locale.ROOT, "  twin orbits: maximal exponent %.6g%s%n", twin.exponent(),
                    twin.failure() == null ? "" : " (" + twin.failure() + ")");
        }
        if (dir != null) {
            out.println("  files in " + dir.path());
        }
    }

    private static String preview(double[] e) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(e.length, 8);
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6g", e[i]));
        }
        if (e.length > shown) {
            sb.append(", … (").append(e.length - shown).append(" more), ").append(String.format(Locale.ROOT, "%.6g",
                    e[e.length - 1]));
        }
        return sb.toString();
    }
}
