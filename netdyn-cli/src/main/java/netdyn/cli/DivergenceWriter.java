package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import netdyn.analysis.DivergenceExperiment;
import netdyn.analysis.DivergenceResult;
import netdyn.analysis.DivergenceSpec;
import netdyn.analysis.ResultKeys;
import netdyn.cli.io.Json;
import netdyn.cli.io.NpyReader;
import netdyn.cli.io.NpyWriter;
import netdyn.cli.io.Plots;
import netdyn.cli.io.Progress;
import netdyn.cli.io.RunDirectory;
import netdyn.lyapunov.FiniteTimeFit;
import picocli.CommandLine.Model.CommandSpec;

/** Files, JSON and figures of a divergence run directory. */
final class DivergenceWriter implements AutoCloseable {
    static final Map<String, Object> FILES = Json.ordered(
            "nmle.npy", "[E × 9]: ε, nMLE mean, std, passed, total, normalised distance initial, final, max, "
                    + "perturbed parameter count",
            "mean-distance-epsJ.npy", "[inits × (T−S+1)]: replica-mean distance d̄(t) after the perturbation, J-th ε",
            "replica-distance-epsJ.npy", "[inits·replicas × (T−S+1)]: every replica's distance (init-major)",
            "fits-epsJ.npy", "[inits × 5]: best window slope, intercept, R², start, length",
            "reference-loss.npy", "[inits × (T+1)]: loss of the reference runs",
            "weight-norm.npy", "[inits × (T+1)]: ‖θ(t)‖₁ of the reference runs",
            "displacement.npy", "[inits]: Δ = ‖θ(T) − θ(0)‖₁ / ‖θ(0)‖₁",
            "per-weight.npy", "[P × 3] (init 0): |θ_i(T) − θ_i(0)| / |θ_i(0)|, path length Σ_t |Δθ_i|, importance "
                    + "L(θ_i = 0) / L (NaN for biases)",
            "*.png", "distance (init 0, smallest ε), collapse (normalised curves across ε), nmle (against ε), "
                    + "weight-norm, weight-displacement (against path length), weight-importance");

    private final RunDirectory dir;
    private final DivergenceSpec spec;
    private final NpyWriter[] replicaFiles;

    DivergenceWriter(RunDirectory dir, DivergenceSpec spec) throws IOException {
        this.dir = dir;
        this.spec = spec;
        replicaFiles = new NpyWriter[spec.epsilons().length];
        for (int j = 0; j < replicaFiles.length; j++) {
            replicaFiles[j] = NpyWriter.matrix(dir.file("replica-distance-eps" + j + ".npy"),
                    (int) spec.followSteps() + 1);
        }
    }

    /** manifest.json, written first: an interrupted run directory still says what it was. */
    static void writeManifest(RunDirectory dir, CommandSpec command, Map<String, Object> network,
                              DivergenceOptions o, double[] epsilons) throws IOException {
        Map<String, Object> manifest = RunDirectory.manifestHeader("divergence", command);
        manifest.put("preset", o.preset);
        manifest.putAll(network);
        manifest.put("protocol", Json.ordered("inits", o.inits, "replicas", o.replicas, "epsilons", epsilons,
                "perturb", o.perturb, "perturbDist", o.perturbDist, "perturbAt", o.perturbAt, "norm", o.norm,
                "steps", o.steps));
        manifest.put("fit", Json.ordered("starts", o.fitStarts, "lengths", o.fitLengths, "horizon", o.fitHorizon,
                "minR2", o.minR2, "minSlope", o.minSlope));
        manifest.put("seedDerivation", "reference init i: Seeds.derive(seed, \"init\", i); replica r of init i: "
                + "ε·u, u from Seeds.derive(seed, \"perturbation\", i, r), the same u at every ε");
        manifest.put("files", FILES);
        Json.write(dir.file("manifest.json"), manifest);
    }

