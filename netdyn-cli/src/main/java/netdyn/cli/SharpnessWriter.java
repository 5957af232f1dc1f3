package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import netdyn.analysis.ResultKeys;
import netdyn.analysis.SharpnessRun;
import netdyn.cli.io.Json;
import netdyn.cli.io.NpyWriter;
import netdyn.cli.io.Plots;
import netdyn.cli.io.Progress;
import netdyn.cli.io.RunDirectory;
import netdyn.curvature.HessianSpectrum;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Files, summary, figure and text of {@code netdyn sharpness}: observes the run, streaming sharpness.npy and
 * writing each full spectrum as it comes.
 */
final class SharpnessWriter implements SharpnessRun.Observer, AutoCloseable {
    private final RunDirectory dir;
    private final int top;
    private final Progress progress;
    private final NpyWriter sharpness;
    private final List<double[]> series = new ArrayList<>();
    private final List<double[]> preconditionedSeries = new ArrayList<>();
    private NpyWriter preconditioned; // opened on the first preconditioned sample
    private final List<Map<String, Object>> spectra = new ArrayList<>();
    private double latest = Double.NaN;

    SharpnessWriter(RunDirectory dir, int top, Progress progress) throws IOException {
        this.dir = dir;
        this.top = top;
        this.progress = progress;
        this.sharpness = NpyWriter.matrix(dir.file("sharpness.npy"), 2 + top);
    }

    /** manifest.json: the command line, the network and the sharpness settings. */
    static void writeManifest(RunDirectory dir, CommandSpec command, Map<String, Object> network,
                              SharpnessOptions options) throws IOException {
        Map<String, Object> manifest = RunDirectory.manifestHeader("sharpness", command);
        manifest.putAll(network);
        manifest.put("steps", options.steps);
        manifest.put("every", options.every);
        manifest.put("top", options.top);
        manifest.put("lanczos", options.lanczos);
        manifest.put("tolerance", options.tolerance);
        manifest.put("lanczosSeed", "Seeds.derive(seed, \"lanczos\", call index)");
        Json.write(dir.file("manifest.json"), manifest);
    }

    @Override
    public void sharpness(long t, double loss, double[] eig) {
        double[] row = new double[2 + top];
        row[0] = t;
        row[1] = loss;
        Arrays.fill(row, 2, row.length, Double.NaN);
        System.arraycopy(eig, 0, row, 2, eig.length);
        series.add(row);
        try {
            sharpness.appendRow(row, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        latest = eig[0];
    }

    /** preconditioned-sharpness.npy rows: step, then the top eigenvalues of P⁻¹H. */
    @Override
    public void preconditionedSharpness(long t, double[] eig) {
        double[] row = new double[1 + top];
        row[0] = t;
        Arrays.fill(row, 1, row.length, Double.NaN);
        System.arraycopy(eig, 0, row, 1, eig.length);
        preconditionedSeries.add(row);
        try {
            if (preconditioned == null) {
                preconditioned = NpyWriter.matrix(dir.file("preconditioned-sharpness.npy"), 1 + top);
            }
            preconditioned.appendRow(row, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every step: the progress line (with the latest λ_max) and the stop boundary. */
    @Override
    public void step(long t, double loss) {
        progress.update(t, latest);
    }

    @Override
    public void fullSpectrum(long t, HessianSpectrum s) {
        try {
            NpyWriter.write(dir.file("hessian-spectrum-" + t + ".npy"), s.eigenvalues());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", t);
        m.put("max", s.eigenvalues()[0]);
        m.put("min", s.eigenvalues()[s.eigenvalues().length - 1]);
        m.put("nearZero", s.nearZero());
        m.put("negative", s.negative());
        m.put("file", "hessian-spectrum-" + t + ".npy");
        spectra.add(m);
    }

    /** Closes sharpness.npy. */
    @Override
    public void close() throws IOException {
        sharpness.close();
        if (preconditioned != null) {
            preconditioned.close();
        }
    }

    /** The summary (stdout with --json, summary.json); non-finite numbers as null. */
    Map<String, Object> summary(SharpnessRun.Result result, double eta, int parameters) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", result.diverged() ? "diverged" : "ok");
        summary.put("steps", result.steps());
        summary.put("learningRate", eta);
        summary.put("twoOverEta", 2 / eta);
        summary.put(ResultKeys.SHARPNESS_MAX, Json.number(result.maxSharpness()));
        summary.put(ResultKeys.SHARPNESS_FINAL, Json.number(result.finalSharpness()));
        summary.put(ResultKeys.EOS_RATIO_MAX, Json.number(result.maxSharpness() * eta / 2));
        if (!Double.isNaN(result.maxPreconditioned())) {
            // adaptive steps: λ_max(P⁻¹H) against the optimizer's own threshold (Cohen et al. 2022)
            summary.put(ResultKeys.PRECONDITIONED_SHARPNESS, Json.ordered("max", Json.number(result.maxPreconditioned()),
                    "final", Json.number(result.finalPreconditioned()), "threshold", result.threshold(),
                    "finalOverThreshold", Json.number(result.finalPreconditioned() / result.threshold()),
                    "file", "preconditioned-sharpness.npy"));
        } else {
            summary.put(ResultKeys.STABILITY_THRESHOLD, result.threshold());
        }
        summary.put("fullSpectra", spectra);
        summary.put("parameters", parameters);
        summary.put("out", dir.path().toString());
        return summary;
    }

    /** summary.json and sharpness.png (the largest eigenvalue against 2/η; none without sharpness rows). */
    void writeFiles(Map<String, Object> summary, double eta) throws IOException {
        Json.write(dir.file("summary.json"), summary);
        if (series.isEmpty()) {
            return;
        }
        double[] t = new double[series.size()];
        double[] l1 = new double[series.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = series.get(i)[0];
            l1[i] = series.get(i)[2];
        }
        Plots.lineChart(dir.file("sharpness.png"), "Sharpness against the 2/η bound (η = " + eta + ")", "step",
                "largest Hessian eigenvalue", List.of(Plots.Line.of("λ_max", t, l1),
                        Plots.Line.horizontal("2/η", t[0], t[t.length - 1], 2 / eta)), false);
    }

    /** The text report on stdout (without --json). */
    void printText(PrintWriter out, SharpnessRun.Result result, long steps, double eta) {
        boolean heavyBall = Double.isNaN(result.maxPreconditioned()) && result.threshold() != 2 / eta;
        out.printf(Locale.ROOT, "%s: %s; sharpness max %.6g, final %.6g, 2/η = %.6g%s%n", dir.path(),
                result.diverged() ? "diverged at step " + result.steps() : "ok after " + steps + " steps",
                result.maxSharpness(), result.finalSharpness(), 2 / eta, heavyBall
                        ? String.format(Locale.ROOT, "; the optimizer's threshold %.6g", result.threshold()) : "");
        if (!Double.isNaN(result.maxPreconditioned())) {
            out.printf(Locale.ROOT, "  preconditioned sharpness λ_max(P⁻¹H): max %.6g, final %.6g; the optimizer's "
                    + "threshold %.6g (final/threshold %.3f)%n", result.maxPreconditioned(), result.finalPreconditioned(),
                    result.threshold(), result.finalPreconditioned() / result.threshold());
        }
        for (Map<String, Object> m : spectra) {
            out.printf(Locale.ROOT, "  full Hessian at step %s: λ_max %.6g, λ_min %.6g, %s near zero, %s negative%n",
                    m.get("step"),
                    (double) m.get("max"), (double) m.get("min"), m.get("nearZero"), m.get("negative"));
        }
    }
}