    /** The experiment's observer: replica distances into the streamed files, progress onto {@code progress}. */
    DivergenceExperiment.Observer observer(Progress progress) {
        return new DivergenceExperiment.Observer() {
            @Override
            public void replicaDistances(int epsIndex, int init, double[][] distances) {
                DivergenceWriter.this.replicaDistances(epsIndex, init, distances);
            }

            @Override
            public void progress(long done, long total) {
                progress.update(done, Double.NaN);
            }
        };
    }

    void replicaDistances(int epsIndex, int init, double[][] distances) {
        try {
            for (double[] row : distances) {
                replicaFiles[epsIndex].appendRow(row, 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes every replica-distance file (each keeps the rows written), even when one fails. */
    @Override
    public void close() throws IOException {
        IOException first = null;
        for (NpyWriter w : replicaFiles) {
            try {
                w.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** An exponent over the inits whose fit passes: {mean, std, passed, total}. */
    private static Map<String, Object> passingFits(double mean, double std, int passed, int total) {
        return Json.ordered("mean", Json.number(mean), "std", Json.number(std), "passed", passed, "total", total);
    }

    static Map<String, Object> summary(DivergenceResult r, DivergenceSpec spec, double eta) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("learningRate", eta);
        s.put(ResultKeys.STEPS, spec.steps());
        s.put("perturbAt", spec.perturbAt());
        s.put("inits", spec.inits());
        s.put("replicas", spec.replicas());
        s.put("perturbedParameters", r.normalisingCount());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DivergenceResult.PerEpsilon e : r.perEpsilon()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("eps", e.epsilon());
            row.put(ResultKeys.NMLE, passingFits(e.nmleMean(), e.nmleStd(), e.passed(), e.total()));
            row.put(ResultKeys.NMLE_SHORT, passingFits(e.shortMean(), e.shortStd(), e.shortPassed(), e.total()));
            Map<String, Object> nd = new LinkedHashMap<>();
            nd.put("initial", Json.number(e.normalizedInitial()));
            nd.put("final", Json.number(e.normalizedFinal()));
            nd.put("max", Json.number(e.normalizedMax()));
            row.put(ResultKeys.NORMALIZED_DISTANCE, nd);
            rows.add(row);
        }
        s.put(ResultKeys.PER_EPS, rows);
        double[] disp = r.reference().displacement();
        double mean = 0;
        for (double v : disp) {
            mean += v;
        }
        s.put("relativeDisplacementMean", Json.number(mean / disp.length));
        double[][] loss = r.reference().loss();
        double l0 = 0;
        double lT = 0;
        for (double[] l : loss) {
            l0 += l[0];
            lT += l[l.length - 1];
        }
        s.put("referenceLossInitialMean", Json.number(l0 / loss.length));
        s.put("referenceLossFinalMean", Json.number(lT / loss.length));
        // the contract keys (DESIGN.md): the smallest ε's nmle and normalizedDistance (perEps is ascending in ε)
        s.put(ResultKeys.NMLE, rows.get(0).get(ResultKeys.NMLE));
        s.put(ResultKeys.NMLE_SHORT, rows.get(0).get(ResultKeys.NMLE_SHORT));
        s.put(ResultKeys.NORMALIZED_DISTANCE, rows.get(0).get(ResultKeys.NORMALIZED_DISTANCE));
        return s;
    }

    static void writeResults(RunDirectory dir, DivergenceResult r, DivergenceSpec spec) throws IOException {
        try (NpyWriter w = NpyWriter.matrix(dir.file("nmle.npy"), 9)) {
            for (DivergenceResult.PerEpsilon e : r.perEpsilon()) {
                w.appendRow(new double[] {e.epsilon(), e.nmleMean(), e.nmleStd(), e.passed(), e.total(),
                    e.normalizedInitial(), e.normalizedFinal(), e.normalizedMax(), r.normalisingCount()}, 0);
            }
        }
        for (int j = 0; j < r.perEpsilon().size(); j++) {
            DivergenceResult.PerEpsilon e = r.perEpsilon().get(j);
            NpyWriter.writeRows(dir.file("mean-distance-eps" + j + ".npy"), e.meanDistance());
            double[][] fits = new double[e.fits().length][];
            for (int i = 0; i < fits.length; i++) {
                FiniteTimeFit.Window f = e.fits()[i];
                fits[i] = new double[] {f.slope(), f.intercept(), f.r2(), f.start(), f.length()};
            }
            NpyWriter.writeRows(dir.file("fits-eps" + j + ".npy"), fits);
        }
        DivergenceResult.Reference ref = r.reference();
        NpyWriter.writeRows(dir.file("reference-loss.npy"), ref.loss());
        NpyWriter.writeRows(dir.file("weight-norm.npy"), ref.weightNorm());
        NpyWriter.write(dir.file("displacement.npy"), ref.displacement());
        double[][] perWeight = new double[ref.pathLength().length][];
        for (int q = 0; q < perWeight.length; q++) {
            perWeight[q] = new double[] {ref.perWeightChange()[q], ref.pathLength()[q], ref.importance()[q]};
        }
        NpyWriter.writeRows(dir.file("per-weight.npy"), perWeight);
        figures(dir, r, spec);
    }

    private static void figures(RunDirectory dir, DivergenceResult r, DivergenceSpec spec) throws IOException {
        int len = (int) spec.followSteps() + 1;
        double[] t = new double[len];
        for (int u = 0; u < len; u++) {
            t[u] = spec.perturbAt() + u;
        }
        // d(t) per replica and their mean, init 0, smallest ε (read back from the streamed file)
        DivergenceResult.PerEpsilon first = r.perEpsilon().get(0);
        NpyReader.Array replicas = NpyReader.read(dir.file("replica-distance-eps0.npy"));
        List<Plots.Line> lines = new ArrayList<>();
        for (int k = 0; k < spec.replicas(); k++) {
            double[] y = new double[len];
            System.arraycopy(replicas.data(), k * len, y, 0, len);
            lines.add(Plots.Line.of("replica " + (k + 1), t, Plots.positive(y)));
        }
        lines.add(Plots.Line.emphasised("mean", t, Plots.positive(first.meanDistance()[0])));
        String title = String.format(Locale.ROOT, "Distance to the reference run, init 0, ε = %.1e", first.epsilon());
        Plots.lineChart(dir.file("distance.png"), title, "step", "distance", lines, true);

        List<Plots.Line> collapse = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (DivergenceResult.PerEpsilon e : r.perEpsilon()) {
            double[] y = new double[len];
            for (double[] m : e.meanDistance()) {
                for (int u = 0; u < len; u++) {
                    y[u] += m[u] / (r.normalisingCount() * e.epsilon()) / e.meanDistance().length;
                }
            }
            collapse.add(Plots.Line.of(String.format(Locale.ROOT, "ε = %.0e", e.epsilon()), t, Plots.positive(y)));
            for (double v : y) {
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        // a log axis only when the curves span decades (edge of stability), else the linear one reads better
        Plots.lineChart(dir.file("collapse.png"), "Normalised distance d/(N ε), mean over inits", "step",
                "d / (N ε)", collapse, hi / lo > 100);

        int m = r.perEpsilon().size();
        double[] eps = new double[m];
        double[] nmle = new double[m];
        StringBuilder passes = new StringBuilder();
        for (int j = 0; j < m; j++) {
            DivergenceResult.PerEpsilon e = r.perEpsilon().get(j);
            eps[j] = e.epsilon();
            nmle[j] = Double.isNaN(e.nmleMean()) ? 0 : e.nmleMean();
            passes.append(j == 0 ? "" : " ").append(e.passed());
        }
        Plots.lineChart(dir.file("nmle.png"), "nMLE against ε (passing inits: " + passes + " of " + spec.inits() + ")",
                "ε", "nMLE per step (0 where no init passed)", List.of(Plots.Line.of("nMLE", eps, nmle)), true, false);

        double[][] norm = r.reference().weightNorm();
        double[] tt = new double[norm[0].length];
        for (int u = 0; u < tt.length; u++) {
            tt[u] = u;
        }
        List<Plots.Line> wn = new ArrayList<>();
        for (int i = 0; i < Math.min(norm.length, 10); i++) {
            wn.add(Plots.Line.of("init " + i, tt, norm[i]));
        }
        Plots.lineChart(dir.file("weight-norm.png"), "‖θ(t)‖₁ of the reference runs", "step", "‖θ‖₁", wn, false);

        // per-weight diagnostics of init 0: how far each parameter ended up against how far it travelled,
        // and how much the loss depends on each weight
        DivergenceResult.Reference ref = r.reference();
        Plots.scatter(dir.file("weight-displacement.png"), "Per-parameter displacement against path length (init 0)",
                "path length Σ_t |θ_i(t+1) − θ_i(t)|", "|θ_i(T) − θ_i(0)| / |θ_i(0)|", ref.pathLength(),
                ref.perWeightChange(), true, true);
        int weights = 0;
        for (double v : ref.importance()) {
            weights += Double.isNaN(v) ? 0 : 1;
        }
        double[] index = new double[weights];
        double[] importance = new double[weights];
        for (int q = 0, w = 0; q < ref.importance().length; q++) {
            if (!Double.isNaN(ref.importance()[q])) {
                index[w] = q;
                importance[w++] = ref.importance()[q];
            }
        }
        Plots.scatter(dir.file("weight-importance.png"), "Weight importance at the end (init 0): L(θ with w_i = 0) / L(θ)",
                "parameter index (θ order)", "loss ratio", index, importance, false, true);
    }

    static void printTable(PrintWriter out, DivergenceResult r, DivergenceSpec spec, RunDirectory dir) {
        out.printf(Locale.ROOT, "%s: %d inits × %d replicas, %d steps%s, ‖·‖ %s%n",
                dir.path(), spec.inits(), spec.replicas(),
                spec.steps(), spec.perturbAt() > 0 ? ", perturbed at step " + spec.perturbAt() : "",
                spec.norm().name().toLowerCase());
        out.printf(Locale.ROOT, "%10s %10s %8s %8s %10s %8s %10s %10s %10s%n",
                "ε", "nMLE", "± std", "passed", "short", "passed", "d/(Nε) t0", "final", "max");
        for (DivergenceResult.PerEpsilon e : r.perEpsilon()) {
            out.printf(Locale.ROOT, "%10.1e %10s %8s %5d/%-3d %10s %5d/%-3d %10.4g %10.4g %10.4g%n", e.epsilon(),
                    fmt(e.nmleMean()), fmt(e.nmleStd()), e.passed(), e.total(), fmt(e.shortMean()), e.shortPassed(),
                    e.total(), e.normalizedInitial(), e.normalizedFinal(), e.normalizedMax());
        }
        double mean = 0;
        for (double v : r.reference().displacement()) {
            mean += v;
        }
        out.printf(Locale.ROOT, "relative displacement Δ (mean over inits): %.4g%n",
                mean / r.reference().displacement().length);
    }

    /** The text report on stdout (without --json): the table, the regime counts and the study's findings. */
    static void printText(PrintWriter out, DivergenceResult r, DivergenceSpec spec, RunDirectory dir,
                          Map<String, Object> summary, String preset) {
        printTable(out, r, spec, dir);
        if (summary.containsKey("regimes")) {
            out.println("regimes of the reference runs: " + ((Map<?, ?>) summary.get("regimes")).get("counts"));
        }
        if (preset != null) {
            out.println("study (" + preset + "): " + StudyPresets.findings(preset));
        }
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "—";
    }
}
